package org.promisedesk.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.context.WebServerApplicationContext;

/**
 * The application without the {@code demo} profile, as in production: none of the demo users
 * exists (their passwords are their ids and published in the README), and no password appears
 * in the log, at DEBUG, whether a login is right or wrong, over HTTP Basic or the web apps.
 */
@ExtendWith(OutputCaptureExtension.class)
class ProductionProfileTest {

    private static final String USER = "lina";
    private static final String RIGHT = "Correct-Horse-Battery-9";
    private static final String WRONG = "Wrong-Horse-Staple-7";
    private static final List<String> LOUD = List.of("org.camunda", "org.promisedesk", "org.springframework.web",
            "org.springframework.security", "org.apache.catalina");

    @Test
    void shouldHaveNoDemoUsersAndLogNoPasswords(CapturedOutput output) throws Exception {
        List<String> demoUsers = new ArrayList<>(DemoUsers.USERS.stream().map(DemoUsers.DemoUser::id).toList());
        demoUsers.add("demo");
        LoggingSystem logging = LoggingSystem.get(getClass().getClassLoader());
        try (var app = StandaloneApp.withDatabase("jdbc:h2:mem:production-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1")
                .profiles("production").property("camunda.bpm.admin-user.id", "root-admin")
                .property("camunda.bpm.admin-user.password", "Str0ng-Admin-Passw0rd!").start()) {
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            IdentityService identity = app.getBean(IdentityService.class);
            // The engine REST API and the web apps name this application's engine in the path.
            String engine = app.getBean(ProcessEngine.class).getName();
            String tasks = "/engine-rest/engine/" + engine + "/task";

            assertThat(demoUsers).allSatisfy(id -> assertThat(identity.createUserQuery().userId(id).count())
                    .as("demo user %s", id).isZero());
            assertThat(identity.createGroupQuery().groupId(Groups.AGENTS).count()).as("the groups exist").isEqualTo(1);
            assertThat(get(port, "/api/customers", "agent", "agent").statusCode()).isEqualTo(401);
            assertThat(get(port, tasks, "demo", "demo").statusCode()).isEqualTo(401);
            assertThat(new SecurityTest.WebAppSession(port).login("tasklist", engine, "agent", "agent")).isEqualTo(401);

            User user = identity.newUser(USER);
            user.setPassword(RIGHT);
            identity.saveUser(user);
            identity.createMembership(USER, Groups.AGENTS);
            LOUD.forEach(logger -> logging.setLogLevel(logger, LogLevel.DEBUG));

            assertThat(get(port, tasks, USER, RIGHT).statusCode()).isEqualTo(200);
            assertThat(get(port, "/api/customers", USER, RIGHT).statusCode()).isEqualTo(200);
            SecurityTest.WebAppSession browser = new SecurityTest.WebAppSession(port);
            assertThat(browser.login("tasklist", engine, USER, RIGHT)).isEqualTo(200);
            assertThat(get(port, "/api/customers", USER, WRONG).statusCode()).isEqualTo(401);
            assertThat(get(port, tasks, USER, WRONG).statusCode()).isEqualTo(401);
            assertThat(new SecurityTest.WebAppSession(port).login("tasklist", engine, USER, WRONG)).isEqualTo(401);
        } finally {
            LOUD.forEach(logger -> logging.setLogLevel(logger, null));
        }

        assertThat(output.getAll()).as("the log was captured").contains("Tomcat started on port", " DEBUG ")
                .doesNotContain(RIGHT, WRONG, basic(RIGHT), basic(WRONG),
                        java.net.URLEncoder.encode(RIGHT, StandardCharsets.UTF_8));
        System.out.printf("ProductionProfileTest: %d demo users looked for, 0 found; %d log lines read, "
                + "0 with a password%n", demoUsers.size(), output.getAll().lines().count());
    }

    private static HttpResponse<String> get(int port, String path, String user, String password) throws Exception {
        return HostileRequests.of("get", "GET", path, null, null, null, 0, "").sendAs(port, user, password);
    }

    private static String basic(String password) {
        return Base64.getEncoder().encodeToString((USER + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}

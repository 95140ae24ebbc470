package org.promisedesk.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Accounts as an attacker meets them, on the application without the demo profile: no start without
 * an administrator, Camunda's first-administrator page closed even once the last administrator is
 * gone, the password policy on every way a password is set, and failed logins throttled by the
 * address they come from, not by the user they guess at. The throttle test goes last: it blocks
 * this machine's own address.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AccountSecurityTest {

    private static final String ADMIN = "root-admin";
    private static final String ADMIN_PASSWORD = "Str0ng-Admin-Passw0rd!";
    private static final String USER = "lina";
    private static final String PASSWORD = "Correct-Horse-Battery-9";

    private final HttpClient http = HttpClient.newHttpClient();
    private ConfigurableApplicationContext app;
    private IdentityService identity;
    private String engine;
    private int port;

    @BeforeAll
    void start() {
        app = production().property("camunda.bpm.admin-user.id", ADMIN)
                .property("camunda.bpm.admin-user.password", ADMIN_PASSWORD).start();
        port = ((WebServerApplicationContext) app).getWebServer().getPort();
        identity = app.getBean(IdentityService.class);
        engine = app.getBean(ProcessEngine.class).getName();
        User user = identity.newUser(USER);
        user.setPassword(PASSWORD);
        identity.saveUser(user);
        identity.createMembership(USER, Groups.AGENTS);
    }

    @AfterAll
    void stop() {
        app.close();
    }

    @Test
    @Order(1)
    void shouldRefuseToStartWithoutAnAdministratorAndSayHowToCreateOne() {
        assertThatThrownBy(() -> production().start().close())
                .hasStackTraceContaining("No administrator (no user in group camunda-admin)")
                .hasStackTraceContaining("camunda.bpm.admin-user.id")
                .hasStackTraceContaining("promise-desk.security.admin-setup=true");
    }

    @Test
    @Order(2)
    void shouldRefuseAWeakPasswordOverRestAndJava() throws Exception {
        HttpResponse<String> weak = http.send(HttpRequest.newBuilder(url("/engine-rest/engine/" + engine + "/user/"
                + USER + "/credentials")).header("Authorization", basic(ADMIN, ADMIN_PASSWORD))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"password\":\"a\",\"authenticatedUserPassword\":\""
                        + ADMIN_PASSWORD + "\"}")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(weak.statusCode()).as(weak.body()).isEqualTo(400);
        assertThat(weak.body()).contains("Password does not match policy");
        assertThat(identity.checkPassword(USER, PASSWORD)).as("the old password still works").isTrue();
        User intruder = identity.newUser("weak-" + UUID.randomUUID().toString().substring(0, 8));
        intruder.setPassword("password1");
        assertThatThrownBy(() -> identity.saveUser(intruder)).isInstanceOf(ProcessEngineException.class)
                .hasMessageContaining("does not match policy");
    }

    @Test
    @Order(3)
    void shouldKeepTheSetupPageClosedAfterTheLastAdministratorIsDeleted() throws Exception {
        identity.deleteUser(ADMIN);
        SecurityTest.WebAppSession anonymous = new SecurityTest.WebAppSession(port);
        anonymous.get("/camunda/app/admin/" + engine + "/");

        HttpResponse<String> page = http.send(HttpRequest.newBuilder(url("/camunda/app/admin/" + engine + "/setup/"))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> create = anonymous.post("/camunda/api/admin/setup/" + engine + "/user/create",
                "{\"profile\":{\"id\":\"intruder\",\"firstName\":\"I\",\"lastName\":\"N\",\"email\":\"i@n.example\"},"
                        + "\"credentials\":{\"password\":\"Intruder-Passw0rd!\"}}", true);

        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(create.statusCode()).as(create.body()).isEqualTo(404);
        assertThat(identity.createUserQuery().userId("intruder").count()).as("no administrator was created").isZero();
    }

    @Test
    @Order(4)
    void shouldThrottleTheSourceOfFailedLoginsWhileTheUserItGuessedAtKeepsWorking() throws Exception {
        for (int i = 0; i < 10; i++) {
            assertThat(status("127.0.0.1", USER, "Wrong-Guess-" + i)).as("guess %d", i).isEqualTo(401);
        }

        assertThat(status("127.0.0.1", USER, PASSWORD)).as("the guessing address waits").isEqualTo(429);
        assertThat(new SecurityTest.WebAppSession(port).login("tasklist", engine, USER, PASSWORD))
                .as("on every way in").isEqualTo(429);
        assertThat(status("127.0.0.2", USER, PASSWORD)).as("the user, from elsewhere").isEqualTo(200);
        assertThat(identity.checkPassword(USER, PASSWORD)).as("not locked by the engine").isTrue();
    }

    private static StandaloneApp production() {
        return StandaloneApp.withDatabase("jdbc:h2:mem:accounts-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1")
                .profiles("production");
    }

    /** GET /api/customers over a socket bound to {@code source}, so that the server sees that address. */
    private int status(String source, String user, String password) throws Exception {
        try (Socket socket = new Socket(InetAddress.getByName("127.0.0.1"), port, InetAddress.getByName(source), 0)) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET /api/customers HTTP/1.1\r\nHost: localhost\r\nAuthorization: " + basic(user, password)
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String statusLine = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.US_ASCII)).readLine();
            return Integer.parseInt(statusLine.split(" ")[1]);
        }
    }

    private URI url(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}

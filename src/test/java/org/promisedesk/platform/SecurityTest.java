package org.promisedesk.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.promisedesk.platform.HostileRequests.JSON;
import static org.promisedesk.platform.HostileRequests.of;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import jakarta.mail.internet.MimeMessage;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.promisedesk.mail.MailAssertions;
import org.promisedesk.mail.TestMailServer;
import org.promisedesk.promise.PromiseProcess;
import org.promisedesk.refusal.RefusalProcess;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Who may do what, per endpoint family: nobody anonymous, agents not in other groups' tasks nor in
 * the audit trail, auditors never writing; the web apps keep Camunda's CSRF protection; customer
 * text is escaped in e-mail. (Demo users and password logging: {@link ProductionProfileTest}.)
 */
@EngineTest
class SecurityTest {

    private static final AtomicInteger TRIED = new AtomicInteger();
    private static final String PROBE = "Process_SecurityProbe";
    private static final AtomicInteger KEYS = new AtomicInteger();

    @LocalServerPort int port;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired HistoryService historyService;
    @Autowired RepositoryService repositoryService;
    @Autowired ManagementService managementService;
    @Autowired IdentityService identityService;
    @Autowired TestMailServer mail;

    private final List<String> started = new ArrayList<>();

    @BeforeEach
    void deployTheProbe() {
        if (repositoryService.createProcessDefinitionQuery().processDefinitionKey(PROBE).count() == 0) {
            repositoryService.createDeployment().name("security-probe")
                    .addModelInstance("security-probe.bpmn", TestModels.taskPerGroup(PROBE, Groups.TECH)).deploy();
        }
    }

    @AfterEach
    void removeWhatWasStarted() {
        identityService.clearAuthentication();
        started.forEach(id -> runtimeService.deleteProcessInstanceIfExists(id, "security test over", true, true, true,
                false));
    }

    @AfterAll
    static void printWhatWasCounted() {
        System.out.printf("SecurityTest: %d requests tried against the access rules, none let through%n", TRIED.get());
    }

    /** Every endpoint family, anonymous. /api/requests, /api/promises and /api/reports are behind the same filter. */
    static Stream<HostileRequests> anonymous() {
        return Stream.of(
                of("customers", "GET", "/api/customers", null, null, null, 401, "Log in"),
                of("one customer", "GET", "/api/customers/1", null, null, null, 401, "Log in"),
                of("services", "GET", "/api/services", null, null, null, 401, "Log in"),
                of("renewal payment", "POST", "/api/services/1/renewals", null, JSON, "{\"paidUntil\":\"2099-01-01\"}",
                        401, "Log in"),
                of("ICP photo upload", "POST", "/api/icp-filings/1/photo", null, null,
                        new HostileRequests.Multipart("photo", "x.jpg", "x"), 401, "Log in"),
                of("ICP photo", "GET", "/api/icp-filings/1/photo", null, null, null, 401, "Log in"),
                of("incident report", "GET", "/api/incidents/1/report", null, null, null, 401, "Log in"),
                of("audit search", "GET", "/api/audit/requests", null, null, null, 401, "Log in"),
                of("audit trail", "GET", "/api/audit/requests/REQ-2026-000123", null, null, null, 401, "Log in"),
                of("audit report", "GET", "/api/audit/requests/REQ-2026-000123/report", null, null, null, 401,
                        "Log in"),
                of("requests", "GET", "/api/requests", null, null, null, 401, "Log in"),
                of("new request", "POST", "/api/requests", null, JSON, "{}", 401, "Log in"),
                of("promises", "GET", "/api/promises", null, null, null, 401, "Log in"),
                of("deployment record", "GET", "/api/deployments", null, null, null, 401, "Log in"),
                of("reports", "GET", "/api/reports/promises", null, null, null, 401, "Log in"),
                of("engine: tasks", "GET", "/engine-rest/task", null, null, null, 401, ""),
                of("engine: start", "POST", "/engine-rest/process-definition/key/promise/start", null, JSON, "{}", 401,
                        ""),
                of("engine: history", "GET", "/engine-rest/history/process-instance", null, null, null, 401, ""),
                of("engine: operation log", "GET", "/engine-rest/history/user-operation", null, null, null, 401, ""),
                of("engine: deploy", "POST", "/engine-rest/deployment/create", null, null,
                        new HostileRequests.Multipart("deployment-name", null, "anonymous"), 401, ""),
                of("engine: users", "GET", "/engine-rest/user", null, null, null, 401, ""),
                of("engine: message", "POST", "/engine-rest/message", null, JSON, "{\"messageName\":\"x\"}", 401, ""),
                of("Tasklist API", "GET", "/camunda/api/engine/engine/default/task", null, null, null, 401, ""),
                of("Cockpit API", "GET", "/camunda/api/cockpit/plugin/base/default/process-definition/statistics",
                        null, null, null, 401, ""),
                of("Admin API", "GET", "/camunda/api/engine/engine/default/user", null, null, null, 401, ""),
                of("unknown user", "GET", "/api/customers", "nobody", null, null, 401, "Unknown user"));
    }

    /** Auditors read; every write is refused, on both APIs. {instance} and {task}: agent's open promise. */
    static Stream<HostileRequests> auditorWrites() {
        return Stream.of(
                of("start a process", "POST", "/engine-rest/process-definition/key/promise/start", "auditor", JSON,
                        HostileInputTest.validStart("REQ-2026-970002", "agent"), 403, "CREATE"),
                of("complete a task", "POST", "/engine-rest/task/{task}/complete", "auditor", JSON, "{}", 403,
                        "TASK_WORK"),
                of("claim a task", "POST", "/engine-rest/task/{task}/claim", "auditor", JSON,
                        "{\"userId\":\"auditor\"}", 403, "permission"),
                of("set a task variable", "PUT", "/engine-rest/task/{task}/variables/note", "auditor", JSON,
                        "{\"value\":\"x\"}", 403, "permission"),
                of("comment on a task", "POST", "/engine-rest/task/{task}/comment/create", "auditor", JSON,
                        "{\"message\":\"x\"}", 403, "permission"),
                of("set an instance variable", "PUT", "/engine-rest/process-instance/{instance}/variables/note",
                        "auditor", JSON, "{\"value\":\"x\"}", 403, "UPDATE"),
                of("delete an instance", "DELETE", "/engine-rest/process-instance/{instance}", "auditor", null, null,
                        403, "DELETE"),
                of("suspend an instance", "PUT", "/engine-rest/process-instance/{instance}/suspended", "auditor", JSON,
                        "{\"suspended\":true}", 403, "permission"),
                of("suspend a process", "PUT", "/engine-rest/process-definition/key/promise/suspended", "auditor", JSON,
                        "{\"suspended\":true}", 403, "permission"),
                of("deploy", "POST", "/engine-rest/deployment/create", "auditor", null,
                        new HostileRequests.Multipart("deployment-name", null, "auditor", "a.bpmn", "a.bpmn",
                                TestModels.processWithForm("Process_ByAuditor", "auditor-form")), 403, "CREATE"),
                of("create a user", "POST", "/engine-rest/user/create", "auditor", JSON,
                        "{\"profile\":{\"id\":\"mole\"},\"credentials\":{\"password\":\"mole\"}}", 403, "Auditors change nothing"),
                of("grant a permission", "POST", "/engine-rest/authorization/create", "auditor", JSON,
                        "{\"type\":1,\"permissions\":[\"ALL\"],\"userId\":\"auditor\",\"resourceType\":0,"
                                + "\"resourceId\":\"*\"}", 403, "Auditors change nothing"),
                of("join a group", "PUT", "/engine-rest/group/leads/members/auditor", "auditor", null, null, 403,
                        "Auditors change nothing"),
                of("open a request", "POST", "/api/requests", "auditor", JSON,
                        "{\"customerId\":1,\"subject\":\"Backup\",\"body\":\"Please check the backup.\"}", 403,
                        "Opening a request"),
                of("record a payment", "POST", "/api/services/1/renewals", "auditor", JSON,
                        "{\"paidUntil\":\"2099-01-01\"}", 403, "Recording a payment needs"),
                of("upload an ICP photo", "POST", "/api/icp-filings/1/photo", "auditor", null,
                        new HostileRequests.Multipart("photo", "x.jpg", "x"), 403, "may upload"),
                of("write to the audit trail", "POST", "/api/audit/requests", "auditor", JSON, "{}", 405,
                        "not supported"),
                of("change an audit trail", "PUT", "/api/audit/requests/REQ-2026-000123", "auditor", JSON, "{}", 405,
                        "not supported"),
                of("delete an audit trail", "DELETE", "/api/audit/requests/REQ-2026-000123", "auditor", null, null,
                        405, "not supported"));
    }

    /**
     * What agents may not read: the tech group's task ({techTask}, {techInstance}, started by a
     * lead, so that there is an operation log entry) and every audit trail.
     */
    static Stream<HostileRequests> agentReads() {
        return Stream.of(
                of("another group's task", "GET", "/engine-rest/task/{techTask}", "agent", null, null, 404,
                        "No matching task"),
                of("another group's tasks in a query", "GET", "/engine-rest/task?processInstanceId={techInstance}",
                        "agent", null, null, 200, "[]"),
                of("another group's task count", "GET", "/engine-rest/task/count?processInstanceId={techInstance}",
                        "agent", null, null, 200, "{\"count\":0}"),
                of("another group's task variables", "GET", "/engine-rest/task/{techTask}/variables", "agent", null,
                        null, 403, "READ"),
                of("another group's task form", "GET", "/engine-rest/task/{techTask}/form-variables", "agent", null,
                        null, 403, "READ"),
                of("another group's task, claimed", "POST", "/engine-rest/task/{techTask}/claim", "agent", JSON,
                        "{\"userId\":\"agent\"}", 403, "permission"),
                of("audit search", "GET", "/api/audit/requests", "agent", null, null, 403, "Only auditors"),
                of("audit trail", "GET", "/api/audit/requests/REQ-2026-000123", "agent", null, null, 403,
                        "Only auditors"),
                of("audit report", "GET", "/api/audit/requests/REQ-2026-000123/report", "agent", null, null, 403,
                        "Only auditors"),
                of("audit trail as tech", "GET", "/api/audit/requests/REQ-2026-000123?format=csv", "tech", null, null,
                        403, "Only auditors"),
                of("satisfaction report", "GET", "/api/reports/satisfaction", "agent", null, null, 403, "Forbidden"),
                of("requirement report", "GET", "/api/reports/requirements", "agent", null, null, 403, "Forbidden"),
                of("history of an instance", "GET", "/engine-rest/history/process-instance?processInstanceId="
                        + "{techInstance}", "agent", null, null, 200, "[]"),
                of("history of tasks", "GET", "/engine-rest/history/task?processInstanceId={techInstance}", "agent",
                        null, null, 200, "[]"),
                of("history of variables", "GET", "/engine-rest/history/variable-instance?processInstanceId="
                        + "{techInstance}", "agent", null, null, 200, "[]"),
                of("operation log", "GET", "/engine-rest/history/user-operation?processInstanceId={techInstance}",
                        "agent", null, null, 200, "[]"),
                of("operation log as tech", "GET", "/engine-rest/history/user-operation?processInstanceId="
                        + "{techInstance}", "tech", null, null, 200, "[]"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("anonymous")
    void shouldTurnAwayAnonymousCallersOfEveryEndpointFamily(HostileRequests row) throws Exception {
        check(row, row.send(port));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("auditorWrites")
    void shouldRefuseEveryWriteOfAnAuditor(HostileRequests row) throws Exception {
        String[] promise = promiseOfAgent();
        long operations = historyService.createUserOperationLogQuery().count();
        long deployments = repositoryService.createDeploymentQuery().count();
        long instances = runtimeService.createProcessInstanceQuery().count();

        check(row, row.withPath(row.path().replace("{instance}", promise[0]).replace("{task}", promise[1])).send(port));

        assertThat(historyService.createUserOperationLogQuery().count()).isEqualTo(operations);
        assertThat(repositoryService.createDeploymentQuery().count()).isEqualTo(deployments);
        assertThat(runtimeService.createProcessInstanceQuery().count()).isEqualTo(instances);
        assertThat(runtimeService.getVariable(promise[0], "note")).isNull();
        assertThat(identityService.createUserQuery().userId("mole").count()).isZero();
        assertThat(identityService.createUserQuery().memberOfGroup(Groups.LEADS).userId("auditor").count()).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("agentReads")
    void shouldKeepOtherGroupsTasksAndTheAuditTrailFromAgents(HostileRequests row) throws Exception {
        String[] techTask = techTaskStartedByALead();

        check(row, row.withPath(row.path().replace("{techInstance}", techTask[0]).replace("{techTask}", techTask[1]))
                .send(port));
    }

    @Test
    void shouldShowAuditorsAndTheTechGroupWhatAgentsCannotSee() throws Exception {
        String[] techTask = techTaskStartedByALead();

        assertThat(of("", "GET", "/engine-rest/task/" + techTask[1], "tech", null, null, 200, "").send(port)
                .statusCode()).isEqualTo(200);
        assertThat(of("", "GET", "/engine-rest/task/" + techTask[1], "auditor", null, null, 200, "").send(port)
                .statusCode()).isEqualTo(200);
        assertThat(of("", "GET", "/engine-rest/history/user-operation?processInstanceId=" + techTask[0], "auditor",
                null, null, 200, "").send(port).body()).contains("\"userId\":\"lead\"");
        assertThat(of("", "GET", "/engine-rest/history/process-instance?processInstanceId=" + techTask[0], "auditor",
                null, null, 200, "").send(port).body()).contains(techTask[0]);
    }

    /**
     * A lead, who may hand the task over, may comment on it; auditors may not (the table above).
     * (Through the REST API only users who read history can comment: it looks the task up there.)
     */
    @Test
    void shouldLetALeadCommentOnATask() throws Exception {
        String[] promise = promiseOfAgent();

        HttpResponse<String> response = of("comment", "POST", "/engine-rest/task/" + promise[1] + "/comment/create",
                "lead", JSON, "{\"message\":\"Called the customer.\"}", 200, "").send(port);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(taskService.getTaskComments(promise[1])).extracting(c -> c.getFullMessage())
                .containsExactly("Called the customer.");
    }

    /**
     * Tasklist and Cockpit talk to /camunda/api with a session cookie; a write without the
     * X-XSRF-TOKEN header Camunda handed out is refused, so another site cannot make the
     * browser of a logged-in agent act.
     */
    @ParameterizedTest(name = "{0} as {1}")
    @CsvSource({"tasklist, agent, /camunda/api/engine/engine/default/task",
            "cockpit, lead, /camunda/api/engine/engine/default/process-instance"})
    void shouldKeepCamundasCsrfProtectionInTasklistAndCockpit(String app, String user, String writePath)
            throws Exception {
        WebAppSession session = new WebAppSession(port);
        assertThat(session.login(app, user)).isEqualTo(200);

        HttpResponse<String> withToken = session.post(writePath, "{}", true);
        HttpResponse<String> withoutToken = session.post(writePath, "{}", false);
        TRIED.incrementAndGet();

        assertThat(withToken.statusCode()).as(withToken.body()).isEqualTo(200);
        assertThat(withoutToken.statusCode()).isEqualTo(403);
        assertThat(withoutToken.headers().firstValue("X-XSRF-TOKEN")).hasValue("Required");
    }

    /** What the customer asked, with markup in it, goes out escaped in the HTML part and as typed in the text part. */
    @Test
    void shouldEscapeCustomerTextInTheHtmlOfAnEmail() throws Exception {
        String key = "REQ-2026-97%04d".formatted(KEYS.incrementAndGet());
        String summary = "<script>alert('x')</script> Install <b>Oracle</b> & <img src=x onerror=alert(1)>";
        Map<String, Object> input = new HashMap<>();
        input.put(RefusalProcess.CUSTOMER_ID, 1L);
        input.put(RefusalProcess.REQUEST_KEY, key);
        input.put(RefusalProcess.REQUEST_SUMMARY, summary);
        input.put(RefusalProcess.REFUSED_BY, "agent");
        identityService.setAuthentication("agent", List.of(Groups.AGENTS));
        String instanceId = runtimeService.startProcessInstanceByKey(RefusalProcess.PROCESS_ID, input).getId();
        started.add(instanceId);
        Map<String, Object> draft = new HashMap<>();
        draft.put(RefusalProcess.REASON_CATEGORY, RefusalProcess.REASON_OUT_OF_SCOPE);
        draft.put(RefusalProcess.EXPLANATION, "Colocation covers power, rack space and network <i>only</i>; "
                + "installing software on your own server is outside what we look after.");
        draft.put(RefusalProcess.ALTERNATIVE, "");
        draft.put(RefusalProcess.REFERRAL, "");
        taskService.complete(taskService.createTaskQuery().processInstanceId(instanceId)
                .taskDefinitionKey(RefusalProcess.TASK_DRAFT_REFUSAL).singleResult().getId(), draft);
        identityService.clearAuthentication();
        managementService.executeJob(managementService.createJobQuery().processInstanceId(instanceId)
                .activityId(RefusalProcess.TASK_SEND_REFUSAL_LETTER).singleResult().getId());

        List<MimeMessage> letters = mail.messagesTo("it@northwind.example").stream()
                .filter(message -> subject(message).startsWith("[" + key + "] ")).toList();
        assertThat(letters).hasSize(1);
        String html = MailAssertions.partOf(letters.get(0), "text/html");
        assertThat(html).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; Install &lt;b&gt;Oracle&lt;/b&gt; "
                + "&amp; &lt;img src=x onerror=alert(1)&gt;", "&lt;i&gt;only&lt;/i&gt;")
                .doesNotContain("<script", "<img", "<b>Oracle", "<i>only");
        assertThat(MailAssertions.plainText(letters.get(0))).contains(summary);
        TRIED.incrementAndGet();
    }

    private void check(HostileRequests row, HttpResponse<String> response) {
        TRIED.incrementAndGet();
        assertThat(response.statusCode()).as("%s: %s", row.name(), response.body()).isEqualTo(row.status());
        assertThat(row.matches(response.body())).as("%s: '%s' in %s", row.name(), row.fragment(), response.body())
                .isTrue();
    }

    /** An open "Keep the promise" of agent: {instance id, task id}. */
    private String[] promiseOfAgent() {
        String instanceId = runtimeService.startProcessInstanceByKey(PromiseProcess.PROCESS_ID, Map.of(
                PromiseProcess.CUSTOMER_ID, 1L,
                PromiseProcess.PROMISE_TEXT, "Send the backup schedule for the web server",
                PromiseProcess.OWNER, "agent",
                PromiseProcess.DUE_DATE, new Date(System.currentTimeMillis() + 86_400_000L * 3))).getId();
        started.add(instanceId);
        return new String[] {instanceId,
                taskService.createTaskQuery().processInstanceId(instanceId).singleResult().getId()};
    }

    /** A task for the tech group in an instance a lead started: {instance id, task id}. */
    private String[] techTaskStartedByALead() {
        identityService.setAuthentication("lead", List.of(Groups.LEADS));
        String instanceId;
        try {
            instanceId = runtimeService.startProcessInstanceByKey(PROBE, Map.of("due", new Date())).getId();
        } finally {
            identityService.clearAuthentication();
        }
        started.add(instanceId);
        return new String[] {instanceId,
                taskService.createTaskQuery().processInstanceId(instanceId).singleResult().getId()};
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A browser's session with the Camunda web apps: cookies, and the CSRF token Camunda hands out. */
    static final class WebAppSession {
        private final int port;
        private final CookieManager cookies = new CookieManager();
        private final HttpClient client;

        WebAppSession(int port) {
            this.port = port;
            this.client = HttpClient.newBuilder().cookieHandler(cookies).build();
        }

        int login(String app, String user) throws Exception {
            return login(app, "default", user, user);
        }

        /** Logs in to one of the web apps of the engine with that name; the HTTP status. */
        int login(String app, String engine, String user, String password) throws Exception {
            get("/camunda/app/" + app + "/" + engine + "/");
            HttpResponse<String> login = client.send(HttpRequest.newBuilder(uri("/camunda/api/admin/auth/user/" + engine
                    + "/login/" + app)).header("X-XSRF-TOKEN", token()).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(BodyPublishers.ofString("username=" + user + "&password="
                            + java.net.URLEncoder.encode(password, java.nio.charset.StandardCharsets.UTF_8))).build(),
                    HttpResponse.BodyHandlers.ofString());
            // The session changes at login; the next read hands out its token.
            get("/camunda/api/admin/auth/user/" + engine);
            return login.statusCode();
        }

        HttpResponse<String> post(String path, String json, boolean withToken) throws Exception {
            return send("POST", path, json, withToken);
        }

        HttpResponse<String> send(String method, String path, String json, boolean withToken) throws Exception {
            HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                    .method(method, BodyPublishers.ofString(json));
            if (withToken) {
                request.header("X-XSRF-TOKEN", token());
            }
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }

        void get(String path) throws Exception {
            client.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.discarding());
        }

        private String token() {
            return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
                    .reduce((first, second) -> second).map(HttpCookie::getValue).orElseThrow();
        }

        private URI uri(String path) {
            return URI.create("http://localhost:" + port + path);
        }
    }
}

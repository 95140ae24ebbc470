package org.promisedesk.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.promisedesk.platform.HostileRequests.JSON;
import static org.promisedesk.platform.HostileRequests.TEXT;
import static org.promisedesk.platform.HostileRequests.of;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.promisedesk.promise.PromiseProcess;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Hostile input against both APIs, one table per family: each row is a 4xx with a message that
 * says what is wrong, never a 5xx, and the database holds exactly what it held before (process
 * instances, history, deployments, tasks, operation log, customers, services). Prints what it
 * counted; docs/reliability.md has the figures.
 */
@EngineTest
class HostileInputTest {

    private static final AtomicInteger TRIED = new AtomicInteger();
    private static final AtomicInteger SERVER_ERRORS = new AtomicInteger();
    private static final AtomicInteger PERSISTED = new AtomicInteger();

    private static final String START = "/engine-rest/process-definition/key/promise/start";
    private static final String RENEWALS = "/api/services/1/renewals";
    private static final int MB = 1024 * 1024;

    /** SQL, script, template and path fragments, tried in every text field that has rules. */
    static final List<String> FRAGMENTS = List.of("' OR '1'='1", "'; DROP TABLE customer; --", "\" OR \"\"=\"",
            "<script>alert(1)</script>", "${7*7}", "#{runtimeService}", "[[${T(java.lang.Runtime)}]]",
            "../../etc/passwd", "..\\..\\windows\\win.ini", "%00", "\u0000");

    @LocalServerPort int port;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired HistoryService historyService;
    @Autowired RepositoryService repositoryService;
    @Autowired IdentityService identityService;
    @Autowired JdbcClient jdbc;

    private final List<String> started = new ArrayList<>();

    @AfterEach
    void removeTheTaskOwnersPromises() {
        started.forEach(id -> runtimeService.deleteProcessInstanceIfExists(id, "hostile input test over", true, true,
                true, false));
    }

    @AfterAll
    static void printWhatWasCounted() {
        System.out.printf("HostileInputTest: %d hostile inputs tried; %d answered 5xx; %d changed the database%n",
                TRIED.get(), SERVER_ERRORS.get(), PERSISTED.get());
    }

    static Stream<HostileRequests> engineRest() {
        return Stream.of(
                of("body is not JSON", "POST", START, "agent", JSON, "{bad json", 400, "not valid JSON"),
                of("body is a JSON array", "POST", START, "agent", JSON, "[]", 400, "wrong type or form"),
                of("variables is a string", "POST", START, "agent", JSON, "{\"variables\":\"x\"}", 400,
                        "Property 'variables'"),
                of("variable value of the wrong type", "POST", START, "agent", JSON,
                        "{\"variables\":{\"customerId\":{\"value\":\"abc\",\"type\":\"Long\"}}}", 400,
                        "Cannot convert value 'abc'"),
                of("variable of an unknown type", "POST", START, "agent", JSON,
                        "{\"variables\":{\"customerId\":{\"value\":1,\"type\":\"Wibble\"}}}", 400,
                        "Unsupported value type 'Wibble'"),
                of("serialized Java object", "POST", START, "agent", JSON, "{\"variables\":{\"x\":{\"value\":"
                        + "\"rO0ABXQAA2FiYw==\",\"type\":\"Object\",\"valueInfo\":{\"objectTypeName\":\"java.lang.String\","
                        + "\"serializationDataFormat\":\"application/x-java-serialized-object\"}}}}", 400,
                        "Java serialization format is prohibited"),
                of("unknown keys only, mandatory variables missing", "POST", START, "agent", JSON,
                        "{\"unknownKey\":1,\"variables\":{\"zzz\":{\"value\":1}}}", 400,
                        "customerId is required"),
                of("mandatory dueDate missing", "POST", START, "agent", JSON, "{\"variables\":{"
                        + "\"customerId\":{\"value\":1,\"type\":\"Long\"},\"promiseText\":{\"value\":\"Send the backup "
                        + "schedule\"},\"owner\":{\"value\":\"agent\"}}}", 400, "dueDate is required"),
                of("business key with path traversal", "POST", START, "agent", JSON,
                        validStart("../../etc/passwd", "agent"), 400, "Business key"),
                of("business key with markup", "POST", START, "agent", JSON,
                        validStart("<script>alert(1)</script>", "agent"), 400, "Business key"),
                of("unknown process", "POST", "/engine-rest/process-definition/key/nope/start", "agent", JSON, "{}",
                        404, "No matching process definition"),
                of("query parameter of the wrong type", "GET", "/engine-rest/task?maxResults=abc", "agent", null, null,
                        400, "'maxResults'"),
                of("unknown sort order", "GET", "/engine-rest/task?sortBy=foo&sortOrder=asc", "agent", null, null, 400,
                        "sortBy"),
                of("text instead of JSON", "POST", START, "agent", TEXT, "x", 415, "Unsupported Media Type"),
                of("huge body", "POST", START, "agent", JSON, hugeJson(7 * MB), 413, "larger than"),
                of("huge body without a length", "POST", START, "agent", JSON,
                        new HostileRequests.Chunked(hugeJson(7 * MB)), 413, "larger than"),
                of("complete an unknown task", "POST", "/engine-rest/task/no-such-task/complete", "agent", JSON,
                        "{}", 404, "Cannot find task with id no-such-task"),
                of("claim an unknown task", "POST", "/engine-rest/task/no-such-task/claim", "agent", JSON,
                        "{\"userId\":\"agent\"}", 404, "Cannot find task"),
                of("variables of an unknown task", "GET", "/engine-rest/task/no-such-task/variables", "agent", null,
                        null, 404, "doesn't exist"),
                of("variables of an unknown instance", "GET", "/engine-rest/process-instance/nope/variables", "agent",
                        null, null, 404, "doesn't exist"),
                of("delete an unknown instance", "DELETE", "/engine-rest/process-instance/nope", "lead", null, null,
                        404, "nope"),
                of("message nobody waits for", "POST", "/engine-rest/message", "agent", JSON,
                        "{\"messageName\":\"CustomerReplied\",\"businessKey\":\"REQ-2026-999999\"}", 400,
                        "Cannot correlate message"),
                of("path traversal in a key", "GET", "/engine-rest/process-definition/key/..%2F..%2Fetc", "agent", null,
                        null, 400, "Bad Request"),
                of("path traversal in a variable name", "PUT", "/engine-rest/process-instance/nope/variables/..%2Fx",
                        "agent", JSON, "{\"value\":\"a\"}", 400, "Bad Request"),
                of("task query on an object value", "POST", "/engine-rest/task", "agent", JSON,
                        "{\"processVariables\":[" + condition("{\"a\":1}") + "]}", 400, "cannot be used to query"),
                of("task count on an array value", "POST", "/engine-rest/task/count", "agent", JSON,
                        "{\"processVariables\":[" + condition("[1,2]") + "]}", 400, "cannot be used to query"),
                of("instance query on an object value", "POST", "/engine-rest/process-instance", "agent", JSON,
                        "{\"variables\":[" + condition("{\"a\":1}") + "]}", 400, "cannot be used to query"),
                of("history query on an object value", "POST", "/engine-rest/history/process-instance", "agent",
                        JSON, "{\"variables\":[" + condition("{\"a\":1}") + "]}", 400, "cannot be used to query"),
                of("variable instance query on an object value", "POST", "/engine-rest/variable-instance", "agent",
                        JSON, "{\"variableValues\":[" + condition("{\"a\":1}") + "]}", 400,
                        "cannot be used to query"),
                of("message correlated by an object value", "POST", "/engine-rest/message", "agent", JSON,
                        "{\"messageName\":\"CustomerReplied\",\"correlationKeys\":{\"x\":{\"value\":{\"a\":1}}}}",
                        400, "cannot be used to query"),
                of("instance query: greater than null", "POST", "/engine-rest/process-instance", "agent", JSON,
                        "{\"variables\":[{\"name\":\"x\",\"operator\":\"gt\",\"value\":null}]}", 400,
                        "cannot be used in 'greater than' condition"),
                of("query property that is an object", "POST", "/engine-rest/task", "agent", JSON,
                        "{\"assignee\":{\"a\":1}}", 400, "Property 'assignee'"),
                of("property given twice", "POST", START, "agent", JSON,
                        "{\"businessKey\":\"REQ-2026-970002\",\"businessKey\":\"x\"}", 400,
                        "Duplicate field 'businessKey'"),
                of("data after the JSON body", "POST", START, "agent", JSON, "{}{}", 400, "Trailing token"));
    }

    static Stream<HostileRequests> applicationApi() {
        String photo = "/api/icp-filings/999999/photo";
        return Stream.of(
                of("renewal body is not JSON", "POST", RENEWALS, "agent", JSON, "{bad", 400, "not valid JSON"),
                of("renewal body is an array", "POST", RENEWALS, "agent", JSON, "[]", 400, "must be a JSON object"),
                of("renewal paidUntil is an object", "POST", RENEWALS, "agent", JSON, "{\"paidUntil\":{\"a\":1}}", 400,
                        "Property 'paidUntil' must be a string"),
                of("renewal paidUntil is not a date", "POST", RENEWALS, "agent", JSON,
                        "{\"paidUntil\":\"yesterday\"}", 400, "paidUntil"),
                of("renewal paidUntil missing", "POST", RENEWALS, "agent", JSON, "{}", 400, "paidUntil"),
                of("renewal with unknown keys only", "POST", RENEWALS, "agent", JSON, "{\"zzz\":1,\"id\":2}", 400,
                        "paidUntil"),
                of("renewal of an unknown service", "POST", "/api/services/999999/renewals", "agent", JSON,
                        "{\"paidUntil\":\"2099-01-01\"}", 404, "No service with id 999999"),
                of("renewal body is huge", "POST", RENEWALS, "agent", JSON, hugeJson(7 * MB), 413, "larger than"),
                of("renewal body is huge, without a length", "POST", RENEWALS, "agent", JSON,
                        new HostileRequests.Chunked(hugeJson(7 * MB)), 413, "larger than"),
                of("renewal as text", "POST", RENEWALS, "agent", TEXT, "paidUntil=2099-01-01", 415, "not supported"),
                of("renewal with PUT", "PUT", RENEWALS, "agent", JSON, "{}", 405, "not supported"),
                of("customer id is not a number", "GET", "/api/customers/abc", "agent", null, null, 400,
                        "must be an integer"),
                of("customer id too large", "GET", "/api/customers/99999999999999999999", "agent", null, null, 400,
                        "must be an integer"),
                of("unknown customer", "GET", "/api/customers/999999", "agent", null, null, 404, "999999"),
                of("negative page", "GET", "/api/customers?page=-1", "agent", null, null, 400, "'page'"),
                of("page size too large", "GET", "/api/customers?size=100000", "agent", null, null, 400, "'size'"),
                of("search text too long", "GET", "/api/customers?q=" + "x".repeat(101), "agent", null, null, 400,
                        "'q'"),
                of("unknown service state", "GET", "/api/services?state=FOO", "agent", null, null, 400, "'state'"),
                of("expiry date not a date", "GET", "/api/services?expiringBefore=tomorrow", "agent", null, null, 400,
                        "'expiringBefore'"),
                of("audit: date not a date", "GET", "/api/audit/requests?from=yesterday", "auditor", null, null, 400,
                        "'from'"),
                of("audit: unknown request", "GET", "/api/audit/requests/REQ-2026-999999", "auditor", null, null, 404,
                        "No request REQ-2026-999999"),
                of("audit: encoded path traversal", "GET", "/api/audit/requests/..%2F..%2Fetc%2Fpasswd", "auditor",
                        null, null, 400, "Bad Request"),
                of("audit: encoded backslashes", "GET", "/api/audit/requests/..%5C..%5Cwindows", "auditor", null,
                        null, 400, "Bad Request"),
                of("audit: written to", "POST", "/api/audit/requests", "auditor", JSON, "{}", 405, "not supported"),
                of("incident id not a number", "GET", "/api/incidents/abc/report", "agent", null, null, 400,
                        "must be an integer"),
                of("incident report in an unknown language", "GET", "/api/incidents/1/report?lang=fr", "agent", null,
                        null, 400, "'lang'"),
                of("unknown incident", "GET", "/api/incidents/999999/report", "agent", null, null, 404, "999999"),
                of("photo as JSON", "POST", photo, "agent", JSON, "{}", 415, "not supported"),
                of("photo part missing", "POST", photo, "agent", null,
                        new HostileRequests.Multipart("other", "x.jpg", "x"), 400, "'photo'"),
                of("photo for an unknown filing", "POST", photo, "agent", null,
                        new HostileRequests.Multipart("photo", "x.jpg", "x"), 404, "999999"),
                of("photo too large", "POST", photo, "agent", null,
                        new HostileRequests.Multipart("photo", "x.jpg", new byte[7 * MB]), 413, "larger than"),
                of("unknown endpoint", "GET", "/api/nope", "agent", null, null, 404, "Not Found"));
    }

    /** The endpoints of intake, the promise ledger and the reports. */
    static Stream<HostileRequests> requestsPromisesAndReports() {
        String requests = "/api/requests";
        return Stream.of(
                of("request body is not JSON", "POST", requests, "agent", JSON, "{bad", 400, "not valid JSON"),
                of("request body is an array", "POST", requests, "agent", JSON, "[]", 400, "JSON object"),
                of("request with an unknown key", "POST", requests, "agent", JSON,
                        "{\"customerId\":1,\"subject\":\"Backup\",\"body\":\"Please check the backup.\",\"zzz\":1}",
                        400, "zzz"),
                of("request customerId not a number", "POST", requests, "agent", JSON,
                        "{\"customerId\":\"1 OR 1=1\",\"subject\":\"Backup\",\"body\":\"Please check the backup.\"}",
                        400, "customerId"),
                of("request subject is an object", "POST", requests, "agent", JSON,
                        "{\"customerId\":1,\"subject\":{\"a\":1},\"body\":\"Please check the backup.\"}", 400,
                        "must be a string"),
                of("request with nothing in it", "POST", requests, "agent", JSON, "{}", 400,
                        "customer|subject|body"),
                of("request of an unknown customer", "POST", requests, "agent", JSON,
                        "{\"customerId\":999999,\"subject\":\"Backup\",\"body\":\"Please check the backup.\"}",
                        400, "customerId"),
                of("request body is huge", "POST", requests, "agent", JSON, hugeJson(7 * MB), 413, "larger than"),
                of("request as text", "POST", requests, "agent", TEXT, "x", 415, "not supported"),
                of("request subject of zero-width spaces", "POST", requests, "agent", JSON,
                        "{\"customerId\":1,\"channel\":\"api\",\"subject\":\"\\u200b\\u200b\",\"body\":\"Please check.\"}",
                        400, "'subject' has no visible characters"),
                of("request subject with a NUL byte", "POST", requests, "agent", JSON,
                        "{\"customerId\":1,\"channel\":\"api\",\"subject\":\"Backup\\u0000\",\"body\":\"Please check.\"}",
                        400, "'subject' contains a control character (U+0000)"),
                of("request with a property given twice", "POST", requests, "agent", JSON,
                        "{\"customerId\":1,\"customerId\":2,\"channel\":\"api\",\"subject\":\"Backup\",\"body\":\"Please.\"}",
                        400, "'customerId' is given twice"),
                of("request with data after the JSON", "POST", requests, "agent", JSON,
                        "{\"customerId\":1,\"channel\":\"api\",\"subject\":\"Backup\",\"body\":\"Please.\"}{}", 400,
                        "more after its JSON value"),
                of("request of one customer with another's e-mail", "POST", requests, "agent", JSON,
                        "{\"customerId\":1,\"customerEmail\":\"ops@yunfan.example.cn\",\"channel\":\"api\","
                                + "\"subject\":\"Backup\",\"body\":\"Please.\"}", 400, "belongs to customer 2"),
                of("request key malformed", "GET", requests + "/REQ';--", "agent", null, null, 400, "key"),
                of("request key unknown", "GET", requests + "/REQ-2026-999999", "agent", null, null, 404,
                        "REQ-2026-999999"),
                of("request key traversal", "GET", requests + "/..%2F..%2Fetc", "agent", null, null, 400,
                        "Bad Request"),
                of("promise ledger state unknown", "GET", "/api/promises?state=FOO", "agent", null, null, 400,
                        "'state'"),
                of("promise ledger customerId zero", "GET", "/api/promises?customerId=0", "agent", null, null, 400,
                        "'customerId'"),
                of("promise ledger customerId text", "GET", "/api/promises?customerId=1%20OR%201=1", "agent", null,
                        null, 400, "'customerId'"),
                of("promise ledger owner too long", "GET", "/api/promises?owner=" + "x".repeat(300), "agent", null,
                        null, 400, "'owner'"),
                of("promise ledger negative page", "GET", "/api/promises?page=-1", "agent", null, null, 400, "'page'"),
                of("requirement report date", "GET", "/api/reports/requirements?from=yesterday", "lead", null, null,
                        400, "'from'"),
                of("requirement report from after to", "GET", "/api/reports/requirements?from=2026-03-01&to=2026-02-01",
                        "lead", null, null, 400, "'from'"),
                of("satisfaction report date", "GET", "/api/reports/satisfaction?from=2026-02-30", "lead", null, null,
                        400, "'from'"),
                of("satisfaction report from after to", "GET", "/api/reports/satisfaction?from=2026-03-01&to=2026-02-01",
                        "lead", null, null, 400, "'from'"));
    }

    /** Camunda Modeler's Deploy, with what a process owner should not be able to deploy. */
    static Stream<HostileRequests> deployments() {
        String create = "/engine-rest/deployment/create";
        // A form that exists, so that the deploy gate lets it through to the engine's parser.
        String broken = TestModels.processWithForm("Process_Hostile", "intake-classify")
                .replace("sourceRef=\"Task_Fill\"", "sourceRef=\"Task_Nowhere\"");
        return Stream.of(
                of("BPMN with a flow from nowhere", "POST", create, "owner", null,
                        new HostileRequests.Multipart("deployment-name", null, "hostile", "hostile.bpmn",
                                "hostile.bpmn", broken), 400, "Could not parse BPMN process"),
                of("BPMN that is not XML", "POST", create, "owner", null,
                        new HostileRequests.Multipart("deployment-name", null, "hostile", "hostile.bpmn",
                                "hostile.bpmn", "this is not xml"), 400, "Could not parse 'hostile.bpmn'"),
                of("BPMN with an external entity", "POST", create, "owner", null,
                        new HostileRequests.Multipart("deployment-name", null, "hostile", "hostile.bpmn",
                                "hostile.bpmn", "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY x SYSTEM "
                                        + "\"file:///etc/passwd\">]><definitions>&x;</definitions>"), 400,
                        "DOCTYPE|parse"),
                of("deployment without resources", "POST", create, "owner", null,
                        new HostileRequests.Multipart("deployment-name", null, "hostile"), 400,
                        "No deployment resources"),
                of("deployment as JSON", "POST", create, "owner", JSON, "{}", 415, "Unsupported Media Type"),
                of("deployment by an agent", "POST", create, "agent", null,
                        new HostileRequests.Multipart("deployment-name", null, "hostile", "ok.bpmn", "ok.bpmn",
                                TestModels.processWithForm("Process_Hostile", "hostile-form")), 403,
                        "'CREATE' permission on resource 'Deployment'"),
                of("deployment too large", "POST", create, "owner", null,
                        new HostileRequests.Multipart("deployment-name", null, "hostile", "big.bpmn", "big.bpmn",
                                new byte[21 * MB]), 413, "larger than"));
    }

    /** SQL, script and path fragments in every text field with rules; free text is kept as text (SecurityTest). */
    static Stream<HostileRequests> injection() {
        return FRAGMENTS.stream().flatMap(fragment -> {
            String url = URLEncoder.encode(fragment, StandardCharsets.UTF_8);
            String json = jsonString(fragment);
            return Stream.of(
                    of("customer search q=" + fragment, "GET", "/api/customers?q=" + url, "agent", null, null, 200,
                            "\"total\":0"),
                    of("task query by name " + fragment, "GET", "/engine-rest/task?nameLike=" + url, "agent", null,
                            null, 200, "[]"),
                    of("audit search process=" + fragment, "GET", "/api/audit/requests?process=" + url, "auditor",
                            null, null, 200, "\"total\":0"),
                    of("audit search outcome=" + fragment, "GET", "/api/audit/requests?outcome=" + url, "auditor",
                            null, null, 400, "'outcome'"),
                    of("audit key " + fragment, "GET", "/api/audit/requests/" + url, "auditor", null, null, 400,
                            "request key|Bad Request"),
                    of("sort order " + fragment, "GET", "/engine-rest/task?sortOrder=asc&sortBy=" + url, "agent", null,
                            null, 400, "sortBy"),
                    of("renewal paidUntil " + fragment, "POST", RENEWALS, "agent", JSON,
                            "{\"paidUntil\":" + json + ",\"reference\":" + json + "}", 400, "paidUntil"),
                    of("promise owner " + fragment, "POST", START, "agent", JSON, validStart("REQ-2026-970001",
                            fragment), 400, "owner"),
                    of("business key " + fragment, "POST", START, "agent", JSON, validStart(fragment, "agent"), 400,
                            "Business key"),
                    of("process key " + fragment, "POST", "/engine-rest/process-definition/key/" + url
                            + "/start", "agent", JSON, "{}", 404, "No matching process definition|Bad Request"));
        }).map(HostileInputTest::refusedByTomcat);
    }

    /** Tomcat itself refuses an encoded '/', '\' or NUL in a path with a bare 400 "Bad Request" page. */
    private static HostileRequests refusedByTomcat(HostileRequests row) {
        String path = row.path().contains("?") ? row.path().substring(0, row.path().indexOf('?')) : row.path();
        return path.contains("%2F") || path.contains("%5C") || path.contains("%00")
                ? new HostileRequests(row.name(), row.method(), row.path(), row.user(), row.contentType(), row.body(),
                        400, "Bad Request")
                : row;
    }

    /**
     * Tasks: {@code {task}} is an open "Keep the promise" task owned by {@code agent},
     * {@code {done}} one that agent has completed already.
     */
    static Stream<HostileRequests> tasks() {
        String done = "{\"variables\":{\"outcome\":{\"value\":\"kept\"},\"resultText\":{\"value\":\"The schedule "
                + "is in your inbox.\"}}}";
        return Stream.of(
                of("complete a task twice", "POST", "/engine-rest/task/{done}/complete", "agent", JSON, done, 404,
                        "Cannot find task"),
                of("submit a task form twice", "POST", "/engine-rest/task/{done}/submit-form", "agent", JSON, done,
                        404, "Cannot find task"),
                of("complete someone else's task", "POST", "/engine-rest/task/{task}/complete", "agent2", JSON, done,
                        403, "TASK_WORK"),
                of("complete another group's task", "POST", "/engine-rest/task/{task}/complete", "tech", JSON, done,
                        403, "TASK_WORK"),
                of("auditor completes a task", "POST", "/engine-rest/task/{task}/submit-form", "auditor", JSON, done,
                        403, "TASK_WORK"),
                of("claim someone else's task", "POST", "/engine-rest/task/{task}/claim", "agent2", JSON,
                        "{\"userId\":\"agent2\"}", 403, "permission"),
                of("hand someone else's task over", "POST", "/engine-rest/task/{task}/assignee", "agent2", JSON,
                        "{\"userId\":\"agent2\"}", 403, "permission"),
                of("mandatory variables missing", "POST", "/engine-rest/task/{task}/complete", "agent", JSON, "{}",
                        400, "outcome is required"),
                of("outcome not one of the choices", "POST", "/engine-rest/task/{task}/submit-form", "agent", JSON,
                        done.replace("kept", "'; DROP TABLE customer; --"), 400, "outcome is required"),
                of("outcome of the wrong type", "POST", "/engine-rest/task/{task}/submit-form", "agent", JSON,
                        done.replace("\"kept\"", "5,\"type\":\"Integer\""), 400, "outcome is required"),
                of("outcome not convertible", "POST", "/engine-rest/task/{task}/submit-form", "agent", JSON,
                        done.replace("\"kept\"", "\"kept\",\"type\":\"Date\""), 400, "Cannot convert value 'kept'"),
                of("outcome as JSON that is not JSON", "POST", "/engine-rest/task/{task}/submit-form", "agent", JSON,
                        done.replace("\"kept\"", "\"kept\",\"type\":\"Json\""), 400,
                        "Cannot deserialize object in variable 'outcome'"),
                of("result text too short", "POST", "/engine-rest/task/{task}/submit-form", "agent", JSON,
                        done.replace("The schedule is in your inbox.", "<b>ok</b>"), 400, "resultText"),
                of("serialized Java object in a task variable", "PUT", "/engine-rest/task/{task}/variables/x",
                        "agent", JSON, "{\"value\":\"rO0ABXQAA2FiYw==\",\"type\":\"Object\",\"valueInfo\":{"
                                + "\"objectTypeName\":\"java.lang.String\",\"serializationDataFormat\":"
                                + "\"application/x-java-serialized-object\"}}", 400,
                        "Java serialization format is prohibited"),
                of("object variable of a class not allowed", "PUT", "/engine-rest/task/{task}/variables/x", "agent",
                        JSON, "{\"value\":\"\\\"/etc/passwd\\\"\",\"type\":\"Object\",\"valueInfo\":{"
                                + "\"objectTypeName\":\"java.io.File\",\"serializationDataFormat\":\"application/json\"}}",
                        400, "not whitelisted for deserialization"),
                of("task completed with an object variable of a class not allowed", "POST",
                        "/engine-rest/task/{task}/complete", "agent", JSON, "{\"variables\":{\"x\":{\"value\":"
                                + "\"\\\"/etc/passwd\\\"\",\"type\":\"Object\",\"valueInfo\":{\"objectTypeName\":"
                                + "\"java.io.File\",\"serializationDataFormat\":\"application/json\"}}}}", 400,
                        "not whitelisted for deserialization"),
                of("task variable of an unknown type", "PUT", "/engine-rest/task/{task}/variables/x", "agent", JSON,
                        "{\"value\":1,\"type\":\"Wibble\"}", 400, "Unsupported value type 'Wibble'"),
                of("someone else's task variables", "GET", "/engine-rest/task/{task}/variables", "agent2", null, null,
                        403, "READ"),
                of("delete a process task", "DELETE", "/engine-rest/task/{task}", "agent", null, null, 400,
                        "cannot be deleted because is part of a running process"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engineRest")
    void shouldAnswer4xxToHostileEngineRestInput(HostileRequests row) throws Exception {
        tryIt(row);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("applicationApi")
    void shouldAnswer4xxToHostileApplicationApiInput(HostileRequests row) throws Exception {
        tryIt(row);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("requestsPromisesAndReports")
    void shouldAnswer4xxToHostileInputForRequestsPromisesAndReports(HostileRequests row) throws Exception {
        tryIt(row);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("deployments")
    void shouldRefuseBrokenOrForbiddenDeployments(HostileRequests row) throws Exception {
        tryIt(row);
        assertThat(repositoryService.createDeploymentQuery().deploymentName("hostile").count()).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("injection")
    void shouldTakeSqlScriptAndPathFragmentsLiterally(HostileRequests row) throws Exception {
        tryIt(row);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tasks")
    void shouldRefuseTaskCompletionsThatAreNotAllowed(HostileRequests row) throws Exception {
        String path = row.path();
        if (path.contains("{task}")) {
            path = path.replace("{task}", openTaskOfAgent());
        }
        if (path.contains("{done}")) {
            String taskId = openTaskOfAgent();
            identityService.setAuthentication("agent", List.of(Groups.AGENTS));
            try {
                taskService.complete(taskId, Map.of(PromiseProcess.OUTCOME, PromiseProcess.OUTCOME_KEPT,
                        PromiseProcess.RESULT_TEXT, "The schedule is in your inbox."));
            } finally {
                identityService.clearAuthentication();
            }
            path = path.replace("{done}", taskId);
        }
        tryIt(row.withPath(path));
    }

    private void tryIt(HostileRequests row) throws Exception {
        Counts before = counts();
        HttpResponse<String> response = row.send(port);
        Counts after = counts();
        TRIED.incrementAndGet();
        if (response.statusCode() >= 500) {
            SERVER_ERRORS.incrementAndGet();
        }
        if (!after.equals(before)) {
            PERSISTED.incrementAndGet();
        }
        assertThat(response.statusCode()).as("%s: %s", row.name(), response.body()).isLessThan(500)
                .isEqualTo(row.status());
        assertThat(row.matches(response.body())).as("%s: '%s' in %s", row.name(), row.fragment(), response.body())
                .isTrue();
        assertThat(after).as("%s changed nothing", row.name()).isEqualTo(before);
    }

    /** What a request could have left behind. */
    record Counts(long instances, long historicInstances, long deployments, long tasks, long historicTasks,
            long operations, long variables, long customers, long services) {
    }

    private Counts counts() {
        return new Counts(runtimeService.createProcessInstanceQuery().count(),
                historyService.createHistoricProcessInstanceQuery().count(),
                repositoryService.createDeploymentQuery().count(),
                taskService.createTaskQuery().count(),
                historyService.createHistoricTaskInstanceQuery().count(),
                historyService.createUserOperationLogQuery().count(),
                runtimeService.createVariableInstanceQuery().count(),
                jdbc.sql("SELECT COUNT(*) FROM customer").query(Long.class).single(),
                jdbc.sql("SELECT COUNT(*) FROM subscription").query(Long.class).single());
    }

    private String openTaskOfAgent() {
        String instanceId = runtimeService.startProcessInstanceByKey(PromiseProcess.PROCESS_ID, Map.of(
                PromiseProcess.CUSTOMER_ID, 1L,
                PromiseProcess.PROMISE_TEXT, "Send the backup schedule for the web server",
                PromiseProcess.OWNER, "agent",
                PromiseProcess.DUE_DATE, new Date(System.currentTimeMillis() + 86_400_000L * 3))).getId();
        started.add(instanceId);
        return taskService.createTaskQuery().processInstanceId(instanceId).taskAssignee("agent").singleResult()
                .getId();
    }

    /** A query's variable condition {@code x = value}. */
    private static String condition(String value) {
        return "{\"name\":\"x\",\"operator\":\"eq\",\"value\":" + value + "}";
    }

    /** A start of "Keep a promise" that is valid but for the business key or owner given. */
    static String validStart(String businessKey, String owner) {
        return "{\"businessKey\":" + jsonString(businessKey) + ",\"variables\":{"
                + "\"customerId\":{\"value\":1,\"type\":\"Long\"},"
                + "\"promiseText\":{\"value\":\"Send the new backup schedule\"},"
                + "\"owner\":{\"value\":" + jsonString(owner) + "},"
                + "\"dueDate\":{\"value\":\"2099-01-01T10:00:00.000+0000\",\"type\":\"Date\"}}}";
    }

    static String jsonString(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> out.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return out.append('"').toString();
    }

    private static byte[] hugeJson(int size) {
        byte[] body = new byte[size];
        java.util.Arrays.fill(body, (byte) 'a');
        byte[] head = "{\"variables\":{\"promiseText\":{\"value\":\"".getBytes(StandardCharsets.UTF_8);
        System.arraycopy(head, 0, body, 0, head.length);
        body[size - 4] = '"';
        body[size - 3] = '}';
        body[size - 2] = '}';
        body[size - 1] = '}';
        return body;
    }
}

package org.promisedesk.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.promisedesk.mail.TestMailServer;
import org.promisedesk.platform.EngineTest;
import org.promisedesk.promise.PromiseProcess;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.JsonNode;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * {@code POST /api/requests} and {@code GET /api/requests/{key}} over HTTP as other systems call
 * them: HTTP Basic, JSON, problem details; a 400 starts nothing.
 */
@EngineTest
class RequestApiTest {

    static final String NORTHWIND = "it@northwind.example";

    @Autowired TestRestTemplate anonymous;
    @Autowired ProcessEngine processEngine;
    @Autowired RuntimeService runtimeService;
    @Autowired HistoryService historyService;
    @Autowired TaskService taskService;
    @Autowired ManagementService managementService;
    @Autowired JdbcClient jdbc;
    @Autowired TestMailServer mail;

    private final List<String> keys = new ArrayList<>();

    @BeforeEach
    void setUp() {
        BpmnAwareTests.init(processEngine);
    }

    @AfterEach
    void tearDown() {
        ClockUtil.reset();
        keys.forEach(key -> runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(key).list()
                .forEach(instance -> runtimeService.deleteProcessInstanceIfExists(instance.getId(), "test over", true,
                        true, true, false)));
    }

    @Test
    void shouldOpenARequestAnswering201WithItsKeyAndLocation() {
        ResponseEntity<JsonNode> response = post("agent", Map.of("customerId", 1, "channel", "api",
                "subject", "Website shows error 500", "body", "Since 9:00 www.northwind.example shows an error page.",
                "priority", "P2"));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String key = opened(response);
        assertThat(key).matches("REQ-\\d{4}-\\d{6}");
        assertThat(response.getHeaders().getLocation()).hasToString("/api/requests/" + key);
        ProcessInstance intake = intake(key);
        assertThat(intake.getProcessDefinitionId()).startsWith(IntakeProcess.PROCESS_ID + ":");
        assertThat(runtimeService.getVariables(intake.getId()))
                .containsEntry(IntakeProcess.REQUEST_KEY, key)
                .containsEntry(IntakeProcess.CHANNEL, "api")
                .containsEntry(IntakeProcess.CUSTOMER_ID, 1L)
                .containsEntry(IntakeProcess.SUBJECT, "Website shows error 500")
                .containsEntry(IntakeProcess.REQUESTED_PRIORITY, "P2");
        assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(intake.getId()).singleResult()
                .getStartUserId()).as("started as the caller").isEqualTo("agent");
    }

    @Test
    void shouldAcknowledgeTheRequestByEMailWithItsKey() throws Exception {
        String key = opened(post("lead", Map.of("customerId", 1, "channel", "api", "subject", "Backup restore",
                "body", "Please restore yesterday's backup of the web server.")));

        runDueJobs(key);

        assertThat(emailsAbout(key, NORTHWIND)).as("the acknowledgement, with the key in its subject").isNotEmpty();
    }

    @Test
    void shouldOpenARequestForAnUnknownAddressWithoutACustomer() {
        ResponseEntity<JsonNode> response = post("agent", Map.of("customerEmail", "New.Person@Startup.example",
                "channel", "web", "subject", "A cloud VM for our shop", "body", "What does a VM with 8 GB cost?"));

        String key = opened(response);
        Map<String, Object> variables = runtimeService.getVariables(intake(key).getId());
        assertThat(variables.get(IntakeProcess.CUSTOMER_ID)).isNull();
        assertThat(variables).containsEntry(IntakeProcess.CONTACT_ADDRESS, "new.person@startup.example");
        assertThat(get("agent", key).getBody().has("customer")).as("nobody identified yet").isFalse();
    }

    @Test
    void shouldFindTheCustomerByTheirEMailAddress() {
        String key = opened(post("demo", Map.of("customerEmail", "IT@Northwind.example", "channel", "email",
                "subject", "DNS question", "body", "Which name servers do we use?")));

        assertThat(runtimeService.getVariables(intake(key).getId())).containsEntry(IntakeProcess.CUSTOMER_ID, 1L)
                .containsEntry(IntakeProcess.CONTACT_ADDRESS, NORTHWIND);
    }

    static Stream<Arguments> badRequests() {
        String longSubject = "s".repeat(IntakeProcess.SUBJECT_MAX + 1);
        String longBody = "b".repeat(IntakeProcess.BODY_MAX + 1);
        return Stream.of(
                Arguments.of("{\"customerId\":99999,\"channel\":\"api\",\"subject\":\"Hello there\",\"body\":\"Some text here\"}", "customerId"),
                Arguments.of("{\"customerEmail\":\"not-an-address\",\"channel\":\"api\",\"subject\":\"Hello there\",\"body\":\"Some text here\"}", "customerEmail"),
                Arguments.of("{\"customerEmail\":\"a@b@c.example\",\"channel\":\"api\",\"subject\":\"Hello there\",\"body\":\"Some text here\"}", "customerEmail"),
                Arguments.of("{\"channel\":\"api\",\"subject\":\"Hello there\",\"body\":\"Some text here\"}", "customerEmail"),
                Arguments.of("{\"customerId\":1,\"channel\":\"api\",\"body\":\"Some text here\"}", "subject"),
                Arguments.of("{\"customerId\":1,\"channel\":\"api\",\"subject\":\"" + longSubject + "\",\"body\":\"Some text here\"}", "subject"),
                Arguments.of("{\"customerId\":1,\"channel\":\"api\",\"subject\":\"Hello there\",\"body\":\"   \"}", "body"),
                Arguments.of("{\"customerId\":1,\"channel\":\"api\",\"subject\":\"Hello there\",\"body\":\"" + longBody + "\"}", "body"),
                Arguments.of("{\"customerId\":1,\"subject\":\"Hello there\",\"body\":\"Some text here\"}", "channel"),
                Arguments.of("{\"customerId\":1,\"channel\":\"fax\",\"subject\":\"Hello there\",\"body\":\"Some text here\"}", "channel"),
                Arguments.of("{\"customerId\":1,\"channel\":\"api\",\"subject\":\"Hello there\",\"body\":\"Some text here\",\"priority\":\"P0\"}", "priority"),
                Arguments.of("{\"customerId\":1,\"channel\":\"api\",\"subject\":\"Hello there\",\"body\":\"Some text here\",\"urgent\":true}", "urgent"),
                Arguments.of("{\"customerId\":\"one\",\"channel\":\"api\",\"subject\":\"Hello there\",\"body\":\"Some text here\"}", "customerId"),
                Arguments.of("{\"customerId\":1,\"channel\":\"api\",\"subject\":42,\"body\":\"Some text here\"}", "subject"),
                Arguments.of("{\"customerId\":1,\"channel\":\"api\",\"subject\":\"Hello", null),
                Arguments.of("[\"customerId\",1]", null),
                Arguments.of("", null));
    }

    @ParameterizedTest
    @MethodSource("badRequests")
    void shouldRejectBadInputWith400NamingTheFieldAndStartNothing(String body, String field) {
        long requestsBefore = requestCount();
        long keysBefore = keysTaken();

        ResponseEntity<JsonNode> response = anonymous.withBasicAuth("agent", "agent")
                .postForEntity("/api/requests", json(body), JsonNode.class);

        assertProblem(response, HttpStatus.BAD_REQUEST);
        if (field != null) {
            assertThat(response.getBody().path("parameter").asText()).isEqualTo(field);
            assertThat(response.getBody().path("detail").asText()).contains(field);
        }
        assertThat(requestCount()).as("nothing started").isEqualTo(requestsBefore);
        assertThat(keysTaken()).as("no key taken").isEqualTo(keysBefore);
    }

    @Test
    void shouldAnswer401ToAnonymousCallers() {
        long before = requestCount();

        ResponseEntity<JsonNode> post = anonymous.postForEntity("/api/requests", json(
                "{\"customerId\":1,\"channel\":\"api\",\"subject\":\"Hello there\",\"body\":\"Some text here\"}"),
                JsonNode.class);
        ResponseEntity<JsonNode> get = anonymous.getForEntity("/api/requests/REQ-2026-000001", JsonNode.class);

        assertThat(post.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(get.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(requestCount()).isEqualTo(before);
    }

    @Test
    void shouldAnswer403ToGroupsWithoutTheRight() {
        long before = requestCount();

        ResponseEntity<JsonNode> auditorPost = post("auditor", Map.of("customerId", 1, "channel", "api",
                "subject", "Hello there", "body", "Some text here"));
        ResponseEntity<JsonNode> techPost = post("tech", Map.of("customerId", 1, "channel", "api",
                "subject", "Hello there", "body", "Some text here"));
        ResponseEntity<JsonNode> ownerGet = get("owner", "REQ-2026-000001");

        assertProblem(auditorPost, HttpStatus.FORBIDDEN);
        assertProblem(techPost, HttpStatus.FORBIDDEN);
        assertProblem(ownerGet, HttpStatus.FORBIDDEN);
        assertThat(requestCount()).isEqualTo(before);
    }

    @Test
    void shouldShowARunningRequestWithWhatItWaitsForAndItsOpenPromises() {
        String key = opened(post("agent", Map.of("customerId", 1, "channel", "phone", "subject", "Slow database",
                "body", "Queries take ten seconds since the upgrade.", "priority", "P2")));
        ProcessInstance intake = intake(key);
        runDueJobs(key);
        Date due = Date.from(ClockUtil.getCurrentTime().toInstant().plusSeconds(3 * 24 * 3600));
        ProcessInstance promise = runtimeService.startProcessInstanceByKey(PromiseProcess.PROCESS_ID, key,
                Variables.createVariables().putValue(PromiseProcess.CUSTOMER_ID, 1L)
                        .putValue(PromiseProcess.REQUEST_KEY, key)
                        .putValue(PromiseProcess.PROMISE_TEXT, "Send the index analysis")
                        .putValue(PromiseProcess.OWNER, "tech").putValue(PromiseProcess.DUE_DATE, due));

        JsonNode request = get("agent", key).getBody();

        Map<String, Object> variables = runtimeService.getVariables(intake.getId());
        assertThat(request.path("key").asText()).isEqualTo(key);
        assertThat(request.path("state").asText()).isEqualTo(variables.get(IntakeProcess.REQUEST_STATE));
        assertThat(request.path("channel").asText()).isEqualTo("phone");
        assertThat(request.path("subject").asText()).isEqualTo("Slow database");
        assertThat(request.path("priority").asText()).isEqualTo(variables.get(IntakeProcess.PRIORITY));
        assertThat(request.path("customer").path("id").asLong()).isEqualTo(1L);
        assertThat(request.path("customer").path("name").asText()).startsWith("Northwind");
        assertThat(request.path("openedAt").isTextual()).isTrue();
        assertThat(request.has("closedAt")).isFalse();
        if (variables.get(IntakeProcess.FIRST_RESPONSE_DUE) instanceof Date firstResponseDue) {
            assertThat(Instant.parse(request.path("sla").path("firstResponseDue").asText()))
                    .isEqualTo(firstResponseDue.toInstant());
        }
        assertThat(request.path("sla").path("breached").asBoolean()).isFalse();
        assertThat(openTasks(key)).as("an agent's task and the promise owner's").hasSizeGreaterThan(1);
        assertThat(waiting(request, "user-task")).as("every open task of the request")
                .containsExactlyInAnyOrderElementsOf(openTasks(key));
        assertThat(waiting(request, "timer")).as("every timer of the request")
                .containsExactlyInAnyOrderElementsOf(timers(key));
        JsonNode promiseTask = find(request.path("waiting"), "processInstanceId", promise.getId(), "user-task");
        assertThat(promiseTask.path("processId").asText()).isEqualTo(PromiseProcess.PROCESS_ID);
        assertThat(promiseTask.path("assignee").asText()).isEqualTo("tech");
        assertThat(promiseTask.path("due").asText()).isEqualTo(due.toInstant().toString());
        assertThat(request.path("promises")).singleElement().satisfies(open -> {
            assertThat(open.path("text").asText()).isEqualTo("Send the index analysis");
            assertThat(open.path("owner").asText()).isEqualTo("tech");
            assertThat(open.path("due").asText()).isEqualTo(due.toInstant().toString());
            assertThat(open.path("overdue").asBoolean()).isFalse();
        });

        ClockUtil.setCurrentTime(Date.from(due.toInstant().plusSeconds(60)));
        JsonNode later = get("auditor", key).getBody();
        assertThat(later.path("promises").get(0).path("overdue").asBoolean()).as("past its due date").isTrue();
    }

    @Test
    void shouldShowAFinishedRequestFromHistory() {
        String key = opened(post("agent", Map.of("customerId", 1, "channel", "walk-in", "subject", "Invoice copy",
                "body", "Please send a copy of the October invoice.")));
        runtimeService.deleteProcessInstance(intake(key).getId(), "handled at the counter");

        ResponseEntity<JsonNode> response = get("lead", key);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode request = response.getBody();
        assertThat(request.path("state").asText()).isEqualTo("closed");
        assertThat(request.path("closedAt").isTextual()).isTrue();
        assertThat(request.path("subject").asText()).isEqualTo("Invoice copy");
        assertThat(request.path("channel").asText()).isEqualTo("walk-in");
        assertThat(request.path("waiting")).isEmpty();
        assertThat(request.path("promises")).isEmpty();
    }

    @Test
    void shouldAnswer404ForAnUnknownKeyAnd400ForAMalformedOne() {
        ResponseEntity<JsonNode> unknown = get("agent", "REQ-1999-999999");
        ResponseEntity<JsonNode> malformed = get("agent", "REQ-12");

        assertProblem(unknown, HttpStatus.NOT_FOUND);
        assertThat(unknown.getBody().path("detail").asText()).contains("REQ-1999-999999");
        assertProblem(malformed, HttpStatus.BAD_REQUEST);
        assertThat(malformed.getBody().path("parameter").asText()).isEqualTo("key");
    }

    // --- helpers

    private ResponseEntity<JsonNode> post(String user, Map<String, Object> body) {
        return anonymous.withBasicAuth(user, user).postForEntity("/api/requests", body, JsonNode.class);
    }

    private ResponseEntity<JsonNode> get(String user, String key) {
        return anonymous.withBasicAuth(user, user).getForEntity("/api/requests/{key}", JsonNode.class, key);
    }

    private String opened(ResponseEntity<JsonNode> response) {
        assertThat(response.getStatusCode()).as("%s", response.getBody()).isEqualTo(HttpStatus.CREATED);
        String key = response.getBody().path("key").asText();
        keys.add(key);
        return key;
    }

    private ProcessInstance intake(String key) {
        return runtimeService.createProcessInstanceQuery().processDefinitionKey(IntakeProcess.PROCESS_ID)
                .processInstanceBusinessKey(key).singleResult();
    }

    /** Runs the jobs due now (the acknowledgement and other asynchronous steps), as the job executor would. */
    private void runDueJobs(String key) {
        for (int round = 0; round < 10; round++) {
            List<Job> due = new ArrayList<>();
            runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(key).list()
                    .forEach(instance -> due.addAll(managementService.createJobQuery().processInstanceId(instance.getId())
                            .executable().list()));
            if (due.isEmpty()) {
                return;
            }
            due.forEach(job -> managementService.executeJob(job.getId()));
        }
    }

    private List<org.assertj.core.groups.Tuple> waiting(JsonNode request, String kind) {
        List<org.assertj.core.groups.Tuple> found = new ArrayList<>();
        request.path("waiting").forEach(step -> {
            if (kind.equals(step.path("kind").asText())) {
                found.add(tuple(step.path("processInstanceId").asText(), step.path("activityId").asText()));
            }
        });
        return found;
    }

    private List<org.assertj.core.groups.Tuple> openTasks(String key) {
        return taskService.createTaskQuery().processInstanceBusinessKey(key).list().stream()
                .map(task -> tuple(task.getProcessInstanceId(), task.getTaskDefinitionKey())).toList();
    }

    private List<org.assertj.core.groups.Tuple> timers(String key) {
        List<org.assertj.core.groups.Tuple> timers = new ArrayList<>();
        runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(key).list().forEach(instance ->
                managementService.createJobQuery().processInstanceId(instance.getId()).timers().list().forEach(job ->
                        timers.add(tuple(instance.getId(), managementService.createJobDefinitionQuery()
                                .jobDefinitionId(job.getJobDefinitionId()).singleResult().getActivityId()))));
        return timers;
    }

    private static JsonNode find(JsonNode steps, String field, String value, String kind) {
        for (JsonNode step : steps) {
            if (value.equals(step.path(field).asText()) && kind.equals(step.path("kind").asText())) {
                return step;
            }
        }
        throw new AssertionError("no " + kind + " with " + field + " " + value + " in " + steps);
    }

    private long requestCount() {
        return historyService.createHistoricProcessInstanceQuery().processDefinitionKey(IntakeProcess.PROCESS_ID)
                .processInstanceBusinessKeyLike("REQ-%").count();
    }

    private long keysTaken() {
        return jdbc.sql("SELECT COALESCE(SUM(last_number), 0) FROM request_key_counter").query(Long.class).single();
    }

    private List<MimeMessage> emailsAbout(String key, String address) {
        return mail.messagesTo(address).stream().filter(email -> {
            try {
                return email.getSubject().startsWith("[" + key + "] ");
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    private static HttpEntity<String> json(String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new HttpEntity<>(body, headers);
    }

    private static void assertProblem(ResponseEntity<JsonNode> response, HttpStatus status) {
        assertThat(response.getStatusCode()).as("%s", response.getBody()).isEqualTo(status);
        assertThat(response.getHeaders().getContentType()).isNotNull()
                .matches(type -> type.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        assertThat(response.getBody().path("status").asInt()).isEqualTo(status.value());
    }
}

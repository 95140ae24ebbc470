package org.promisedesk.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.promisedesk.promise.PromiseProcess;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Every form's text fields refuse what is not plain text ({@link FreeText}) on the server, through
 * the engine REST API as Tasklist submits them: here the promise process's start form and its
 * "Keep the promise" task. The rejection names every bad text field, together with the process's
 * own check, and nothing changes: no instance starts, the task stays open with its variables.
 */
@EngineTest
class FormTextCheckTest {

    private static final String START = "/engine-rest/process-definition/key/promise/submit-form";

    @LocalServerPort int port;
    @Autowired TestRestTemplate anonymous;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired HistoryService historyService;

    private final List<String> started = new ArrayList<>();

    @AfterEach
    void removeThePromises() {
        started.forEach(id -> runtimeService.deleteProcessInstanceIfExists(id, "test over", true, true, true, false));
    }

    @Test
    void shouldRefuseAStartFormWithAnRtlOverrideAndALineBreakInOneLineFieldsNamingBoth() {
        long before = historyService.createHistoricProcessInstanceQuery().processDefinitionKey("promise").count();

        ResponseEntity<JsonNode> response = post(START, "{\"businessKey\":\"REQ-2026-970101\",\"variables\":{"
                + "\"customerId\":{\"value\":1,\"type\":\"Long\"},"
                + "\"requestKey\":{\"value\":\"REQ-2026-970101\\nX\"},"
                + "\"promiseText\":{\"value\":\"Send the \\u202ebackup schedule\"},"
                + "\"owner\":{\"value\":\"agent\"},"
                + "\"dueDate\":{\"value\":\"2099-01-01T10:00:00.000+0000\",\"type\":\"Date\"}}}");

        assertThat(response.getStatusCode().value()).as("%s", response.getBody()).isEqualTo(400);
        assertThat(response.getBody().path("message").asText()).contains(
                "requestKey must be a single line", "promiseText contains a bidirectional text control character (U+202E)");
        assertThat(historyService.createHistoricProcessInstanceQuery().processDefinitionKey("promise").count())
                .as("nothing started").isEqualTo(before);
    }

    @Test
    void shouldRefuseATaskFormWithInvisibleTextAndNameItWithTheProcesssOwnProblems() {
        String task = openTaskOfAgent();

        ResponseEntity<JsonNode> invisible = post("/engine-rest/task/" + task + "/submit-form", "{\"variables\":{"
                + "\"outcome\":{\"value\":\"kept\"},\"resultText\":{\"value\":\"" + "\\u200b".repeat(12) + "\"}}}");
        ResponseEntity<JsonNode> nulAndNoOutcome = post("/engine-rest/task/" + task + "/complete", "{\"variables\":{"
                + "\"resultText\":{\"value\":\"The schedule\\u0000 is in your inbox.\"}}}");

        assertThat(invisible.getStatusCode().value()).as("%s", invisible.getBody()).isEqualTo(400);
        assertThat(invisible.getBody().path("message").asText()).contains("resultText has no visible characters");
        assertThat(nulAndNoOutcome.getStatusCode().value()).as("%s", nulAndNoOutcome.getBody()).isEqualTo(400);
        assertThat(nulAndNoOutcome.getBody().path("message").asText()).contains("outcome is required",
                "resultText contains a control character (U+0000)");
        assertThat(taskService.createTaskQuery().taskId(task).count()).as("the task stays open").isOne();
        assertThat(taskService.getVariable(task, PromiseProcess.RESULT_TEXT)).as("nothing written").isNull();
    }

    /** Tasklist submits through its own copy of the REST API, under /camunda/api/engine, with a session. */
    @Test
    void shouldRefuseItFromTasklistToo() throws Exception {
        String task = openTaskOfAgent();
        SecurityTest.WebAppSession tasklist = new SecurityTest.WebAppSession(port);
        assertThat(tasklist.login("tasklist", "agent")).isEqualTo(200);

        HttpResponse<String> response = tasklist.post("/camunda/api/engine/engine/default/task/" + task
                + "/submit-form", "{\"variables\":{\"outcome\":{\"value\":\"kept\"},\"resultText\":{\"value\":"
                + "\"The schedule is \\u202ein your inbox.\"}}}", true);

        HttpResponse<String> duplicate = tasklist.post("/camunda/api/engine/engine/default/task/" + task
                + "/submit-form", "{\"variables\":{\"outcome\":{\"value\":\"kept\"},\"resultText\":{\"value\":"
                + "\"The schedule is in your inbox.\"},\"outcome\":{\"value\":\"cannot-be-done\"}}}", true);
        HttpResponse<String> trailing = tasklist.post("/camunda/api/engine/engine/default/task/" + task
                + "/submit-form", "{\"variables\":{\"outcome\":{\"value\":\"kept\"},\"resultText\":{\"value\":"
                + "\"The schedule is in your inbox.\"}}}{}", true);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.body()).contains("resultText contains a bidirectional text control character");
        assertThat(duplicate.statusCode()).as(duplicate.body()).isEqualTo(400);
        assertThat(duplicate.body()).contains("Duplicate field 'outcome'");
        assertThat(trailing.statusCode()).as(trailing.body()).isEqualTo(400);
        assertThat(trailing.body()).contains("Trailing token");
        assertThat(taskService.createTaskQuery().taskId(task).count()).as("the task stays open").isOne();
    }

    @Test
    void shouldStillTakePlainTextWithLines() {
        String task = openTaskOfAgent();

        ResponseEntity<JsonNode> response = post("/engine-rest/task/" + task + "/submit-form", "{\"variables\":{"
                + "\"outcome\":{\"value\":\"kept\"},\"resultText\":{\"value\":\"The schedule is in your inbox.\\r\\n"
                + "\\tSee page 2 \\ud83d\\udc4d\"}}}");

        assertThat(response.getStatusCode().value()).as("%s", response.getBody()).isEqualTo(204);
        assertThat(taskService.createTaskQuery().taskId(task).count()).isZero();
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

    private ResponseEntity<JsonNode> post(String path, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return anonymous.withBasicAuth("agent", "agent").postForEntity(path, new HttpEntity<>(body, headers),
                JsonNode.class);
    }
}

package org.promisedesk.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Input a delegate or task listener rejects is a 400 on the engine REST API, not a 500, and changes nothing. */
@EngineTest
class RejectedInputTest {

    @Autowired TestRestTemplate rest;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;

    @Test
    void shouldAnswer400WhenAStartIsRejected() {
        long before = runtimeService.createProcessInstanceQuery().processDefinitionKey("promise").count();

        ResponseEntity<String> response = post("/engine-rest/process-definition/key/promise/start",
                "{\"variables\":{\"customerId\":{\"value\":1,\"type\":\"Long\"},"
                        + "\"promiseText\":{\"value\":\"Send the backup schedule\"},"
                        + "\"owner\":{\"value\":\"nobody\"},"
                        + "\"dueDate\":{\"value\":\"2099-01-01T10:00:00.000+0000\",\"type\":\"Date\"}}}");

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody()).contains("owner");
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("promise").count()).isEqualTo(before);
    }

    @Test
    void shouldAnswer400WhenACompletionIsRejectedAndKeepTheTaskOpen() {
        String taskId = startPromiseOwnedByAgent();

        ResponseEntity<String> complete = post("/engine-rest/task/" + taskId + "/complete", "{\"variables\":{}}");
        ResponseEntity<String> submit = post("/engine-rest/task/" + taskId + "/submit-form", "{\"variables\":{}}");

        assertThat(complete.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(complete.getBody()).contains("outcome");
        assertThat(submit.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(taskService.createTaskQuery().taskId(taskId).count()).isEqualTo(1);
    }

    @Test
    void shouldStillAcceptACompleteSubmission() {
        String taskId = startPromiseOwnedByAgent();

        ResponseEntity<String> response = post("/engine-rest/task/" + taskId + "/submit-form",
                "{\"variables\":{\"outcome\":{\"value\":\"kept\"},"
                        + "\"resultText\":{\"value\":\"The backup schedule is in your inbox now.\"}}}");

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(taskService.createTaskQuery().taskId(taskId).count()).isZero();
    }

    private String startPromiseOwnedByAgent() {
        String instanceId = runtimeService.startProcessInstanceByKey("promise", Map.of(
                "customerId", 1L,
                "promiseText", "Send the backup schedule for the web server",
                "owner", "agent",
                "dueDate", new java.util.Date(System.currentTimeMillis() + 86_400_000L * 3))).getId();
        return taskService.createTaskQuery().processInstanceId(instanceId).taskAssignee("agent").singleResult().getId();
    }

    private ResponseEntity<String> post(String path, String json) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return rest.withBasicAuth("agent", "agent").postForEntity(path, new HttpEntity<>(json, headers), String.class);
    }
}

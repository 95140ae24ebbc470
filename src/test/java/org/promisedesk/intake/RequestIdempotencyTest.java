package org.promisedesk.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.promisedesk.platform.EngineTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code POST /api/requests} with an {@code Idempotency-Key}: a call sent again opens nothing new
 * (so the customer gets one acknowledgement), also when both arrive at once; the same key with
 * another body, or a malformed key, is refused and starts nothing.
 */
@EngineTest
class RequestIdempotencyTest {

    @Autowired TestRestTemplate anonymous;
    @Autowired RuntimeService runtimeService;
    @Autowired HistoryService historyService;
    @Autowired JdbcClient jdbc;

    private final String subject = "Idempotency " + UUID.randomUUID().toString().substring(0, 8);
    private final List<String> keys = new ArrayList<>();

    @AfterEach
    void tearDown() {
        keys.forEach(key -> runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(key).list()
                .forEach(instance -> runtimeService.deleteProcessInstanceIfExists(instance.getId(), "test over", true,
                        true, true, false)));
    }

    @Test
    void shouldAnswerTheSameCallSentAgainWithTheSameRequestAndOpenNothing() {
        String idempotencyKey = "crm-" + UUID.randomUUID();

        ResponseEntity<JsonNode> first = post("agent", idempotencyKey, body("The VPN drops every hour."));
        ResponseEntity<JsonNode> again = post("agent", idempotencyKey, body("The VPN drops every hour."));

        assertThat(first.getStatusCode()).as("%s", first.getBody()).isEqualTo(HttpStatus.CREATED);
        assertThat(again.getStatusCode()).as("%s", again.getBody()).isEqualTo(HttpStatus.OK);
        String key = remember(first);
        assertThat(again.getBody().path("key").asText()).isEqualTo(key);
        assertThat(again.getHeaders().getLocation()).hasToString("/api/requests/" + key);
        assertThat(requestsOpened()).as("requests with this subject").isEqualTo(1);
    }

    @Test
    void shouldKeepEachUsersKeysApart() {
        String idempotencyKey = "shared-" + UUID.randomUUID();

        String agents = remember(post("agent", idempotencyKey, body("Please call me back about the invoice.")));
        String leads = remember(post("lead", idempotencyKey, body("Please call me back about the invoice.")));

        assertThat(leads).isNotEqualTo(agents);
        assertThat(requestsOpened()).isEqualTo(2);
    }

    @Test
    void shouldRefuseTheSameKeyWithAnotherBodyAndOpenNothing() {
        String idempotencyKey = "crm-" + UUID.randomUUID();
        String key = remember(post("agent", idempotencyKey, body("The mail server rejects our invoices.")));

        ResponseEntity<JsonNode> other = post("agent", idempotencyKey, body("A different problem altogether."));

        assertThat(other.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(other.getBody().path("parameter").asText()).isEqualTo("Idempotency-Key");
        assertThat(other.getBody().path("detail").asText()).contains(idempotencyKey, key, "new key");
        assertThat(requestsOpened()).isEqualTo(1);
    }

    @Test
    void shouldRefuseAMalformedKeyAndOpenNothing() {
        for (String malformed : List.of("", " ", "has space", "x".repeat(101), "semi;colon", "../../etc/passwd")) {
            ResponseEntity<JsonNode> response = post("agent", malformed, body("Is the backup running tonight?"));

            assertThat(response.getStatusCode()).as("key '%s': %s", malformed, response.getBody())
                    .isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(response.getBody().path("parameter").asText()).isEqualTo("Idempotency-Key");
        }
        assertThat(requestsOpened()).isZero();
    }

    @Test
    void shouldOpenOneRequestWhenTheSameCallArrivesFourTimesAtOnce() throws Exception {
        String idempotencyKey = "retry-storm-" + UUID.randomUUID();
        String body = body("Our shop is down since the update.");
        ExecutorService clients = Executors.newFixedThreadPool(4);
        CountDownLatch ready = new CountDownLatch(4);
        List<Future<ResponseEntity<JsonNode>>> calls = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            calls.add(clients.submit(() -> {
                ready.countDown();
                ready.await();
                return post("agent", idempotencyKey, body);
            }));
        }
        List<HttpStatus> statuses = new ArrayList<>();
        List<String> answered = new ArrayList<>();
        for (Future<ResponseEntity<JsonNode>> call : calls) {
            ResponseEntity<JsonNode> response = call.get(1, TimeUnit.MINUTES);
            statuses.add(HttpStatus.valueOf(response.getStatusCode().value()));
            answered.add(response.getBody().path("key").asText());
        }
        clients.shutdown();
        keys.addAll(answered);

        assertThat(statuses).as("%s", answered).containsOnly(HttpStatus.CREATED, HttpStatus.OK)
                .containsOnlyOnce(HttpStatus.CREATED);
        assertThat(answered).containsOnly(answered.get(0));
        assertThat(requestsOpened()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM request_idempotency WHERE idempotency_key = ?").param(idempotencyKey)
                .query(Long.class).single()).isEqualTo(1);
    }

    private String body(String text) {
        return "{\"customerId\":1,\"channel\":\"api\",\"subject\":\"" + subject + "\",\"body\":\"" + text + "\"}";
    }

    private ResponseEntity<JsonNode> post(String user, String idempotencyKey, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.set("Idempotency-Key", idempotencyKey);
        return anonymous.withBasicAuth(user, user).postForEntity("/api/requests", new HttpEntity<>(body, headers),
                JsonNode.class);
    }

    private String remember(ResponseEntity<JsonNode> response) {
        assertThat(response.getStatusCode()).as("%s", response.getBody()).isEqualTo(HttpStatus.CREATED);
        String key = response.getBody().path("key").asText();
        keys.add(key);
        return key;
    }

    /** Intake instances, running or ended, opened with this test's subject. */
    private long requestsOpened() {
        return historyService.createHistoricProcessInstanceQuery().processDefinitionKey(IntakeProcess.PROCESS_ID)
                .variableValueEquals(IntakeProcess.SUBJECT, subject).count();
    }
}

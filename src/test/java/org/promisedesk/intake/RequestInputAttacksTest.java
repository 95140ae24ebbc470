package org.promisedesk.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
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
 * The input issue 30 found accepted by {@code POST /api/requests}, one case per attack: each is
 * one 400 whose {@code parameters} name every bad field (and whose detail says what is wrong
 * with each), and it leaves nothing behind: no request, no request key taken, no
 * Idempotency-Key recorded.
 */
@EngineTest
class RequestInputAttacksTest {

    private static final String SUBJECT = "\"subject\":\"Backup restore\"";
    private static final String BODY = "\"body\":\"Please restore yesterday's backup.\"";
    private static final String CUSTOMER = "\"customerId\":1,\"channel\":\"api\"";

    @Autowired TestRestTemplate anonymous;
    @Autowired RuntimeService runtimeService;
    @Autowired HistoryService historyService;
    @Autowired JdbcClient jdbc;

    private final List<String> opened = new ArrayList<>();

    @AfterEach
    void removeWhatTheControlCasesOpened() {
        opened.forEach(key -> runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(key).list()
                .forEach(instance -> runtimeService.deleteProcessInstanceIfExists(instance.getId(), "test over", true,
                        true, true, false)));
    }

    static Stream<Arguments> attacks() {
        return Stream.of(
                attack("subject of zero-width spaces only", CUSTOMER + ",\"subject\":\"\\u200b\\u200b\\u200b\"," + BODY,
                        "subject"),
                attack("subject of a BOM and word joiners only", CUSTOMER + ",\"subject\":\"\\ufeff\\u2060 \\u2060\","
                        + BODY, "subject"),
                attack("RTL override in the subject", CUSTOMER + ",\"subject\":\"Invoice \\u202egpj.exe\"," + BODY,
                        "subject"),
                attack("bidi isolate in the body", CUSTOMER + "," + SUBJECT + ",\"body\":\"Pay \\u2066here\\u2069 now\"",
                        "body"),
                attack("NUL byte in the subject", CUSTOMER + ",\"subject\":\"Backup\\u0000Bcc: x@evil.example\","
                        + BODY, "subject"),
                attack("line break in the subject (header injection)", CUSTOMER
                        + ",\"subject\":\"Backup\\r\\nBcc: x@evil.example\"," + BODY, "subject"),
                attack("C1 control character in the body", CUSTOMER + "," + SUBJECT + ",\"body\":\"Restore \\u0085it\"",
                        "body"),
                attack("escape sequence in the body", CUSTOMER + "," + SUBJECT
                        + ",\"body\":\"Restore \\u001b[2Jthe backup\"", "body"),
                attack("lone carriage return in the body", CUSTOMER + "," + SUBJECT
                        + ",\"body\":\"Restore\\rthe backup\"", "body"),
                attack("body of white space and zero-width joiners only", CUSTOMER + "," + SUBJECT
                        + ",\"body\":\"\\u200d \\n\\t\\u200c\"", "body"),
                attack("customerId of one customer with another customer's e-mail",
                        "\"customerId\":1,\"customerEmail\":\"ops@yunfan.example.cn\",\"channel\":\"api\"," + SUBJECT
                                + "," + BODY, "customerId", "customerEmail"),
                attack("customerId with an e-mail of no customer",
                        "\"customerId\":1,\"customerEmail\":\"someone@else.example\",\"channel\":\"api\"," + SUBJECT
                                + "," + BODY, "customerId", "customerEmail"),
                attack("every attack at once", "\"customerId\":1,\"customerEmail\":\"ops@yunfan.example.cn\","
                        + "\"channel\":\"fax\",\"subject\":\"\\u0000\",\"body\":\"\\u200b\",\"priority\":{\"p\":1},"
                        + "\"zzz\":1", "zzz", "customerId", "customerEmail", "channel", "subject", "body", "priority"));
    }

    private static Arguments attack(String name, String properties, String... fields) {
        return Arguments.of(name, "{" + properties + "}", fields);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("attacks")
    void shouldRefuseTheAttackNamingEveryBadFieldAndOpenNothing(String attack, String body, String[] fields) {
        Counts before = counts();

        ResponseEntity<JsonNode> response = post(body, "attack-" + UUID.randomUUID());

        assertThat(response.getStatusCode()).as("%s", response.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
        List<String> named = new ArrayList<>();
        response.getBody().path("parameters").forEach(parameter -> named.add(parameter.asText()));
        assertThat(named).as("%s", response.getBody()).containsExactlyInAnyOrder(fields);
        for (String field : fields) {
            assertThat(response.getBody().path("detail").asText()).contains("'" + field + "'");
        }
        assertThat(counts()).as("nothing opened, no key taken, no Idempotency-Key recorded").isEqualTo(before);
    }

    /** The example of docs/api.md, word for word. */
    @Test
    void shouldAnswerTheDocumentedExample() {
        ResponseEntity<JsonNode> response = post("{\"customerId\":1,\"customerEmail\":\"ops@yunfan.example.cn\","
                + "\"channel\":\"fax\",\"subject\":\"\\u200b\\u200b\",\"body\":\"Hello\\u0000\"}",
                "docs-" + UUID.randomUUID());

        assertThat(response.getBody().path("detail").asText()).isEqualTo("Parameter 'customerId' is customer 1, but"
                + " 'customerEmail' belongs to customer 2: give the one you mean, or both of the same customer;"
                + " Parameter 'customerEmail' belongs to customer 2, not to customer 1; Parameter 'channel' must be"
                + " one of [email, api, phone, im, web, walk-in]; Parameter 'subject' has no visible characters;"
                + " Parameter 'body' contains a control character (U+0000)");
        assertThat(response.getBody().path("parameter").asText()).isEqualTo("customerId");
    }

    @Test
    void shouldNameADuplicatePropertyAndOpenNothing() {
        Counts before = counts();

        ResponseEntity<JsonNode> response = post("{" + CUSTOMER + "," + SUBJECT + "," + BODY
                + ",\"subject\":\"Something else\"}", "duplicate-" + UUID.randomUUID());

        assertThat(response.getStatusCode()).as("%s", response.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody().path("parameter").asText()).isEqualTo("subject");
        assertThat(response.getBody().path("detail").asText()).contains("'subject'", "twice");
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void shouldRefuseTrailingDataAfterTheJsonAndOpenNothing() {
        Counts before = counts();
        String request = "{" + CUSTOMER + "," + SUBJECT + "," + BODY + "}";

        ResponseEntity<JsonNode> secondObject = post(request + "{\"customerId\":2}", "trailing-" + UUID.randomUUID());
        ResponseEntity<JsonNode> garbage = post(request + " garbage", "trailing-" + UUID.randomUUID());

        assertThat(secondObject.getStatusCode()).as("%s", secondObject.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(secondObject.getBody().path("detail").asText()).contains("more after its JSON value");
        assertThat(garbage.getStatusCode()).as("%s", garbage.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(garbage.getBody().path("detail").asText()).contains("not valid JSON");
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void shouldNameABadIdempotencyKeyTogetherWithTheBadFields() {
        Counts before = counts();

        ResponseEntity<JsonNode> response = post("{" + CUSTOMER + ",\"subject\":\"\\u202e\"," + BODY + "}", "no spaces!");

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        List<String> named = new ArrayList<>();
        response.getBody().path("parameters").forEach(parameter -> named.add(parameter.asText()));
        assertThat(named).containsExactlyInAnyOrder("Idempotency-Key", "subject");
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void shouldStillOpenPlainTextWithLinesEmojiAndTheCustomersOwnAddress() {
        ResponseEntity<JsonNode> response = post("{\"customerId\":1,\"customerEmail\":\"IT@Northwind.example\","
                + "\"channel\":\"api\",\"subject\":\"Backup \\ud83d\\udc69\\u200d\\ud83d\\udcbb r\\u00e9sum\\u00e9\","
                + "\"body\":\"Line one\\r\\nLine two\\n\\tindented, \\u0627\\u0644\\u0639\\u0631\\u0628\\u064a\\u0629\"}",
                "plain-" + UUID.randomUUID());

        assertThat(response.getStatusCode()).as("%s", response.getBody()).isEqualTo(HttpStatus.CREATED);
        opened.add(response.getBody().path("key").asText());
    }

    /** What a refused request could have left behind. */
    record Counts(long requests, long keysTaken, long idempotencyKeys) {
    }

    private Counts counts() {
        return new Counts(historyService.createHistoricProcessInstanceQuery()
                .processDefinitionKey(IntakeProcess.PROCESS_ID).count(),
                jdbc.sql("SELECT COALESCE(SUM(last_number), 0) FROM request_key_counter").query(Long.class).single(),
                jdbc.sql("SELECT COUNT(*) FROM request_idempotency").query(Long.class).single());
    }

    private ResponseEntity<JsonNode> post(String body, String idempotencyKey) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.set(IdempotentOpenings.HEADER, idempotencyKey);
        return anonymous.withBasicAuth("agent", "agent").postForEntity("/api/requests",
                new HttpEntity<>(body, headers), JsonNode.class);
    }
}

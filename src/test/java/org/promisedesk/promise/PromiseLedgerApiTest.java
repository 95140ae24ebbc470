package org.promisedesk.promise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.promisedesk.promise.PromiseProcess.CUSTOMER_ID;
import static org.promisedesk.promise.PromiseProcess.DUE_DATE;
import static org.promisedesk.promise.PromiseProcess.OUTCOME;
import static org.promisedesk.promise.PromiseProcess.OUTCOME_KEPT;
import static org.promisedesk.promise.PromiseProcess.OWNER;
import static org.promisedesk.promise.PromiseProcess.PROCESS_ID;
import static org.promisedesk.promise.PromiseProcess.PROMISE_TEXT;
import static org.promisedesk.promise.PromiseProcess.REQUEST_KEY;
import static org.promisedesk.promise.PromiseProcess.RESULT_TEXT;
import static org.promisedesk.promise.PromiseProcess.TASK_KEEP_PROMISE;
import static org.promisedesk.promise.PromiseProcess.TASK_TELL_CUSTOMER_OUTCOME;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.StreamSupport;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.promisedesk.platform.EngineTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;

/** {@code GET /api/promises} over HTTP, on promises started here; assertions only about these. */
@EngineTest
class PromiseLedgerApiTest {

    /** Friday 20 November 2026, 09:00 in Shanghai: the engine's clock in these tests. */
    private static final Instant NOW = Instant.parse("2026-11-20T01:00:00Z");
    private static final AtomicInteger KEYS = new AtomicInteger();

    @Autowired
    private TestRestTemplate anonymous;
    @Autowired
    private ProcessEngine processEngine;
    @Autowired
    private RuntimeService runtimeService;

    private final List<String> started = new ArrayList<>();

    @BeforeEach
    void setUp() {
        BpmnAwareTests.init(processEngine);
        ClockUtil.setCurrentTime(Date.from(NOW));
    }

    @AfterEach
    void tearDown() {
        ClockUtil.reset();
        started.forEach(id -> runtimeService.deleteProcessInstanceIfExists(id, "test over", true, true, true, false));
    }

    @Test
    void shouldListAnOpenPromiseWithItsDetails() {
        String key = nextRequestKey();
        startPromise(key, 1L, "agent", Duration.ofDays(3));

        JsonNode entry = entry(ok("/api/promises?state=open&customerId=1&size=100"), key);

        assertThat(entry.get("state").asText()).isEqualTo("open");
        assertThat(entry.get("customerId").asLong()).isEqualTo(1);
        assertThat(entry.get("customerName").asText()).isEqualTo("Northwind Traders Ltd");
        assertThat(entry.get("promiseText").asText()).isEqualTo("Ledger test promise " + key);
        assertThat(entry.get("owner").asText()).isEqualTo("agent");
        assertThat(entry.get("dueDate").asText()).isEqualTo("2026-11-23T09:00:00+08:00");
        assertThat(time(entry, "started")).isEqualTo(NOW);
        assertThat(entry.has("ended")).isFalse();
        assertThat(entry.get("processInstanceId").asText()).isNotBlank();
    }

    @Test
    void shouldShowAPromiseAsOverdueOnceItsDueDateHasPassed() {
        String late = nextRequestKey();
        String onTime = nextRequestKey();
        startPromise(late, 4L, "agent", Duration.ofDays(1));
        startPromise(onTime, 4L, "agent", Duration.ofDays(3));
        assertThat(keys(ok("/api/promises?state=overdue&customerId=4&size=100"))).doesNotContain(late, onTime);

        ClockUtil.setCurrentTime(Date.from(NOW.plus(Duration.ofDays(2))));

        JsonNode overdue = ok("/api/promises?state=overdue&customerId=4&size=100");
        assertThat(keys(overdue)).contains(late).doesNotContain(onTime);
        assertThat(overdue.get("items")).allSatisfy(item -> assertThat(item.get("state").asText()).isEqualTo("overdue"));
        JsonNode open = ok("/api/promises?state=open&customerId=4&size=100");
        assertThat(entry(open, late).get("state").asText()).as("open includes overdue").isEqualTo("overdue");
        assertThat(entry(open, onTime).get("state").asText()).isEqualTo("open");
    }

    @Test
    void shouldShowAPromiseAsKeptOnceTheOwnerHasKeptIt() {
        String key = nextRequestKey();
        ProcessInstance promise = startPromise(key, 1L, "agent", Duration.ofDays(3));
        complete(task(TASK_KEEP_PROMISE, promise), withVariables(OUTCOME, OUTCOME_KEPT, RESULT_TEXT, "Done as promised."));
        execute(job(TASK_TELL_CUSTOMER_OUTCOME, promise));
        assertThat(promise).isEnded();

        JsonNode entry = entry(ok("/api/promises?state=kept&customerId=1&owner=agent&size=100"), key);
        assertThat(entry.get("state").asText()).isEqualTo("kept");
        assertThat(time(entry, "ended")).isEqualTo(NOW);
        assertThat(keys(ok("/api/promises?state=open&customerId=1&size=100"))).doesNotContain(key);
        assertThat(keys(ok("/api/promises?state=all&customerId=1&size=100"))).contains(key);
    }

    @Test
    void shouldFilterByCustomerAndOwner() {
        String yunfanTech = nextRequestKey();
        String yunfanAgent = nextRequestKey();
        String northwindTech = nextRequestKey();
        startPromise(yunfanTech, 2L, "tech", Duration.ofDays(3));
        startPromise(yunfanAgent, 2L, "agent", Duration.ofDays(3));
        startPromise(northwindTech, 1L, "tech", Duration.ofDays(3));

        JsonNode ofYunfan = ok("/api/promises?customerId=2&size=100");
        assertThat(keys(ofYunfan)).contains(yunfanTech, yunfanAgent).doesNotContain(northwindTech);
        assertThat(ofYunfan.get("items")).allSatisfy(item -> assertThat(item.get("customerId").asLong()).isEqualTo(2));
        assertThat(entry(ofYunfan, yunfanTech).get("customerName").asText()).isEqualTo("上海云帆电子商务有限公司");
        JsonNode ofTech = ok("/api/promises?owner=tech&size=100");
        assertThat(keys(ofTech)).contains(yunfanTech, northwindTech).doesNotContain(yunfanAgent);
        assertThat(ofTech.get("items")).allSatisfy(item -> assertThat(item.get("owner").asText()).isEqualTo("tech"));
        assertThat(keys(ok("/api/promises?customerId=2&owner=tech&size=100")))
                .contains(yunfanTech).doesNotContain(yunfanAgent, northwindTech);
    }

    @Test
    void shouldPageTheLedgerNewestFirst() {
        String first = nextRequestKey();
        startPromise(first, 5L, "sales", Duration.ofDays(3));
        ClockUtil.setCurrentTime(Date.from(NOW.plusSeconds(60)));
        String second = nextRequestKey();
        startPromise(second, 5L, "sales", Duration.ofDays(3));
        ClockUtil.setCurrentTime(Date.from(NOW.plusSeconds(120)));
        String third = nextRequestKey();
        startPromise(third, 5L, "sales", Duration.ofDays(3));

        JsonNode all = ok("/api/promises?customerId=5&owner=sales&size=100");
        List<String> keys = keys(all);
        assertThat(keys).containsSubsequence(third, second, first);
        JsonNode page0 = ok("/api/promises?customerId=5&owner=sales&size=2");
        JsonNode page1 = ok("/api/promises?customerId=5&owner=sales&size=2&page=1");
        assertThat(page0.get("page").asInt()).isZero();
        assertThat(page0.get("size").asInt()).isEqualTo(2);
        assertThat(page0.get("total").asLong()).isEqualTo(all.get("total").asLong()).isGreaterThanOrEqualTo(3);
        assertThat(page0.get("items")).hasSize(2);
        assertThat(keys(page0)).isEqualTo(keys.subList(0, 2));
        assertThat(keys(page1).get(0)).isEqualTo(keys.get(2));
        assertThat(ok("/api/promises?customerId=5").get("size").asInt()).as("default page size").isEqualTo(20);
    }

    @Test
    void shouldRefuseBadParametersNamingThem() {
        assertBadParameter("/api/promises?state=late", "state", "must be one of open, overdue, kept, cannot-be-done,"
                + " cancelled, all");
        assertBadParameter("/api/promises?customerId=northwind", "customerId", "must be an integer");
        assertBadParameter("/api/promises?customerId=0", "customerId", "customer id");
        assertBadParameter("/api/promises?owner=" + "x".repeat(65), "owner", "at most 64 characters");
        assertBadParameter("/api/promises?size=0", "size", "between 1 and 100");
        assertBadParameter("/api/promises?page=-1", "page", "must not be negative");
    }

    @Test
    void shouldLetAgentsLeadsAndAuditorsReadAndNobodyElse() {
        assertThat(anonymous.getForEntity("/api/promises", JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        // Not a wrong password for a real user: the engine would delay that user's next logins.
        assertThat(anonymous.withBasicAuth("nobody", "nobody").getForEntity("/api/promises", JsonNode.class)
                .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        ResponseEntity<JsonNode> sales = anonymous.withBasicAuth("sales", "sales").getForEntity("/api/promises",
                JsonNode.class);
        assertThat(sales.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(sales.getBody().get("detail").asText()).contains("agents, team leads and auditors");
        for (String reader : List.of("agent", "lead", "auditor")) {
            assertThat(anonymous.withBasicAuth(reader, reader).getForEntity("/api/promises", JsonNode.class)
                    .getStatusCode()).as(reader).isEqualTo(HttpStatus.OK);
        }
    }

    private ProcessInstance startPromise(String key, long customerId, String owner, Duration dueIn) {
        ProcessInstance promise = runtimeService.startProcessInstanceByKey(PROCESS_ID, key, Map.of(
                CUSTOMER_ID, customerId, REQUEST_KEY, key, PROMISE_TEXT, "Ledger test promise " + key,
                OWNER, owner, DUE_DATE, Date.from(ClockUtil.getCurrentTime().toInstant().plus(dueIn))));
        started.add(promise.getId());
        return promise;
    }

    private JsonNode ok(String url) {
        ResponseEntity<JsonNode> response = anonymous.withBasicAuth("agent", "agent").getForEntity(url, JsonNode.class);
        assertThat(response.getStatusCode()).as(url).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    private void assertBadParameter(String url, String parameter, String detail) {
        ResponseEntity<JsonNode> response = anonymous.withBasicAuth("lead", "lead").getForEntity(url, JsonNode.class);
        assertThat(response.getStatusCode()).as(url).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody().get("parameter").asText()).as(url).isEqualTo(parameter);
        assertThat(response.getBody().get("detail").asText()).as(url).contains(detail);
    }

    private static List<String> keys(JsonNode page) {
        return StreamSupport.stream(page.get("items").spliterator(), false)
                .map(item -> item.path("requestKey").asText()).toList();
    }

    private static JsonNode entry(JsonNode page, String key) {
        return StreamSupport.stream(page.get("items").spliterator(), false)
                .filter(item -> key.equals(item.path("requestKey").asText())).findFirst()
                .orElseThrow(() -> new AssertionError(key + " is not in " + page));
    }

    private static Instant time(JsonNode entry, String field) {
        return OffsetDateTime.parse(entry.get(field).asText()).toInstant();
    }

    /** Keys of their own (year 2096), so that other test classes' promises never match. */
    private static String nextRequestKey() {
        return "REQ-2096-%06d".formatted(KEYS.incrementAndGet());
    }
}

package org.promisedesk.renewal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.promisedesk.renewal.RenewalTestData.at;
import static org.promisedesk.renewal.ServiceRenewalProcess.TASK_CONFIRM_PAYMENT;
import static org.promisedesk.renewal.ServiceRenewalProcess.TEMPLATE_PAID;

import java.time.LocalDate;
import java.util.Map;
import java.util.stream.Stream;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.promisedesk.customer.CustomerKind;
import org.promisedesk.customer.ServiceProfile;
import org.promisedesk.customer.ServiceState;
import org.promisedesk.mail.TestMailServer;
import org.promisedesk.platform.EngineTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.JsonNode;

/** {@code POST /api/services/{id}/renewals} as the agents' systems call it: HTTP Basic, JSON, problem details. */
@EngineTest
class RenewalApiTest {

    static final LocalDate EXPIRY = LocalDate.of(2031, 3, 31);

    @Autowired TestRestTemplate anonymous;
    @Autowired ProcessEngine processEngine;
    @Autowired RuntimeService runtimeService;
    @Autowired JdbcClient jdbc;
    @Autowired RenewalStarter starter;
    @Autowired TestMailServer mail;

    private RenewalTestData data;
    private RenewalTestData.TestCustomer customer;

    @BeforeEach
    void setUp() {
        BpmnAwareTests.init(processEngine);
        data = new RenewalTestData(jdbc, runtimeService);
        customer = data.customer(CustomerKind.ENTERPRISE, ServiceProfile.DEPENDENT, "en", "sales");
        ClockUtil.setCurrentTime(at(EXPIRY.minusDays(20), "10:00"));
    }

    @AfterEach
    void tearDown() {
        ClockUtil.reset();
        data.deleteAll();
    }

    @Test
    void shouldRecordAPaymentAnswer201WithTheNewExpiryAndConfirmIt() {
        long service = data.service(customer, EXPIRY);
        ProcessInstance renewal = startRenewal(service);

        ResponseEntity<JsonNode> response = pay(service, Map.of("paidUntil", "2032-03-31", "reference", "BANK-7781"));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(response.getBody().get("serviceId").asLong()).isEqualTo(service);
        assertThat(response.getBody().get("renewal").asText()).isEqualTo(renewal.getBusinessKey());
        assertThat(response.getBody().get("previousExpiryDate").asText()).isEqualTo("2031-03-31");
        assertThat(response.getBody().get("expiryDate").asText()).isEqualTo("2032-03-31");
        assertThat(response.getBody().get("alreadyRecorded").asBoolean()).isFalse();
        assertThat(data.expiryOf(service)).isEqualTo(LocalDate.of(2032, 3, 31));
        assertThat(jdbc.sql("SELECT payment_recorded_by || ' ' || payment_reference FROM renewal WHERE business_key = ?")
                .param(renewal.getBusinessKey()).query(String.class).single()).isEqualTo("agent BANK-7781");
        execute(job(TASK_CONFIRM_PAYMENT, renewal));
        assertThat(renewal).isEnded();
        assertThat(data.templatesSentTo(customer)).containsExactly(TEMPLATE_PAID);
        assertThat(mail.messagesTo(customer.email())).hasSize(1);
    }

    @Test
    void shouldAnswer200AndSendNoSecondConfirmationForTheSamePaymentAgain() {
        long service = data.service(customer, EXPIRY);
        ProcessInstance renewal = startRenewal(service);
        assertThat(pay(service, Map.of("paidUntil", "2032-03-31")).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        execute(job(TASK_CONFIRM_PAYMENT, renewal));

        ResponseEntity<JsonNode> again = pay(service, Map.of("paidUntil", "2032-03-31"));

        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(again.getBody().get("alreadyRecorded").asBoolean()).isTrue();
        assertThat(again.getBody().get("renewal").asText()).isEqualTo(renewal.getBusinessKey());
        assertThat(data.renewalsOf(service)).hasSize(1);
        assertThat(data.templatesSentTo(customer)).containsExactly(TEMPLATE_PAID);
    }

    @Test
    void shouldAnswer404ForAnUnknownService() {
        ResponseEntity<JsonNode> response = pay(Long.MAX_VALUE, Map.of("paidUntil", "2032-03-31"));

        assertProblem(response, HttpStatus.NOT_FOUND, "No service with id " + Long.MAX_VALUE);
    }

    static Stream<Arguments> badPayments() {
        return Stream.of(
                Arguments.of(Map.of(), "Parameter 'paidUntil' is required"),
                Arguments.of(Map.of("paidUntil", "next spring"), "Parameter 'paidUntil' 'next spring' is not a date"),
                Arguments.of(Map.of("paidUntil", "2031-03-01"), "Parameter 'paidUntil' 2031-03-01 is in the past"),
                Arguments.of(Map.of("paidUntil", "2031-03-31"),
                        "Parameter 'paidUntil' 2031-03-31 must be after the current expiry date 2031-03-31"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badPayments")
    void shouldAnswer400NamingPaidUntilAndChangeNothing(Map<String, String> body, String detail) {
        long service = data.service(customer, EXPIRY);
        ProcessInstance renewal = startRenewal(service);

        ResponseEntity<JsonNode> response = pay(service, body);

        assertProblem(response, HttpStatus.BAD_REQUEST, detail);
        assertThat(response.getBody().get("parameter").asText()).isEqualTo("paidUntil");
        assertThat(data.expiryOf(service)).isEqualTo(EXPIRY);
        assertThat(renewal).isActive();
        assertThat(data.renewalsOf(service)).singleElement()
                .satisfies(row -> assertThat(row.state()).isEqualTo(Renewal.State.REMINDING));
    }

    @Test
    void shouldAnswer409ForAServiceThatWasReclaimed() {
        long service = data.service(customer, EXPIRY.minusDays(40), ServiceState.EXPIRED);

        ResponseEntity<JsonNode> response = pay(service, Map.of("paidUntil", "2032-03-31"));

        assertProblem(response, HttpStatus.CONFLICT, "a payment cannot bring it back");
    }

    @Test
    void shouldLetNoAuditorRecordAPayment() {
        long service = data.service(customer, EXPIRY);

        ResponseEntity<JsonNode> response = anonymous.withBasicAuth("auditor", "auditor")
                .postForEntity("/api/services/{id}/renewals", Map.of("paidUntil", "2032-03-31"), JsonNode.class, service);

        assertProblem(response, HttpStatus.FORBIDDEN, "needs membership");
        assertThat(data.expiryOf(service)).isEqualTo(EXPIRY);
        assertThat(anonymous.postForEntity("/api/services/{id}/renewals", Map.of("paidUntil", "2032-03-31"),
                JsonNode.class, service).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    private ProcessInstance startRenewal(long service) {
        starter.start(new Renewals.DueService(service, EXPIRY));
        return runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(Renewal.businessKey(service, EXPIRY))
                .singleResult();
    }

    private ResponseEntity<JsonNode> pay(long service, Map<String, String> body) {
        return anonymous.withBasicAuth("agent", "agent")
                .postForEntity("/api/services/{id}/renewals", body, JsonNode.class, service);
    }

    private static void assertProblem(ResponseEntity<JsonNode> response, HttpStatus status, String detail) {
        assertThat(response.getStatusCode()).isEqualTo(status);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getBody().get("status").asInt()).isEqualTo(status.value());
        assertThat(response.getBody().get("detail").asText()).contains(detail);
    }
}

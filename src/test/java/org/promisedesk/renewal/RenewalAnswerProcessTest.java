package org.promisedesk.renewal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.promisedesk.renewal.RenewalAnswerProcess.*;
import static org.promisedesk.renewal.RenewalTestData.at;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.promisedesk.customer.CustomerKind;
import org.promisedesk.customer.ServiceProfile;
import org.promisedesk.platform.EngineTest;
import org.promisedesk.platform.Groups;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * "Record a customer's renewal answer" ({@code renewal-answer}): the agents' Tasklist action,
 * started with its form's fields.
 */
@EngineTest
class RenewalAnswerProcessTest {

    static final LocalDate EXPIRY = LocalDate.of(2031, 3, 31);

    @Autowired ProcessEngine processEngine;
    @Autowired RuntimeService runtimeService;
    @Autowired HistoryService historyService;
    @Autowired IdentityService identityService;
    @Autowired JdbcClient jdbc;
    @Autowired RenewalStarter starter;

    private RenewalTestData data;
    private long service;
    private ProcessInstance renewal;

    @BeforeEach
    void setUp() {
        BpmnAwareTests.init(processEngine);
        data = new RenewalTestData(jdbc, runtimeService);
        var customer = data.customer(CustomerKind.INDIVIDUAL, ServiceProfile.DEPENDENT, "zh-CN", null);
        service = data.service(customer, EXPIRY);
        ClockUtil.setCurrentTime(at(EXPIRY.minusDays(30), "06:00"));
        starter.start(new Renewals.DueService(service, EXPIRY));
        renewal = runtimeService.createProcessInstanceQuery()
                .processInstanceBusinessKey(Renewal.businessKey(service, EXPIRY)).singleResult();
        ClockUtil.setCurrentTime(at(EXPIRY.minusDays(12), "15:20"));
    }

    @AfterEach
    void tearDown() {
        ClockUtil.reset();
        data.deleteAll();
    }

    @Test
    void shouldRecordAPaymentTheCustomerToldAnAgent() {
        Map<String, Object> form = form(ANSWER_PAID);
        form.put(PAID_UNTIL, "2032-03-31");
        form.put(PAYMENT_REFERENCE, "ICBC 20310319-118");

        ProcessInstance answer = startAsAgent(form);

        assertThat(answer).isEnded().hasPassed(TASK_RECORD_RENEWAL_PAYMENT, EVENT_PAYMENT_RECORDED)
                .variables().containsEntry(RENEWAL_KEY, renewal.getBusinessKey()).containsEntry(SERVICE_ID, service);
        assertThat(renewal).hasPassed(ServiceRenewalProcess.EVENT_PAID);
        execute(job(ServiceRenewalProcess.TASK_CONFIRM_PAYMENT, renewal));
        assertThat(renewal).isEnded();
        assertThat(data.expiryOf(service)).isEqualTo(LocalDate.of(2032, 3, 31));
        assertThat(jdbc.sql("SELECT payment_recorded_by FROM renewal WHERE business_key = ?")
                .param(renewal.getBusinessKey()).query(String.class).single()).isEqualTo("agent");
    }

    @Test
    void shouldRecordThatTheCustomerDoesNotRenew() {
        Map<String, Object> form = form(ANSWER_CANCELLED);
        form.put(CANCEL_REASON, "客户业务迁移到自建机房");

        ProcessInstance answer = startAsAgent(form);

        assertThat(answer).isEnded().hasPassed(TASK_RECORD_RENEWAL_CANCELLATION, EVENT_CANCELLATION_RECORDED);
        assertThat(renewal).hasPassed(ServiceRenewalProcess.EVENT_CANCELLED)
                .variables().containsEntry(ServiceRenewalProcess.CANCEL_REASON, "客户业务迁移到自建机房");
        assertThat(data.renewalsOf(service)).singleElement()
                .satisfies(row -> assertThat(row.state()).isEqualTo(Renewal.State.CANCELLED));
    }

    @Test
    void shouldRejectAnAnswerWithoutTheFieldsItNeedsAndStartNothing() {
        Map<String, Object> form = new HashMap<>();
        form.put(ANSWER, ANSWER_PAID);

        assertThatThrownBy(() -> startAsAgent(form)).isInstanceOf(BadUserRequestException.class)
                .hasMessageContaining("serviceId is required").hasMessageContaining("paidUntil is required");
        assertThat(renewal).isActive();
    }

    @Test
    void shouldRejectAPaymentTheRulesRefuseAndChangeNothing() {
        Map<String, Object> form = form(ANSWER_PAID);
        form.put(PAID_UNTIL, EXPIRY.toString());
        long answersBefore = historyService.createHistoricProcessInstanceQuery().processDefinitionKey(PROCESS_ID).count();

        assertThatThrownBy(() -> startAsAgent(form)).isInstanceOf(BadUserRequestException.class)
                .hasMessageContaining("paidUntil 2031-03-31 must be after the current expiry date");

        assertThat(historyService.createHistoricProcessInstanceQuery().processDefinitionKey(PROCESS_ID).count())
                .isEqualTo(answersBefore);
        assertThat(renewal).isActive();
        assertThat(data.expiryOf(service)).isEqualTo(EXPIRY);
    }

    /** The form's fields as Tasklist submits them: the number field as a Double. */
    private Map<String, Object> form(String answer) {
        Map<String, Object> form = new HashMap<>();
        form.put(SERVICE_ID, (double) service);
        form.put(ANSWER, answer);
        return form;
    }

    private ProcessInstance startAsAgent(Map<String, Object> form) {
        identityService.setAuthentication("agent", List.of(Groups.AGENTS));
        try {
            return runtimeService.startProcessInstanceByKey(PROCESS_ID, form);
        } finally {
            identityService.clearAuthentication();
        }
    }
}

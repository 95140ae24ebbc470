package org.promisedesk.renewal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.promisedesk.platform.ProcessTestSupport.assertEachNamesAFlowNode;
import static org.promisedesk.platform.ProcessTestSupport.deployedModel;
import static org.promisedesk.platform.ProcessTestSupport.elementIdConstants;
import static org.promisedesk.renewal.RenewalTestData.at;
import static org.promisedesk.renewal.ServiceRenewalProcess.*;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.stream.Stream;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Message;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.promisedesk.customer.CustomerKind;
import org.promisedesk.customer.ServiceProfile;
import org.promisedesk.mail.MailAssertions;
import org.promisedesk.mail.TestMailServer;
import org.promisedesk.platform.EngineTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * "Renew a service" ({@code service-renewal}) with the engine's clock moved across every reminder, the expiry, the grace
 * period, the suspension and the reclaim; payment at each stage; cancellation. Each test has its
 * own customer and service, expiring on {@link #EXPIRY}; the letters arrive at GreenMail.
 */
@EngineTest
class ServiceRenewalProcessTest {

    static final LocalDate EXPIRY = LocalDate.of(2031, 3, 31);
    static final LocalDate PAID_UNTIL = EXPIRY.plusYears(1);

    @Autowired ProcessEngine processEngine;
    @Autowired RuntimeService runtimeService;
    @Autowired ManagementService managementService;
    @Autowired RepositoryService repositoryService;
    @Autowired JdbcClient jdbc;
    @Autowired RenewalStarter starter;
    @Autowired RenewalPayments payments;
    @Autowired RenewalCancellations cancellations;
    @Autowired TestMailServer mail;

    private RenewalTestData data;

    @BeforeEach
    void setUp() {
        BpmnAwareTests.init(processEngine);
        data = new RenewalTestData(jdbc, runtimeService);
    }

    @AfterEach
    void tearDown() {
        ClockUtil.reset();
        data.deleteAll();
    }

    static Stream<String> languages() {
        return Stream.of("en", "zh-CN");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("languages")
    void shouldRemindAt30_14_7_3And1DaysInTheCustomersLanguage(String language) throws MessagingException {
        var customer = data.customer(CustomerKind.INDIVIDUAL, ServiceProfile.SELF_RELIANT, language, null);
        long service = data.service(customer, EXPIRY);
        ProcessInstance renewal = startRenewalAt(service, at(EXPIRY.minusDays(30), "06:00"));

        for (int days : new int[] {30, 14, 7, 3, 1}) {
            assertThat(dueOf(renewal, EVENT_REMINDER_DUE)).as("%d days before", days)
                    .isEqualTo(at(EXPIRY.minusDays(days), "09:00").toInstant());
            fire(renewal, EVENT_REMINDER_DUE);
            execute(job(TASK_SEND_REMINDER, renewal));
        }

        assertThat(renewal).isWaitingAt(EVENT_EXPIRY_PASSED).hasPassed(EVENT_NO_CALL_NEEDED);
        assertThat(dueOf(renewal, EVENT_EXPIRY_PASSED)).isEqualTo(at(EXPIRY.plusDays(1), "00:00").toInstant());
        assertThat(data.templatesSentTo(customer)).containsExactly(TEMPLATE_REMINDER, TEMPLATE_REMINDER,
                TEMPLATE_REMINDER, TEMPLATE_REMINDER, TEMPLATE_REMINDER);
        List<MimeMessage> letters = mail.messagesTo(customer.email());
        assertThat(letters).hasSize(5);
        String key = Renewal.businessKey(service, EXPIRY);
        for (MimeMessage letter : letters) {
            assertThat(letter.getSubject()).contains(key)
                    .contains(language.equals("en") ? "Please renew" : "续费提醒")
                    .contains(language.equals("en") ? "31 March 2031" : "2031年3月31日");
            assertThat(text(letter)).contains("Cloud VM 4 vCPU / 8 GB / 100 GB SSD", "3,200.00", key)
                    .contains(language.equals("en") ? "How to pay" : "付款方式");
        }
    }

    @Test
    void shouldSkipRemindersWhoseDayHadPassedWhenTheRenewalStarted() {
        var customer = data.customer(CustomerKind.INDIVIDUAL, ServiceProfile.DEPENDENT, "en", null);
        long service = data.service(customer, EXPIRY);
        Date started = at(EXPIRY.minusDays(7), "10:30");
        ProcessInstance renewal = startRenewalAt(service, started);

        List<Instant> reminders = new ArrayList<>();
        while (!jobsAt(renewal, EVENT_REMINDER_DUE).isEmpty()) {
            reminders.add(dueOf(renewal, EVENT_REMINDER_DUE));
            fire(renewal, EVENT_REMINDER_DUE);
            execute(job(TASK_SEND_REMINDER, renewal));
        }

        assertThat(reminders).as("the 7-day reminder at once, as its time had passed that day")
                .containsExactly(started.toInstant(), at(EXPIRY.minusDays(3), "09:00").toInstant(),
                        at(EXPIRY.minusDays(1), "09:00").toInstant());
        assertThat(renewal).isWaitingAt(EVENT_EXPIRY_PASSED);
    }

    @Test
    void shouldHaveTheAccountManagerCallAnEnterpriseCustomer14DaysBeforeExpiry() {
        var customer = data.customer(CustomerKind.ENTERPRISE, ServiceProfile.DEPENDENT, "en", "sales");
        long service = data.service(customer, EXPIRY);
        ProcessInstance renewal = startRenewalAt(service, at(EXPIRY.minusDays(30), "06:00"));
        assertThat(dueOf(renewal, EVENT_SALES_CALL_DUE)).isEqualTo(at(EXPIRY.minusDays(14), "09:00").toInstant());

        fire(renewal, EVENT_SALES_CALL_DUE);

        Task call = task(TASK_CALL_CUSTOMER, renewal);
        assertThat(call).isAssignedTo("sales").hasDueDate(at(EXPIRY, "09:00"));
        assertThat(candidateGroups(call)).containsExactly("sales");
        assertThatThrownBy(() -> complete(call, withVariables(CALL_OUTCOME, "will-renew")))
                .isInstanceOf(ProcessEngineException.class).rootCause().isInstanceOf(BadUserRequestException.class)
                .hasMessageContaining(CALL_NOTES);
        complete(call, withVariables(CALL_OUTCOME, "will-renew", CALL_NOTES, "Spoke to Ms Li, she renews for a year."));
        assertThat(renewal).hasPassed(EVENT_CALL_DONE).isWaitingAt(EVENT_REMINDER_DUE);
    }

    @Test
    void shouldGiveTheCallAboutAVipWithoutAccountManagerToTheSalesTeamAtOnceWhenStartedLate() {
        var customer = data.customer(CustomerKind.INDIVIDUAL, ServiceProfile.VIP, "zh-CN", null);
        long service = data.service(customer, EXPIRY);
        Date started = at(EXPIRY.minusDays(10), "06:00");
        ProcessInstance renewal = startRenewalAt(service, started);

        assertThat(dueOf(renewal, EVENT_SALES_CALL_DUE)).isEqualTo(started.toInstant());
        fire(renewal, EVENT_SALES_CALL_DUE);

        assertThat(task(TASK_CALL_CUSTOMER, renewal)).isNotAssigned().hasCandidateGroup("sales");
    }

    @Test
    void shouldSuspendAfterTheGracePeriodAndReclaimOnlyAfterTheRetentionPeriod() throws MessagingException {
        var customer = data.customer(CustomerKind.INDIVIDUAL, ServiceProfile.SELF_RELIANT, "en", null);
        long service = data.service(customer, EXPIRY);
        String key = Renewal.businessKey(service, EXPIRY);
        ProcessInstance renewal = startRenewalAt(service, at(EXPIRY.minusDays(2), "06:00"));
        fire(renewal, EVENT_REMINDER_DUE);
        execute(job(TASK_SEND_REMINDER, renewal));

        fire(renewal, EVENT_EXPIRY_PASSED);
        assertThat(state(key)).isEqualTo(Renewal.State.GRACE);
        assertThat(data.stateOf(service)).as("running through the grace period").isEqualTo("ACTIVE");
        for (int days : new int[] {1, 4, 7}) {
            assertThat(dueOf(renewal, EVENT_GRACE_REMINDER_DUE)).isEqualTo(at(EXPIRY.plusDays(days), "09:00").toInstant());
            fire(renewal, EVENT_GRACE_REMINDER_DUE);
            execute(job(TASK_SEND_GRACE_REMINDER, renewal));
        }

        assertThat(dueOf(renewal, EVENT_GRACE_PERIOD_OVER)).isEqualTo(at(EXPIRY.plusDays(8), "09:00").toInstant());
        fire(renewal, EVENT_GRACE_PERIOD_OVER);
        assertThat(data.stateOf(service)).isEqualTo("SUSPENDED");
        assertThat(state(key)).isEqualTo(Renewal.State.SUSPENDED);
        assertThat(task(TASK_SUSPEND_SERVICE, renewal)).hasCandidateGroup("tech").isNotAssigned();
        complete(task(TASK_SUSPEND_SERVICE, renewal));
        execute(job(TASK_TELL_CUSTOMER_SUSPENDED, renewal));

        assertThat(dueOf(renewal, EVENT_FINAL_NOTICE_DUE)).isEqualTo(at(EXPIRY.plusDays(31), "09:00").toInstant());
        fire(renewal, EVENT_FINAL_NOTICE_DUE);
        execute(job(TASK_SEND_FINAL_NOTICE, renewal));
        assertThat(data.stateOf(service)).as("not reclaimed before the retention period is over").isEqualTo("SUSPENDED");

        assertThat(dueOf(renewal, EVENT_RETENTION_OVER)).isEqualTo(at(EXPIRY.plusDays(38), "09:00").toInstant());
        fire(renewal, EVENT_RETENTION_OVER);
        assertThat(data.stateOf(service)).isEqualTo("EXPIRED");
        assertThat(state(key)).isEqualTo(Renewal.State.RECLAIMED);
        assertThat(task(TASK_RECLAIM_SERVICE, renewal)).hasCandidateGroup("tech");
        complete(task(TASK_RECLAIM_SERVICE, renewal));
        execute(job(TASK_TELL_CUSTOMER_RECLAIMED, renewal));

        assertThat(renewal).isEnded().hasPassed(EVENT_SERVICE_RECLAIMED, EVENT_RENEWAL_ENDED_UNPAID)
                .variables().containsEntry(RENEWAL_OUTCOME, OUTCOME_RECLAIMED);
        assertThat(data.templatesSentTo(customer)).containsExactly(TEMPLATE_REMINDER, TEMPLATE_GRACE_REMINDER,
                TEMPLATE_GRACE_REMINDER, TEMPLATE_GRACE_REMINDER, TEMPLATE_SUSPENDED, TEMPLATE_FINAL_NOTICE,
                TEMPLATE_RECLAIMED);
        List<MimeMessage> letters = mail.messagesTo(customer.email());
        assertThat(letters).hasSize(7);
        assertThat(letters.get(4).getSubject()).startsWith("Suspended").contains("8 May 2031");
        assertThat(letters.get(5).getSubject()).startsWith("Final notice").contains("8 May 2031");
        assertThatThrownBy(() -> payments.record(service, PAID_UNTIL.toString(), null, "agent"))
                .isInstanceOf(RenewalRejected.class).hasMessageContaining("reclaimed")
                .satisfies(e -> assertThat(((RenewalRejected) e).reason()).isEqualTo(RenewalRejected.Reason.CONFLICT));
    }

    enum Stage { BEFORE_EXPIRY, IN_GRACE_PERIOD, SUSPENDED, AFTER_FINAL_NOTICE }

    @ParameterizedTest
    @EnumSource(Stage.class)
    void shouldMoveTheExpiryConfirmAndStopEverythingWhenPaid(Stage stage) throws MessagingException {
        var customer = data.customer(CustomerKind.INDIVIDUAL, ServiceProfile.SELF_RELIANT, "en", null);
        long service = data.service(customer, EXPIRY);
        String key = Renewal.businessKey(service, EXPIRY);
        ProcessInstance renewal = startRenewalAt(service, at(EXPIRY.minusDays(2), "06:00"));
        boolean suspended = advanceTo(stage, renewal);

        RenewalPayments.Payment payment = payments.record(service, PAID_UNTIL.toString(), "BANK-2031-0042", "agent");

        assertThat(payment.renewalKey()).isEqualTo(key);
        assertThat(payment.alreadyRecorded()).isFalse();
        assertThat(data.expiryOf(service)).isEqualTo(PAID_UNTIL);
        assertThat(data.stateOf(service)).isEqualTo("ACTIVE");
        assertThat(data.renewalsOf(service)).singleElement().satisfies(row -> {
            assertThat(row.state()).isEqualTo(Renewal.State.PAID);
            assertThat(row.paidUntil()).isEqualTo(PAID_UNTIL);
        });
        assertThat(renewal).hasPassed(EVENT_PAID, TASK_RECORD_PAYMENT)
                .variables().containsEntry(WAS_SUSPENDED, suspended).containsEntry(RENEWAL_OUTCOME, OUTCOME_PAID);
        execute(job(TASK_CONFIRM_PAYMENT, renewal));
        if (suspended) {
            assertThat(task(TASK_REACTIVATE_SERVICE, renewal)).hasCandidateGroup("tech");
            complete(task(TASK_REACTIVATE_SERVICE, renewal));
        }
        assertThat(renewal).isEnded().hasPassed(suspended ? EVENT_SERVICE_BACK_ON : EVENT_RENEWAL_PAID);
        assertThat(data.templatesSentTo(customer)).last().isEqualTo(TEMPLATE_PAID);
        MimeMessage confirmation = mail.messagesTo(customer.email()).get(data.templatesSentTo(customer).size() - 1);
        assertThat(confirmation.getSubject()).startsWith("Payment received").contains("31 March 2032");
        assertThat(text(confirmation).contains("switching it back on")).isEqualTo(suspended);
    }

    @Test
    void shouldNotConfirmASecondPaymentForTheSamePeriod() {
        var customer = data.customer(CustomerKind.INDIVIDUAL, ServiceProfile.SELF_RELIANT, "zh-CN", null);
        long service = data.service(customer, EXPIRY);
        ProcessInstance renewal = startRenewalAt(service, at(EXPIRY.minusDays(30), "06:00"));
        payments.record(service, PAID_UNTIL.toString(), null, "agent");
        execute(job(TASK_CONFIRM_PAYMENT, renewal));

        RenewalPayments.Payment again = payments.record(service, PAID_UNTIL.toString(), null, "agent2");

        assertThat(again.alreadyRecorded()).isTrue();
        assertThat(again.renewalKey()).isEqualTo(renewal.getBusinessKey());
        assertThat(data.renewalsOf(service)).hasSize(1);
        assertThat(data.templatesSentTo(customer)).containsExactly(TEMPLATE_PAID);
        assertThat(mail.messagesTo(customer.email())).hasSize(1);
    }

    @Test
    void shouldRejectAPaymentThatDoesNotMoveTheExpiryForwardAndChangeNothing() {
        var customer = data.customer(CustomerKind.INDIVIDUAL, ServiceProfile.SELF_RELIANT, "en", null);
        long service = data.service(customer, EXPIRY);
        ProcessInstance renewal = startRenewalAt(service, at(EXPIRY.minusDays(30), "06:00"));

        assertRejected(() -> payments.record(service, EXPIRY.toString(), null, "agent"), "paidUntil",
                "must be after the current expiry date 2031-03-31");
        assertRejected(() -> payments.record(service, EXPIRY.minusDays(31).toString(), null, "agent"), "paidUntil",
                "is in the past");
        assertRejected(() -> payments.record(service, "next year", null, "agent"), "paidUntil", "is not a date");
        assertRejected(() -> payments.record(service, null, null, "agent"), "paidUntil", "is required");
        assertThatThrownBy(() -> payments.record(Long.MAX_VALUE, PAID_UNTIL.toString(), null, "agent"))
                .isInstanceOf(RenewalRejected.class)
                .satisfies(e -> assertThat(((RenewalRejected) e).reason()).isEqualTo(RenewalRejected.Reason.UNKNOWN_SERVICE));

        assertThat(renewal).isWaitingAt(EVENT_REMINDER_DUE);
        assertThat(data.expiryOf(service)).isEqualTo(EXPIRY);
        assertThat(state(renewal.getBusinessKey())).isEqualTo(Renewal.State.REMINDING);
    }

    @Test
    void shouldRenewAndConfirmAPaymentThatCameBeforeAnyReminder() {
        var customer = data.customer(CustomerKind.INDIVIDUAL, ServiceProfile.SELF_RELIANT, "en", null);
        long service = data.service(customer, EXPIRY);
        ClockUtil.setCurrentTime(at(EXPIRY.minusDays(90), "15:00"));

        RenewalPayments.Payment payment = payments.record(service, PAID_UNTIL.toString(), null, "sales");

        ProcessInstance renewal = instance(payment.renewalKey());
        assertThat(payment.renewalKey()).isEqualTo(Renewal.businessKey(service, EXPIRY));
        assertThat(data.renewalsOf(service)).singleElement().satisfies(row -> {
            assertThat(row.startedBy()).isEqualTo(Renewal.StartedBy.PAYMENT);
            assertThat(row.state()).isEqualTo(Renewal.State.PAID);
            assertThat(row.processInstanceId()).isEqualTo(renewal.getId());
        });
        assertThat(renewal).hasPassed(TASK_PLAN_REMINDERS, EVENT_PAID, TASK_RECORD_PAYMENT);
        execute(job(TASK_CONFIRM_PAYMENT, renewal));
        assertThat(renewal).isEnded();
        assertThat(data.expiryOf(service)).isEqualTo(PAID_UNTIL);
        assertThat(data.templatesSentTo(customer)).containsExactly(TEMPLATE_PAID);
    }

    @Test
    void shouldSayGoodbyeStopRemindingAndCloseTheServiceWhenItsPaidPeriodEnds() throws MessagingException {
        var customer = data.customer(CustomerKind.INDIVIDUAL, ServiceProfile.SELF_RELIANT, "en", null);
        long service = data.service(customer, EXPIRY);
        ProcessInstance renewal = startRenewalAt(service, at(EXPIRY.minusDays(30), "06:00"));
        fire(renewal, EVENT_REMINDER_DUE);
        execute(job(TASK_SEND_REMINDER, renewal));
        ClockUtil.setCurrentTime(at(EXPIRY.minusDays(20), "11:00"));

        cancellations.cancel(service, "We are moving the site to our own servers.");
        execute(job(TASK_SAY_GOODBYE, renewal));

        assertThat(renewal).isWaitingAt(GATEWAY_EXPIRY_OR_PAYMENT)
                .variables().containsEntry(STILL_PAID_UP, true).containsEntry(RENEWAL_OUTCOME, OUTCOME_CANCELLED);
        assertThat(jobsAt(renewal, EVENT_REMINDER_DUE)).isEmpty();
        assertThat(state(renewal.getBusinessKey())).isEqualTo(Renewal.State.CANCELLED);
        assertThat(data.stateOf(service)).as("paid until the expiry date").isEqualTo("ACTIVE");
        assertThat(dueOf(renewal, EVENT_PAID_PERIOD_OVER)).isEqualTo(at(EXPIRY.plusDays(1), "00:00").toInstant());

        fire(renewal, EVENT_PAID_PERIOD_OVER);
        assertThat(data.stateOf(service)).isEqualTo("CANCELLED");
        assertThat(task(TASK_DECOMMISSION_SERVICE, renewal)).hasCandidateGroup("tech");
        complete(task(TASK_DECOMMISSION_SERVICE, renewal));
        assertThat(renewal).isEnded().hasPassed(EVENT_RENEWAL_CANCELLED);
        assertThat(data.templatesSentTo(customer)).containsExactly(TEMPLATE_REMINDER, TEMPLATE_GOODBYE);
        assertThat(text(mail.messagesTo(customer.email()).get(1))).contains("keeps running until the end of the paid period");
    }

    @Test
    void shouldCloseTheServiceAtOnceWhenCancelledInTheGracePeriod() {
        var customer = data.customer(CustomerKind.INDIVIDUAL, ServiceProfile.SELF_RELIANT, "zh-CN", null);
        long service = data.service(customer, EXPIRY);
        ProcessInstance renewal = startRenewalAt(service, at(EXPIRY.minusDays(2), "06:00"));
        fire(renewal, EVENT_REMINDER_DUE);
        execute(job(TASK_SEND_REMINDER, renewal));
        fire(renewal, EVENT_EXPIRY_PASSED);
        ClockUtil.setCurrentTime(at(EXPIRY.plusDays(2), "14:00"));

        cancellations.cancel(service, null);
        execute(job(TASK_SAY_GOODBYE, renewal));

        assertThat(data.stateOf(service)).isEqualTo("CANCELLED");
        assertThat(renewal).variables().containsEntry(STILL_PAID_UP, false);
        assertThat(jobsAt(renewal, EVENT_GRACE_REMINDER_DUE)).isEmpty();
        complete(task(TASK_DECOMMISSION_SERVICE, renewal));
        assertThat(renewal).isEnded();
        assertThat(data.templatesSentTo(customer)).containsExactly(TEMPLATE_REMINDER, TEMPLATE_GOODBYE);
    }

    @Test
    void shouldTakeAPaymentAfterTheCustomerCancelledAndChangedTheirMind() {
        var customer = data.customer(CustomerKind.ENTERPRISE, ServiceProfile.DEPENDENT, "en", "sales");
        long service = data.service(customer, EXPIRY);
        ProcessInstance renewal = startRenewalAt(service, at(EXPIRY.minusDays(30), "06:00"));
        cancellations.cancel(service, "Budget cut");
        execute(job(TASK_SAY_GOODBYE, renewal));
        assertThat(taskCount(renewal)).as("the call is off").isZero();

        payments.record(service, PAID_UNTIL.toString(), null, "sales");
        execute(job(TASK_CONFIRM_PAYMENT, renewal));

        assertThat(renewal).isEnded().hasPassed(EVENT_PAID_AFTER_ALL, EVENT_RENEWAL_PAID);
        assertThat(data.stateOf(service)).isEqualTo("ACTIVE");
        assertThat(data.expiryOf(service)).isEqualTo(PAID_UNTIL);
        assertThat(state(renewal.getBusinessKey())).isEqualTo(Renewal.State.PAID);
        assertThat(data.templatesSentTo(customer)).containsExactly(TEMPLATE_GOODBYE, TEMPLATE_PAID);
    }

    @Test
    void shouldRecordACancellationBeforeAnyReminderSoThatNoneIsSent() {
        var customer = data.customer(CustomerKind.INDIVIDUAL, ServiceProfile.SELF_RELIANT, "en", null);
        long service = data.service(customer, EXPIRY);
        ClockUtil.setCurrentTime(at(EXPIRY.minusDays(60), "10:00"));

        String key = cancellations.cancel(service, "Closing the business");

        ProcessInstance renewal = instance(key);
        execute(job(TASK_SAY_GOODBYE, renewal));
        assertThat(renewal).hasPassed(EVENT_CANCELLED).isWaitingAt(GATEWAY_EXPIRY_OR_PAYMENT);
        assertThat(data.renewalsOf(service)).singleElement()
                .satisfies(row -> assertThat(row.startedBy()).isEqualTo(Renewal.StartedBy.CANCELLATION));
        assertThat(starter.start(new Renewals.DueService(service, EXPIRY)))
                .as("the scan 30 days before expiry starts no reminders").isEqualTo(RenewalStarter.Outcome.ALREADY_RUNNING);
        assertThatThrownBy(() -> cancellations.cancel(service, null)).isInstanceOf(RenewalRejected.class)
                .hasMessageContaining("CANCELLED");
    }

    @Test
    void shouldKeepConstantsInStepWithTheModel() {
        BpmnModelInstance model = deployedModel(repositoryService, PROCESS_ID);
        List<String> elementIds = elementIdConstants(ServiceRenewalProcess.class);
        assertThat(elementIds).hasSizeGreaterThan(40);
        assertEachNamesAFlowNode(model, elementIds);
        assertThat(model.getModelElementsByType(Message.class)).extracting(Message::getName)
                .containsExactlyInAnyOrder(MESSAGE_RENEWAL_PAID, MESSAGE_RENEWAL_CANCELLED);
        assertThat(model.getModelElementsByType(UserTask.class)).extracting(UserTask::getCamundaFormRef)
                .containsExactlyInAnyOrder(FORM_CALL, FORM_SUSPEND, FORM_REACTIVATE, FORM_RECLAIM, FORM_DECOMMISSION);
    }

    // helpers

    /** Moves the clock to a stage of an unpaid renewal started two days before expiry; true when suspended there. */
    private boolean advanceTo(Stage stage, ProcessInstance renewal) {
        if (stage == Stage.BEFORE_EXPIRY) {
            return false;
        }
        fire(renewal, EVENT_REMINDER_DUE);
        execute(job(TASK_SEND_REMINDER, renewal));
        fire(renewal, EVENT_EXPIRY_PASSED);
        fire(renewal, EVENT_GRACE_REMINDER_DUE);
        execute(job(TASK_SEND_GRACE_REMINDER, renewal));
        if (stage == Stage.IN_GRACE_PERIOD) {
            return false;
        }
        while (!jobsAt(renewal, EVENT_GRACE_REMINDER_DUE).isEmpty()) {
            fire(renewal, EVENT_GRACE_REMINDER_DUE);
            execute(job(TASK_SEND_GRACE_REMINDER, renewal));
        }
        fire(renewal, EVENT_GRACE_PERIOD_OVER);
        if (stage == Stage.SUSPENDED) {
            return true;
        }
        complete(task(TASK_SUSPEND_SERVICE, renewal));
        execute(job(TASK_TELL_CUSTOMER_SUSPENDED, renewal));
        fire(renewal, EVENT_FINAL_NOTICE_DUE);
        execute(job(TASK_SEND_FINAL_NOTICE, renewal));
        return true;
    }

    /** Starts the renewal as the scan does, with the clock at {@code now}. */
    private ProcessInstance startRenewalAt(long service, Date now) {
        ClockUtil.setCurrentTime(now);
        LocalDate expiry = data.expiryOf(service);
        assertThat(starter.start(new Renewals.DueService(service, expiry))).isEqualTo(RenewalStarter.Outcome.STARTED);
        ProcessInstance renewal = instance(Renewal.businessKey(service, expiry));
        assertThat(renewal).hasProcessDefinitionKey(PROCESS_ID);
        return renewal;
    }

    private ProcessInstance instance(String businessKey) {
        return runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(businessKey)
                .processDefinitionKey(PROCESS_ID).singleResult();
    }

    /** Moves the clock to the timer's due date and fires it. */
    private void fire(ProcessInstance renewal, String timer) {
        Job job = jobsAt(renewal, timer).get(0);
        ClockUtil.setCurrentTime(job.getDuedate());
        managementService.executeJob(job.getId());
    }

    private Instant dueOf(ProcessInstance renewal, String timer) {
        List<Job> jobs = jobsAt(renewal, timer);
        assertThat(jobs).as("timer %s", timer).hasSize(1);
        return jobs.get(0).getDuedate().toInstant();
    }

    private List<Job> jobsAt(ProcessInstance renewal, String activityId) {
        return managementService.createJobQuery().processInstanceId(renewal.getId()).activityId(activityId).list();
    }

    private List<String> candidateGroups(Task task) {
        return processEngine.getTaskService().getIdentityLinksForTask(task.getId()).stream()
                .filter(link -> "candidate".equals(link.getType()) && link.getGroupId() != null)
                .map(link -> link.getGroupId()).toList();
    }

    private long taskCount(ProcessInstance renewal) {
        return processEngine.getTaskService().createTaskQuery().processInstanceId(renewal.getId()).count();
    }

    private Renewal.State state(String businessKey) {
        return new Renewals(jdbc).findByBusinessKey(businessKey).orElseThrow().state();
    }

    private static void assertRejected(org.assertj.core.api.ThrowableAssert.ThrowingCallable payment, String field,
            String message) {
        assertThatThrownBy(payment).isInstanceOf(RenewalRejected.class).hasMessageContaining(message)
                .satisfies(e -> assertThat(((RenewalRejected) e).field()).isEqualTo(field));
    }

    static String text(MimeMessage message) {
        return MailAssertions.plainText(message);
    }
}

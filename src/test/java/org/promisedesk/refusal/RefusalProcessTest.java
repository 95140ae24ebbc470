package org.promisedesk.refusal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.promisedesk.mail.SendCustomerMessage.LAST_CUSTOMER_MESSAGE;
import static org.promisedesk.platform.ProcessTestSupport.assertEachNamesAFlowNode;
import static org.promisedesk.platform.ProcessTestSupport.assertEveryFlowNodeHasItsConstant;
import static org.promisedesk.platform.ProcessTestSupport.assertThatRejected;
import static org.promisedesk.platform.ProcessTestSupport.deployedModel;
import static org.promisedesk.platform.ProcessTestSupport.elementIdConstants;
import static org.promisedesk.platform.ProcessTestSupport.subject;
import static org.promisedesk.platform.ProcessTestSupport.textOf;
import static org.promisedesk.refusal.RefusalProcess.ALTERNATIVE;
import static org.promisedesk.refusal.RefusalProcess.ANSWER_ACCEPTED;
import static org.promisedesk.refusal.RefusalProcess.ANSWER_ACCEPT_ALTERNATIVE;
import static org.promisedesk.refusal.RefusalProcess.ANSWER_APPEAL;
import static org.promisedesk.refusal.RefusalProcess.ANSWER_BY;
import static org.promisedesk.refusal.RefusalProcess.ANSWER_NOTE;
import static org.promisedesk.refusal.RefusalProcess.ANSWER_OTHER;
import static org.promisedesk.refusal.RefusalProcess.APPEAL_ANSWER;
import static org.promisedesk.refusal.RefusalProcess.APPEAL_DECISION;
import static org.promisedesk.refusal.RefusalProcess.APPEAL_OVERTURN;
import static org.promisedesk.refusal.RefusalProcess.APPEAL_UPHOLD;
import static org.promisedesk.refusal.RefusalProcess.CALLED_BY_PROCESS;
import static org.promisedesk.refusal.RefusalProcess.CALL_DO_WHAT_WAS_ASKED;
import static org.promisedesk.refusal.RefusalProcess.CALL_KEEP_ALTERNATIVE;
import static org.promisedesk.refusal.RefusalProcess.CUSTOMER_ANSWER;
import static org.promisedesk.refusal.RefusalProcess.CUSTOMER_ID;
import static org.promisedesk.refusal.RefusalProcess.CUSTOMER_NAME;
import static org.promisedesk.refusal.RefusalProcess.CUSTOMER_PROFILE;
import static org.promisedesk.refusal.RefusalProcess.DECISION_REVIEW;
import static org.promisedesk.refusal.RefusalProcess.EVENT_ACCEPTED_BY_SILENCE;
import static org.promisedesk.refusal.RefusalProcess.EVENT_ALTERNATIVE_DELIVERED;
import static org.promisedesk.refusal.RefusalProcess.EVENT_APPEAL_DECIDED;
import static org.promisedesk.refusal.RefusalProcess.EVENT_CUSTOMER_REPLIED;
import static org.promisedesk.refusal.RefusalProcess.EVENT_NO_ANSWER_IN_TIME;
import static org.promisedesk.refusal.RefusalProcess.EVENT_REFUSAL_ACCEPTED;
import static org.promisedesk.refusal.RefusalProcess.EXPLANATION;
import static org.promisedesk.refusal.RefusalProcess.FOLLOW_UP_DUE_DATE;
import static org.promisedesk.refusal.RefusalProcess.FOLLOW_UP_OUTCOME;
import static org.promisedesk.refusal.RefusalProcess.FORM_ANSWER;
import static org.promisedesk.refusal.RefusalProcess.FORM_APPEAL;
import static org.promisedesk.refusal.RefusalProcess.FORM_DRAFT;
import static org.promisedesk.refusal.RefusalProcess.FORM_REVIEW;
import static org.promisedesk.refusal.RefusalProcess.FORM_START;
import static org.promisedesk.refusal.RefusalProcess.MESSAGE_CUSTOMER_REPLIED;
import static org.promisedesk.refusal.RefusalProcess.OUTCOME_ACCEPTED;
import static org.promisedesk.refusal.RefusalProcess.OUTCOME_ACCEPTED_BY_SILENCE;
import static org.promisedesk.refusal.RefusalProcess.OUTCOME_ALTERNATIVE_ACCEPTED;
import static org.promisedesk.refusal.RefusalProcess.OUTCOME_OVERTURNED;
import static org.promisedesk.refusal.RefusalProcess.OUTCOME_UPHELD;
import static org.promisedesk.refusal.RefusalProcess.PROCESS_ID;
import static org.promisedesk.refusal.RefusalProcess.REASON_CATEGORY;
import static org.promisedesk.refusal.RefusalProcess.REASON_COST_OUT_OF_PROPORTION;
import static org.promisedesk.refusal.RefusalProcess.REASON_NOT_POSSIBLE;
import static org.promisedesk.refusal.RefusalProcess.REASON_NO_CAPACITY_NOW;
import static org.promisedesk.refusal.RefusalProcess.REASON_OUT_OF_SCOPE;
import static org.promisedesk.refusal.RefusalProcess.REASON_POLICY_LEGAL;
import static org.promisedesk.refusal.RefusalProcess.REASON_TECHNICALLY_UNSAFE;
import static org.promisedesk.refusal.RefusalProcess.REFERRAL;
import static org.promisedesk.refusal.RefusalProcess.REFUSAL_OUTCOME;
import static org.promisedesk.refusal.RefusalProcess.REFUSED_BY;
import static org.promisedesk.refusal.RefusalProcess.REPLY_FROM;
import static org.promisedesk.refusal.RefusalProcess.REPLY_FROM_CUSTOMER;
import static org.promisedesk.refusal.RefusalProcess.REPLY_MESSAGE_ID;
import static org.promisedesk.refusal.RefusalProcess.REPLY_TEXT;
import static org.promisedesk.refusal.RefusalProcess.REQUEST_KEY;
import static org.promisedesk.refusal.RefusalProcess.REQUEST_SUMMARY;
import static org.promisedesk.refusal.RefusalProcess.REVIEW_APPROVE;
import static org.promisedesk.refusal.RefusalProcess.REVIEW_COMMENTS;
import static org.promisedesk.refusal.RefusalProcess.REVIEW_DECISION;
import static org.promisedesk.refusal.RefusalProcess.REVIEW_NEEDED;
import static org.promisedesk.refusal.RefusalProcess.REVIEW_SEND_BACK;
import static org.promisedesk.refusal.RefusalProcess.TASK_CLOSE_BY_SILENCE;
import static org.promisedesk.refusal.RefusalProcess.TASK_CONFIRM_ALTERNATIVE;
import static org.promisedesk.refusal.RefusalProcess.TASK_DECIDE_APPEAL;
import static org.promisedesk.refusal.RefusalProcess.TASK_DECIDE_REVIEW;
import static org.promisedesk.refusal.RefusalProcess.TASK_DRAFT_REFUSAL;
import static org.promisedesk.refusal.RefusalProcess.TASK_KEEP_WAITING;
import static org.promisedesk.refusal.RefusalProcess.TASK_READ_REPLY;
import static org.promisedesk.refusal.RefusalProcess.TASK_RECORD_ANSWER;
import static org.promisedesk.refusal.RefusalProcess.TASK_REVIEW_REFUSAL;
import static org.promisedesk.refusal.RefusalProcess.TASK_SEND_REFUSAL_LETTER;
import static org.promisedesk.refusal.RefusalProcess.TASK_TELL_APPEAL_DECISION;
import static org.promisedesk.refusal.RefusalProcess.TEMPLATE_ALTERNATIVE_ACCEPTED;
import static org.promisedesk.refusal.RefusalProcess.TEMPLATE_LETTER;
import static org.promisedesk.refusal.RefusalProcess.TEMPLATE_OVERTURNED;
import static org.promisedesk.refusal.RefusalProcess.TEMPLATE_UPHELD;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Message;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.promisedesk.mail.TestMailServer;
import org.promisedesk.mail.TestSupportMailbox;
import org.promisedesk.platform.EngineTest;
import org.promisedesk.platform.Groups;
import org.promisedesk.platform.ProcessTestSupport;
import org.promisedesk.promise.PromiseProcess;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import jakarta.mail.internet.MimeMessage;

@EngineTest
class RefusalProcessTest {

    /** Friday 09:00 in Shanghai. Every date in these tests is relative to it; the engine's clock is set to it. */
    private static final Instant NOW = Instant.parse("2026-11-20T01:00:00Z");
    private static final Date DEADLINE = Date.from(NOW.plus(Duration.ofDays(14)));
    private static final Date FOLLOW_UP_DUE = Date.from(NOW.plus(Duration.ofDays(5)));
    private static final AtomicInteger KEYS = new AtomicInteger();

    private static final String AGENT = "agent";
    private static final String LEAD = "lead";
    private static final long NORTHWIND = 1L;
    private static final String NORTHWIND_EMAIL = "it@northwind.example";
    private static final long YUNFAN = 2L;
    private static final String YUNFAN_EMAIL = "ops@yunfan.example.cn";

    private static final String SUMMARY = "Install Oracle Database 19c on our colocated server SH-R12-07";
    private static final String SUMMARY_ZH = "为我们的数据库服务器搭建一套异地灾备环境";
    private static final String EXPLANATION_TEXT = "Colocation covers power, rack space and network; installing and "
            + "licensing software on your own server is outside what we look after.";
    private static final String ALTERNATIVE_TEXT = "Move the database to one of our rental servers, where installing "
            + "listed software is included, at the same monthly price.";
    private static final String REFERRAL_TEXT = "Our sales team can quote the installation as paid work: sales@promisedesk.example";

    @Autowired private ProcessEngine processEngine;
    @Autowired private RuntimeService runtimeService;
    @Autowired private TaskService taskService;
    @Autowired private ManagementService managementService;
    @Autowired private HistoryService historyService;
    @Autowired private RepositoryService repositoryService;
    @Autowired private IdentityService identityService;
    @Autowired private TestMailServer mail;
    @Autowired private TestRestTemplate rest;

    private final List<String> started = new ArrayList<>();
    private String parentDeploymentId;

    @BeforeEach
    void setUp() {
        BpmnAwareTests.init(processEngine);
        ClockUtil.setCurrentTime(Date.from(NOW));
    }

    @AfterEach
    void tearDown() {
        ClockUtil.reset();
        identityService.clearAuthentication();
        started.forEach(id -> runtimeService.deleteProcessInstanceIfExists(id, "test over", true, true, true, false));
        if (parentDeploymentId != null) {
            repositoryService.deleteDeployment(parentDeploymentId, true, true);
        }
    }

    @Test
    void shouldSendLetterAndKeepTheAlternativeWhenCustomerTakesItByPhone() {
        String key = nextRequestKey();
        ProcessInstance refusal = startRefusal(input(key, NORTHWIND));

        assertThat(refusal).isStarted().hasBusinessKey(key).isWaitingAt(TASK_DRAFT_REFUSAL).variables()
                .containsEntry(REQUEST_KEY, key).containsEntry(CUSTOMER_NAME, "Northwind Traders Ltd")
                .containsEntry(CUSTOMER_PROFILE, "DEPENDENT").containsEntry(REFUSED_BY, AGENT)
                .containsEntry(CALLED_BY_PROCESS, false);
        assertThat(task(TASK_DRAFT_REFUSAL, refusal)).isAssignedTo(AGENT)
                .hasCandidateGroupAssociated(Groups.AGENTS).hasCandidateGroupAssociated(Groups.ARCHITECTS);

        draft(refusal, REASON_OUT_OF_SCOPE, "  " + EXPLANATION_TEXT + "  ", ALTERNATIVE_TEXT, REFERRAL_TEXT);
        assertThat(refusal).hasPassed(TASK_DECIDE_REVIEW).hasNotPassed(TASK_REVIEW_REFUSAL)
                .isWaitingAt(TASK_SEND_REFUSAL_LETTER).variables()
                .containsEntry(REVIEW_NEEDED, false).containsEntry(EXPLANATION, EXPLANATION_TEXT);
        execute(job(TASK_SEND_REFUSAL_LETTER, refusal));

        assertThat(refusal).isWaitingAt(TASK_RECORD_ANSWER).variables().containsEntry(ANSWER_BY, DEADLINE);
        assertThat(task(TASK_RECORD_ANSWER, refusal)).hasCandidateGroup(Groups.AGENTS).hasDueDate(DEADLINE);
        assertThat(job(EVENT_NO_ANSWER_IN_TIME, refusal).getDuedate()).isEqualTo(DEADLINE);
        String letter = onlyLetter(NORTHWIND_EMAIL, key, "Our decision on your request: Install Oracle");
        assertThat(letter).contains("Dear Northwind Traders Ltd", SUMMARY, "decided not to do it",
                "This is not part of the service your contract covers.", EXPLANATION_TEXT, ALTERNATIVE_TEXT,
                REFERRAL_TEXT, "the word \"appeal\"", "Friday 4 December 2026, 09:00 China Standard Time",
                "we will take it that you accept this decision", key);

        asUser(AGENT, Groups.AGENTS, () -> taskService.complete(task(TASK_RECORD_ANSWER, refusal).getId(), Map.of(
                CUSTOMER_ANSWER, ANSWER_ACCEPT_ALTERNATIVE, ANSWER_NOTE, "Called: the rental server suits them.")));
        assertThat(refusal).isWaitingAt(TASK_CONFIRM_ALTERNATIVE).variables()
                .containsEntry(REFUSAL_OUTCOME, OUTCOME_ALTERNATIVE_ACCEPTED)
                .containsEntry(FOLLOW_UP_DUE_DATE, FOLLOW_UP_DUE);
        execute(job(TASK_CONFIRM_ALTERNATIVE, refusal));

        assertThat(letters(NORTHWIND_EMAIL, key)).hasSize(2);
        assertThat(textOf(letters(NORTHWIND_EMAIL, key).get(1))).contains(ALTERNATIVE_TEXT,
                "Wednesday 25 November 2026, 09:00 China Standard Time");
        assertThat(refusal).isWaitingAt(CALL_KEEP_ALTERNATIVE);
        ProcessInstance promise = calledPromise(refusal);
        assertThat(promise).hasBusinessKey(key).variables().containsEntry(PromiseProcess.PROMISE_TEXT, ALTERNATIVE_TEXT)
                .containsEntry(PromiseProcess.OWNER, AGENT).containsEntry(PromiseProcess.DUE_DATE, FOLLOW_UP_DUE)
                .containsEntry(PromiseProcess.CUSTOMER_ID, NORTHWIND);
        asUser(AGENT, Groups.AGENTS, () -> taskService.complete(task(PromiseProcess.TASK_KEEP_PROMISE, promise).getId(),
                Map.of(PromiseProcess.OUTCOME, PromiseProcess.OUTCOME_KEPT,
                        PromiseProcess.RESULT_TEXT, "The database runs on rental server SH-R14-02.")));
        execute(job(PromiseProcess.TASK_TELL_CUSTOMER_OUTCOME, promise));

        assertThat(refusal).isEnded().hasPassed(EVENT_ALTERNATIVE_DELIVERED).variables()
                .containsEntry(REFUSAL_OUTCOME, OUTCOME_ALTERNATIVE_ACCEPTED)
                .containsEntry(FOLLOW_UP_OUTCOME, PromiseProcess.OUTCOME_KEPT);
        assertThat(customerMessages(refusal)).containsExactly(TEMPLATE_LETTER, TEMPLATE_ALTERNATIVE_ACCEPTED);
        HistoricDecisionInstance decision = historyService.createHistoricDecisionInstanceQuery()
                .processInstanceId(refusal.getId()).decisionDefinitionKey(DECISION_REVIEW)
                .includeInputs().includeOutputs().singleResult();
        assertThat(decision.getInputs()).extracting(input -> input.getValue())
                .containsExactlyInAnyOrder("DEPENDENT", REASON_OUT_OF_SCOPE);
        assertThat(decision.getOutputs()).extracting(output -> output.getValue()).containsExactly(false);
    }

    @Test
    void shouldTellCustomerTheFinalExplanationWhenLeadUpholdsAnAppealByEmail() {
        String key = nextRequestKey();
        ProcessInstance refusal = refusalWaitingForAnswer(key, NORTHWIND, REASON_TECHNICALLY_UNSAFE);

        customerReplies(key, "We appeal: our developer needs root access to tune the kernel.");
        assertThat(refusal).isWaitingAt(TASK_READ_REPLY).hasPassed(EVENT_CUSTOMER_REPLIED);
        assertThat(task(TASK_READ_REPLY, refusal)).hasCandidateGroup(Groups.AGENTS);
        assertThat(managementService.createJobQuery().processInstanceId(refusal.getId()).count()).isZero();
        answer(TASK_READ_REPLY, refusal, ANSWER_APPEAL, "Appeals: their developer needs root access.");

        assertThat(refusal).isWaitingAt(TASK_DECIDE_APPEAL);
        assertThat(task(TASK_DECIDE_APPEAL, refusal)).hasCandidateGroup(Groups.LEADS);
        decideAppeal(refusal, APPEAL_UPHOLD, "Root access on a shared host would expose every other customer "
                + "on it; we can tune the kernel parameters for you instead.");
        execute(job(TASK_TELL_APPEAL_DECISION, refusal));

        assertThat(refusal).isEnded().hasPassed(EVENT_APPEAL_DECIDED).hasNotPassed(CALL_DO_WHAT_WAS_ASKED)
                .variables().containsEntry(REFUSAL_OUTCOME, OUTCOME_UPHELD).containsEntry(APPEAL_DECISION, APPEAL_UPHOLD);
        assertThat(customerMessages(refusal)).containsExactly(TEMPLATE_LETTER, TEMPLATE_UPHELD);
        List<MimeMessage> letters = letters(NORTHWIND_EMAIL, key);
        assertThat(letters).hasSize(2);
        assertThat(subject(letters.get(1))).startsWith("[" + key + "] Your appeal: our final decision");
        assertThat(textOf(letters.get(1))).contains("our decision stands", "Root access on a shared host");
    }

    @Test
    void shouldStartNoAppealFromAnEMailWithAForgedFrom(@Autowired ApplicationContext context) throws Exception {
        String key = nextRequestKey();
        ProcessInstance refusal = refusalWaitingForAnswer(key, NORTHWIND, REASON_TECHNICALLY_UNSAFE);

        String disposition = TestSupportMailbox.replyArrives(context, "it@northwind.example.org",
                "Re: [" + key + "] Your request", "We appeal: give us root access now.");

        assertThat(disposition).isEqualTo("REPLY_NOTE_FOR_AGENT");
        assertThat(refusal).isWaitingAt(TASK_RECORD_ANSWER).hasNotPassed(EVENT_CUSTOMER_REPLIED, TASK_DECIDE_APPEAL);
        List<org.camunda.bpm.engine.task.Task> confirm = taskService.createTaskQuery()
                .taskName("Confirm with the customer: unverified e-mail about " + key).list();
        assertThat(confirm).hasSize(1);
        taskService.deleteTask(confirm.get(0).getId(), true);
    }

    @Test
    void shouldDoWhatWasAskedAfterAllWhenLeadOverturnsAnAppealByPhoneOnARefusalStartedByHand() {
        String key = nextRequestKey();
        ProcessInstance refusal = startRefusal(input(key, YUNFAN));
        draft(refusal, REASON_COST_OUT_OF_PROPORTION, "为一台服务器单独搭建异地灾备机房的费用，远超过它能为贵公司减少的停机损失。", null, null);
        review(refusal, REVIEW_APPROVE, null);
        execute(job(TASK_SEND_REFUSAL_LETTER, refusal));

        String letter = onlyLetter(YUNFAN_EMAIL, key, "关于您所提需求的处理决定");
        assertThat(letter).contains("尊敬的上海云帆电子商务有限公司", SUMMARY_ZH, "不予办理", "明显不相称", "申诉",
                "2026年12月4日（星期五）09:00（中国标准时间）").doesNotContain("替代方案");

        answer(TASK_RECORD_ANSWER, refusal, ANSWER_APPEAL, "客户来电申诉：双十一期间一次停机的损失就超过费用。");
        decideAppeal(refusal, APPEAL_OVERTURN, "您说得对：按双十一期间的停机损失计算，这项投入是值得的，我们将为您搭建。");
        assertThat(refusal).variables().containsEntry(REFUSAL_OUTCOME, OUTCOME_OVERTURNED)
                .containsEntry(FOLLOW_UP_DUE_DATE, FOLLOW_UP_DUE);
        execute(job(TASK_TELL_APPEAL_DECISION, refusal));

        assertThat(refusal).isWaitingAt(CALL_DO_WHAT_WAS_ASKED);
        assertThat(calledPromise(refusal)).variables().containsEntry(PromiseProcess.PROMISE_TEXT, SUMMARY_ZH)
                .containsEntry(PromiseProcess.OWNER, AGENT).containsEntry(PromiseProcess.DUE_DATE, FOLLOW_UP_DUE);
        List<MimeMessage> letters = letters(YUNFAN_EMAIL, key);
        assertThat(letters).hasSize(2);
        assertThat(subject(letters.get(1))).startsWith("[" + key + "] 关于您的申诉：我们将为您办理");
        assertThat(textOf(letters.get(1))).contains("撤销原决定", "2026年11月25日（星期三）09:00（中国标准时间）");
        assertThat(customerMessages(refusal)).containsExactly(TEMPLATE_LETTER, TEMPLATE_OVERTURNED);
    }

    @Test
    void shouldCloseAsAcceptedBySilenceWhenNoAnswerComesInFourteenDays() {
        String key = nextRequestKey();
        ProcessInstance refusal = refusalWaitingForAnswer(key, NORTHWIND, REASON_POLICY_LEGAL);
        assertThat(managementService.createJobQuery().processInstanceId(refusal.getId()).executable().count()).isZero();

        ClockUtil.setCurrentTime(Date.from(DEADLINE.toInstant().plusSeconds(60)));
        execute(job(EVENT_NO_ANSWER_IN_TIME, refusal));

        assertThat(refusal).isEnded().hasPassed(TASK_CLOSE_BY_SILENCE, EVENT_ACCEPTED_BY_SILENCE)
                .variables().containsEntry(REFUSAL_OUTCOME, OUTCOME_ACCEPTED_BY_SILENCE);
        assertThat(historyService.createHistoricTaskInstanceQuery().processInstanceId(refusal.getId())
                .taskDefinitionKey(TASK_RECORD_ANSWER).singleResult().getDeleteReason()).isNotEqualTo("completed");
        assertThat(customerMessages(refusal)).containsExactly(TEMPLATE_LETTER);
        assertThat(letters(NORTHWIND_EMAIL, key)).hasSize(1);
    }

    @Test
    void shouldCloseWithoutFurtherLetterWhenCustomerAcceptsTheDecision() {
        String key = nextRequestKey();
        ProcessInstance refusal = refusalWaitingForAnswer(key, NORTHWIND, REASON_NOT_POSSIBLE);

        customerReplies(key, "Understood, thank you for explaining.");
        answer(TASK_READ_REPLY, refusal, ANSWER_ACCEPTED, "Understood and accepted, no further questions.");

        assertThat(refusal).isEnded().hasPassed(EVENT_REFUSAL_ACCEPTED).variables()
                .containsEntry(REFUSAL_OUTCOME, OUTCOME_ACCEPTED)
                .containsEntry(REPLY_TEXT, "Understood, thank you for explaining.");
        assertThat(customerMessages(refusal)).containsExactly(TEMPLATE_LETTER);
    }

    @Test
    void shouldWaitAgainWithAFreshDeadlineAfterACustomersQuestion() {
        String key = nextRequestKey();
        ProcessInstance refusal = refusalWaitingForAnswer(key, NORTHWIND, REASON_OUT_OF_SCOPE);
        Instant tenDaysLater = NOW.plus(Duration.ofDays(10));
        ClockUtil.setCurrentTime(Date.from(tenDaysLater));

        customerReplies(key, "What exactly does colocation include?");
        answer(TASK_READ_REPLY, refusal, ANSWER_OTHER, "Asked what colocation includes; I explained it by e-mail.");

        Date newDeadline = Date.from(tenDaysLater.plus(Duration.ofDays(14)));
        assertThat(refusal).hasPassed(TASK_KEEP_WAITING).isWaitingAt(TASK_RECORD_ANSWER).variables()
                .containsEntry(ANSWER_BY, newDeadline).doesNotContainKeys(CUSTOMER_ANSWER, ANSWER_NOTE, REPLY_TEXT,
                        REFUSAL_OUTCOME);
        assertThat(job(EVENT_NO_ANSWER_IN_TIME, refusal).getDuedate()).isEqualTo(newDeadline);
        assertThat(task(TASK_RECORD_ANSWER, refusal)).hasDueDate(newDeadline);
        assertThat(historicValues(refusal, REPLY_TEXT)).contains("What exactly does colocation include?");
    }

    @Test
    void shouldHaveALeadApproveTheRefusalOfAVipCustomer() {
        String key = nextRequestKey();
        ProcessInstance refusal = startRefusal(input(key, YUNFAN));
        draft(refusal, REASON_OUT_OF_SCOPE, "主机托管服务只包含电力、机柜和网络，不包含在您的服务器上安装和维护软件。",
                "我们可以把数据库迁移到租用服务器上，那里包含安装所列软件，月费不变。", null);

        assertThat(refusal).isWaitingAt(TASK_REVIEW_REFUSAL).variables().containsEntry(REVIEW_NEEDED, true)
                .containsEntry(CUSTOMER_PROFILE, "VIP");
        assertThat(task(TASK_REVIEW_REFUSAL, refusal)).hasCandidateGroup(Groups.LEADS).isNotAssigned();
        assertThat(letters(YUNFAN_EMAIL, key)).isEmpty();
        review(refusal, REVIEW_APPROVE, null);
        execute(job(TASK_SEND_REFUSAL_LETTER, refusal));

        assertThat(refusal).isWaitingAt(TASK_RECORD_ANSWER).variables().containsEntry(REVIEW_DECISION, REVIEW_APPROVE);
        assertThat(onlyLetter(YUNFAN_EMAIL, key, "关于您所提需求的处理决定"))
                .contains("我们可以为您提供以下替代方案", "月费不变", "不在您的合同所约定的服务范围之内");
    }

    @Test
    void shouldShowTheLeadsCommentsInANewDraftWhenTheRefusalIsSentBack() {
        String key = nextRequestKey();
        ProcessInstance refusal = startRefusal(input(key, YUNFAN));
        draft(refusal, REASON_NOT_POSSIBLE, "This cannot be done on the plan you have with us at the moment.", null, null);

        assertThatRejected(() -> review(refusal, REVIEW_SEND_BACK, "  "), REVIEW_COMMENTS + " is required");
        review(refusal, REVIEW_SEND_BACK, "Offer the move to a rental server; they would accept that.");

        assertThat(refusal).isWaitingAt(TASK_DRAFT_REFUSAL).variables()
                .containsEntry(REVIEW_COMMENTS, "Offer the move to a rental server; they would accept that.")
                .containsEntry(REVIEW_DECISION, REVIEW_SEND_BACK);
        assertThat(task(TASK_DRAFT_REFUSAL, refusal)).isAssignedTo(AGENT);
        draft(refusal, REASON_NOT_POSSIBLE, "This cannot be done on the plan you have with us at the moment.",
                ALTERNATIVE_TEXT, null);

        assertThat(refusal).isWaitingAt(TASK_REVIEW_REFUSAL).variables()
                .doesNotContainKeys(REVIEW_DECISION, REVIEW_COMMENTS).containsEntry(ALTERNATIVE, ALTERNATIVE_TEXT);
        review(refusal, REVIEW_APPROVE, null);
        assertThat(refusal).isWaitingAt(TASK_SEND_REFUSAL_LETTER);
        assertThat(historyService.createHistoricTaskInstanceQuery().processInstanceId(refusal.getId())
                .taskDefinitionKey(TASK_DRAFT_REFUSAL).count()).isEqualTo(2);
        assertThat(historicValues(refusal, REVIEW_DECISION)).containsSubsequence(REVIEW_SEND_BACK, REVIEW_APPROVE);
    }

    @Test
    void shouldHaveALeadReviewNoCapacityNowForAnyCustomer() {
        ProcessInstance refusal = startRefusal(input(nextRequestKey(), NORTHWIND));

        draft(refusal, REASON_NO_CAPACITY_NOW, "Our engineers are fully booked with migrations until January.",
                null, null);

        assertThat(refusal).isWaitingAt(TASK_REVIEW_REFUSAL).variables().containsEntry(REVIEW_NEEDED, true)
                .containsEntry(CUSTOMER_PROFILE, "DEPENDENT");
    }

    @Test
    void shouldRejectADraftWithoutReasonOrExplanationAndKeepTheTaskOpen() {
        ProcessInstance refusal = startRefusal(input(nextRequestKey(), NORTHWIND));
        String taskId = task(TASK_DRAFT_REFUSAL, refusal).getId();

        assertThatRejected(() -> taskService.complete(taskId),
                REASON_CATEGORY + " is required", EXPLANATION + " is required");
        assertThatRejected(() -> taskService.complete(taskId, Map.of(REASON_CATEGORY, REASON_OUT_OF_SCOPE,
                EXPLANATION, "                                        ")), EXPLANATION + " is required");
        assertThatRejected(() -> taskService.complete(taskId, Map.of(REASON_CATEGORY, "because", EXPLANATION,
                "No.")), REASON_CATEGORY + " is required", "at least 30 characters");
        assertThatRejected(() -> taskService.complete(taskId, Map.of(REASON_CATEGORY, REASON_OUT_OF_SCOPE,
                EXPLANATION, EXPLANATION_TEXT, ALTERNATIVE, "Ask sales")), ALTERNATIVE + ", when given");

        assertThat(task(TASK_DRAFT_REFUSAL, refusal).getId()).isEqualTo(taskId);
        assertThat(refusal).isWaitingAt(TASK_DRAFT_REFUSAL).variables()
                .doesNotContainKeys(REASON_CATEGORY, EXPLANATION, ALTERNATIVE);
    }

    @Test
    void shouldAnswer400OnTheRestApiWhenADraftComesWithoutExplanation() {
        ProcessInstance refusal = startRefusal(input(nextRequestKey(), NORTHWIND));
        String taskId = task(TASK_DRAFT_REFUSAL, refusal).getId();

        ResponseEntity<String> empty = postAsAgent("/engine-rest/task/" + taskId + "/complete", "{\"variables\":{}}");
        ResponseEntity<String> blank = postAsAgent("/engine-rest/task/" + taskId + "/submit-form",
                "{\"variables\":{\"reasonCategory\":{\"value\":\"out-of-scope\"},\"explanation\":{\"value\":\"   \"}}}");

        assertThat(empty.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(empty.getBody()).contains(REASON_CATEGORY, EXPLANATION);
        assertThat(blank.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(blank.getBody()).contains(EXPLANATION + " is required");
        assertThat(taskService.createTaskQuery().taskId(taskId).count()).isEqualTo(1);
        assertThat(refusal).isWaitingAt(TASK_DRAFT_REFUSAL).variables().doesNotContainKeys(REASON_CATEGORY, EXPLANATION);

        ResponseEntity<String> complete = postAsAgent("/engine-rest/task/" + taskId + "/complete",
                "{\"variables\":{\"reasonCategory\":{\"value\":\"out-of-scope\"},\"explanation\":{\"value\":\""
                        + EXPLANATION_TEXT + "\"}}}");
        assertThat(complete.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(refusal).isWaitingAt(TASK_SEND_REFUSAL_LETTER);
    }

    @Test
    void shouldRejectAnswersAndAppealDecisionsThatSayNothing() {
        ProcessInstance refusal = refusalWaitingForAnswer(nextRequestKey(), NORTHWIND, REASON_OUT_OF_SCOPE);
        String answerTaskId = task(TASK_RECORD_ANSWER, refusal).getId();

        assertThatRejected(() -> taskService.complete(answerTaskId), CUSTOMER_ANSWER + " is required",
                ANSWER_NOTE + " is required");
        assertThatRejected(() -> taskService.complete(answerTaskId, Map.of(CUSTOMER_ANSWER, ANSWER_ACCEPT_ALTERNATIVE,
                ANSWER_NOTE, "They want the alternative.")), "offered no alternative");
        answer(TASK_RECORD_ANSWER, refusal, ANSWER_APPEAL, "Appeals, says the contract covers it.");
        String appealTaskId = task(TASK_DECIDE_APPEAL, refusal).getId();
        assertThatRejected(() -> taskService.complete(appealTaskId, Map.of(APPEAL_DECISION, APPEAL_UPHOLD,
                APPEAL_ANSWER, "No.")), APPEAL_ANSWER + " is required");
        assertThatRejected(() -> taskService.complete(appealTaskId, Map.of(APPEAL_DECISION, "maybe",
                APPEAL_ANSWER, EXPLANATION_TEXT)), APPEAL_DECISION + " is required");

        assertThat(refusal).isWaitingAt(TASK_DECIDE_APPEAL).variables().doesNotContainKeys(REFUSAL_OUTCOME);
    }

    static Stream<Arguments> badInputs() {
        return Stream.of(
                Arguments.of(REQUEST_KEY, null, "requestKey is required"),
                Arguments.of(REQUEST_KEY, "REQ-26-1", "requestKey 'REQ-26-1' is not a request key"),
                Arguments.of(CUSTOMER_ID, 999_999L, "customerId 999999 is not a known customer"),
                Arguments.of(CUSTOMER_ID, null, "customerId is required"),
                Arguments.of(REQUEST_SUMMARY, "   Oracle ", "requestSummary is required: at least 10 characters"),
                Arguments.of(REFUSED_BY, "nobody", "refusedBy 'nobody' is not a user"),
                Arguments.of(ALTERNATIVE, "VM", "alternative, when given, needs at least 10 characters"));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("badInputs")
    void shouldRejectAStartWithBadInputNamingTheField(String field, Object value, String message) {
        Map<String, Object> input = input(nextRequestKey(), NORTHWIND);
        input.put(field, value);

        assertThatThrownBy(() -> startRefusal(input)).isInstanceOf(BadUserRequestException.class)
                .hasMessageContaining(message);
        if (input.get(REQUEST_KEY) instanceof String key) {
            assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(key).count()).isZero();
        }
    }

    @Test
    void shouldLeaveTheDraftToTheTeamWhenNobodyIsNamedAndNobodyIsLoggedIn() {
        Map<String, Object> input = input(nextRequestKey(), NORTHWIND);
        input.remove(REFUSED_BY);
        input.put(REASON_CATEGORY, REASON_OUT_OF_SCOPE);
        input.put(REFUSAL_OUTCOME, OUTCOME_UPHELD);

        ProcessInstance refusal = runtimeService.startProcessInstanceByKey(PROCESS_ID, input);
        started.add(refusal.getId());

        assertThat(task(TASK_DRAFT_REFUSAL, refusal)).isNotAssigned().hasCandidateGroup(Groups.AGENTS);
        assertThat(refusal).variables().doesNotContainKeys(REASON_CATEGORY, REFUSAL_OUTCOME);
        asUser("agent2", Groups.AGENTS, () -> taskService.complete(task(TASK_DRAFT_REFUSAL, refusal).getId(),
                Map.of(REASON_CATEGORY, REASON_OUT_OF_SCOPE, EXPLANATION, EXPLANATION_TEXT)));
        assertThat(refusal).variables().containsEntry(REFUSED_BY, "agent2");
    }

    @Test
    void shouldReturnTheOutcomeToACallingProcessThatCarriesOnAfterAnOverturn() {
        BpmnModelInstance parent = Bpmn.createExecutableProcess("refusal-test-parent").camundaHistoryTimeToLive(1)
                .startEvent()
                .callActivity("CallActivity_Refuse").calledElement(PROCESS_ID)
                .camundaInBusinessKey("#{execution.processBusinessKey}")
                .camundaIn(CUSTOMER_ID, CUSTOMER_ID).camundaIn(REQUEST_SUMMARY, REQUEST_SUMMARY)
                .camundaIn(REFUSED_BY, REFUSED_BY).camundaIn(ALTERNATIVE, ALTERNATIVE)
                .camundaOut(REFUSAL_OUTCOME, REFUSAL_OUTCOME)
                .userTask("Task_AfterRefusal")
                .endEvent()
                .done();
        parentDeploymentId = repositoryService.createDeployment().addModelInstance("refusal-test-parent.bpmn", parent)
                .deploy().getId();
        String key = nextRequestKey();
        Map<String, Object> input = input(null, NORTHWIND);
        input.remove(REQUEST_KEY);
        input.put(REFUSED_BY, "architect");
        input.put(ALTERNATIVE, ALTERNATIVE_TEXT);

        ProcessInstance caller = runtimeService.startProcessInstanceByKey("refusal-test-parent", key, input);
        started.add(caller.getId());
        ProcessInstance refusal = runtimeService.createProcessInstanceQuery().superProcessInstanceId(caller.getId())
                .singleResult();

        assertThat(refusal).hasProcessDefinitionKey(PROCESS_ID).hasBusinessKey(key).variables()
                .containsEntry(REQUEST_KEY, key).containsEntry(CALLED_BY_PROCESS, true)
                .containsEntry(ALTERNATIVE, ALTERNATIVE_TEXT);
        assertThat(task(TASK_DRAFT_REFUSAL, refusal)).isAssignedTo("architect");
        asUser("architect", Groups.ARCHITECTS, () -> taskService.complete(task(TASK_DRAFT_REFUSAL, refusal).getId(),
                Map.of(REASON_CATEGORY, REASON_OUT_OF_SCOPE, EXPLANATION, EXPLANATION_TEXT)));
        execute(job(TASK_SEND_REFUSAL_LETTER, refusal));
        customerReplies(key, "Appeal: our contract says database support is included.");
        answer(TASK_READ_REPLY, refusal, ANSWER_APPEAL, "Appeals: database support is in their contract.");
        decideAppeal(refusal, APPEAL_OVERTURN, "You are right: your database support contract covers this "
                + "installation, and we will do it.");
        assertThat(refusal).variables().doesNotContainKey(FOLLOW_UP_DUE_DATE);
        execute(job(TASK_TELL_APPEAL_DECISION, refusal));

        assertThat(refusal).isEnded().hasPassed(EVENT_APPEAL_DECIDED).hasNotPassed(CALL_DO_WHAT_WAS_ASKED);
        assertThat(caller).isWaitingAt("Task_AfterRefusal").variables()
                .containsEntry(REFUSAL_OUTCOME, OUTCOME_OVERTURNED).doesNotContainKeys(EXPLANATION, APPEAL_ANSWER);
        List<MimeMessage> letters = letters(NORTHWIND_EMAIL, key);
        assertThat(letters).hasSize(2);
        assertThat(subject(letters.get(1))).startsWith("[" + key + "] Your appeal: we will do it after all");
        assertThat(textOf(letters.get(1))).contains("Your request now continues", "database support contract");
    }

    @Test
    void shouldKeepConstantsInStepWithTheModel() {
        BpmnModelInstance model = deployedModel(repositoryService, PROCESS_ID);
        List<String> elementIds = elementIdConstants(RefusalProcess.class);
        assertThat(elementIds).hasSizeGreaterThan(25);
        assertEachNamesAFlowNode(model, elementIds);
        assertEveryFlowNodeHasItsConstant(model, elementIds);
        assertThat(model.getModelElementsByType(Message.class)).extracting(Message::getName)
                .containsExactly(MESSAGE_CUSTOMER_REPLIED);
        assertThat(model.getModelElementsByType(UserTask.class)).extracting(UserTask::getCamundaFormRef)
                .containsOnly(FORM_DRAFT, FORM_REVIEW, FORM_ANSWER, FORM_APPEAL);
        assertThat(model.getModelElementsByType(StartEvent.class)).extracting(StartEvent::getCamundaFormRef)
                .containsExactly(FORM_START);
    }

    // helpers

    private static String nextRequestKey() {
        return "REQ-2026-04%04d".formatted(KEYS.incrementAndGet());
    }

    /** A valid start: refused by agent, what Northwind or Yunfan asked for. */
    private static Map<String, Object> input(String requestKey, long customerId) {
        Map<String, Object> input = new HashMap<>();
        input.put(CUSTOMER_ID, customerId);
        input.put(REQUEST_KEY, requestKey);
        input.put(REQUEST_SUMMARY, customerId == YUNFAN ? SUMMARY_ZH : SUMMARY);
        input.put(REFUSED_BY, AGENT);
        return input;
    }

    /** Started as an agent would, through Tasklist or REST. */
    private ProcessInstance startRefusal(Map<String, Object> input) {
        ProcessInstance refusal = asUser(AGENT, Groups.AGENTS,
                () -> runtimeService.startProcessInstanceByKey(PROCESS_ID, input));
        started.add(refusal.getId());
        return refusal;
    }

    /** Drafted without review (customer 1's profile), the letter sent: the refusal waits for the customer. */
    private ProcessInstance refusalWaitingForAnswer(String key, long customerId, String category) {
        ProcessInstance refusal = startRefusal(input(key, customerId));
        draft(refusal, category, EXPLANATION_TEXT, null, null);
        execute(job(TASK_SEND_REFUSAL_LETTER, refusal));
        assertThat(refusal).isWaitingAt(TASK_RECORD_ANSWER);
        return refusal;
    }

    private void draft(ProcessInstance refusal, String category, String explanation, String alternative,
            String referral) {
        Map<String, Object> form = new HashMap<>();
        form.put(REASON_CATEGORY, category);
        form.put(EXPLANATION, explanation);
        form.put(ALTERNATIVE, alternative == null ? "" : alternative);
        form.put(REFERRAL, referral == null ? "" : referral);
        asUser(AGENT, Groups.AGENTS, () -> taskService.complete(task(TASK_DRAFT_REFUSAL, refusal).getId(), form));
    }

    private void review(ProcessInstance refusal, String decision, String comments) {
        Map<String, Object> form = new HashMap<>();
        form.put(REVIEW_DECISION, decision);
        form.put(REVIEW_COMMENTS, comments == null ? "" : comments);
        asUser(LEAD, Groups.LEADS, () -> taskService.complete(task(TASK_REVIEW_REFUSAL, refusal).getId(), form));
    }

    private void answer(String taskKey, ProcessInstance refusal, String answer, String note) {
        asUser(AGENT, Groups.AGENTS, () -> taskService.complete(task(taskKey, refusal).getId(),
                Map.of(CUSTOMER_ANSWER, answer, ANSWER_NOTE, note)));
    }

    private void decideAppeal(ProcessInstance refusal, String decision, String answer) {
        asUser(LEAD, Groups.LEADS, () -> taskService.complete(task(TASK_DECIDE_APPEAL, refusal).getId(),
                Map.of(APPEAL_DECISION, decision, APPEAL_ANSWER, answer)));
    }

    /** What the inbound mail poller does with a reply carrying the request key. */
    private void customerReplies(String key, String text) {
        runtimeService.createMessageCorrelation(MESSAGE_CUSTOMER_REPLIED).processInstanceBusinessKey(key)
                .setVariable(REPLY_TEXT, text).setVariable(REPLY_FROM, "customer@example.example")
                .setVariable(REPLY_MESSAGE_ID, "<" + key + "@mail.example>").setVariable(REPLY_FROM_CUSTOMER, true)
                .correlateAllWithResult();
    }

    private ProcessInstance calledPromise(ProcessInstance refusal) {
        ProcessInstance promise = runtimeService.createProcessInstanceQuery().superProcessInstanceId(refusal.getId())
                .singleResult();
        assertThat(promise).hasProcessDefinitionKey(PromiseProcess.PROCESS_ID);
        return promise;
    }

    /** The templates of every message the customer was sent, oldest first, from the history. */
    private List<String> customerMessages(ProcessInstance refusal) {
        return historicValues(refusal, LAST_CUSTOMER_MESSAGE).stream()
                .map(summary -> summary.toString().replaceFirst("^template=([^;]+);.*$", "$1"))
                .toList();
    }

    private List<Object> historicValues(ProcessInstance refusal, String variable) {
        return historyService.createHistoricDetailQuery().processInstanceId(refusal.getId()).variableUpdates()
                .orderPartiallyByOccurrence().asc().list().stream()
                .map(HistoricVariableUpdate.class::cast)
                .filter(update -> update.getVariableName().equals(variable))
                .map(HistoricVariableUpdate::getValue)
                .toList();
    }

    /** The messages of this request that reached the customer's mailbox at GreenMail, oldest first. */
    private List<MimeMessage> letters(String address, String key) {
        return mail.messagesTo(address).stream().filter(message -> subject(message).startsWith("[" + key + "] "))
                .toList();
    }

    /** The plain text of the one letter of this request, after checking its subject. */
    private String onlyLetter(String address, String key, String subjectStart) {
        List<MimeMessage> letters = letters(address, key);
        assertThat(letters).hasSize(1);
        assertThat(subject(letters.get(0))).startsWith("[" + key + "] " + subjectStart);
        return textOf(letters.get(0));
    }

    private ResponseEntity<String> postAsAgent(String path, String json) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return rest.withBasicAuth(AGENT, AGENT).postForEntity(path, new HttpEntity<>(json, headers), String.class);
    }

    private <T> T asUser(String userId, String group, Supplier<T> action) {
        return ProcessTestSupport.asUser(identityService, userId, group, action);
    }

    private void asUser(String userId, String group, Runnable action) {
        ProcessTestSupport.asUser(identityService, userId, group, action);
    }
}

package org.promisedesk.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.promisedesk.intake.IntakeFixture.NORTHWIND;
import static org.promisedesk.intake.IntakeFixture.NORTHWIND_EMAIL;
import static org.promisedesk.intake.IntakeFixture.YUNFAN;
import static org.promisedesk.intake.IntakeFixture.YUNFAN_EMAIL;
import static org.promisedesk.intake.IntakeFixture.input;
import static org.promisedesk.intake.IntakeFixture.nextRequestKey;
import static org.promisedesk.intake.IntakeProcess.*;
import static org.promisedesk.platform.ProcessTestSupport.assertEveryFlowNodeHasItsConstant;
import static org.promisedesk.platform.ProcessTestSupport.assertThatRejected;
import static org.promisedesk.platform.ProcessTestSupport.deployedModel;
import static org.promisedesk.platform.ProcessTestSupport.elementIdConstants;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
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
import org.promisedesk.customer.Customers;
import org.promisedesk.mail.QueuedMail;
import org.promisedesk.mail.TestMailServer;
import org.promisedesk.mail.TestSupportMailbox;
import org.promisedesk.platform.EngineTest;
import org.promisedesk.platform.Groups;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

@EngineTest
class IntakeProcessTest {

    /** Thursday 19 November 2026, 10:00 in Shanghai; the engine's clock starts here. */
    private static final Instant NOW = Instant.parse("2026-11-19T02:00:00Z");
    private static final String SUBJECT_TEXT = "How do I enable HTTPS on my virtual host?";
    private static final String BODY_TEXT = "We would like our shop to use HTTPS. Which steps do we take in the panel?";
    private static final String ANSWER = "In the control panel open SSL, choose Let's Encrypt and confirm; it renews itself.";

    @Autowired private ProcessEngine processEngine;
    @Autowired private RuntimeService runtimeService;
    @Autowired private TaskService taskService;
    @Autowired private ManagementService managementService;
    @Autowired private HistoryService historyService;
    @Autowired private RepositoryService repositoryService;
    @Autowired private IdentityService identityService;
    @Autowired private TestMailServer mail;
    @Autowired private TestRestTemplate rest;
    @Autowired private Customers customers;

    private IntakeFixture fx;

    @BeforeEach
    void setUp() {
        BpmnAwareTests.init(processEngine);
        ClockUtil.setCurrentTime(Date.from(NOW));
        fx = new IntakeFixture(runtimeService, taskService, managementService, identityService, mail);
    }

    @AfterEach
    void tearDown() {
        fx.cleanUp();
    }

    @Test
    void shouldAcknowledgeAnswerAskAndCloseWhenTheCustomerSaysSolvedThenStoreTheSurvey() throws Exception {
        String key = nextRequestKey();
        ProcessInstance intake = fx.start(input(key, "IT@Northwind.example", SUBJECT_TEXT, BODY_TEXT));

        assertThat(intake).isStarted().hasBusinessKey(key).isWaitingAt(TASK_ACKNOWLEDGE).variables()
                .containsEntry(CUSTOMER_ID, NORTHWIND).containsEntry(CUSTOMER_PROFILE, "DEPENDENT")
                .containsEntry(PRIORITY, "P3").containsEntry(REQUESTED_PRIORITY, "P3")
                .containsEntry(REQUEST_STATE, STATE_CLASSIFYING).containsEntry(SLA_BREACHED, false)
                .containsEntry(FIRST_RESPONSE_DUE, date("2026-11-19T06:00:00Z"))
                .containsEntry(RESOLUTION_DUE, date("2026-11-26T02:00:00Z"));
        assertThat(fx.timer(intake, EVENT_FIRST_RESPONSE_DUE).getDuedate()).isEqualTo(date("2026-11-19T06:00:00Z"));
        execute(job(TASK_ACKNOWLEDGE, intake));
        assertThat(fx.lastLetter(NORTHWIND_EMAIL, key, "We have your request")).contains(key, SUBJECT_TEXT,
                "Thursday 19 November 2026, 14:00 China Standard Time");

        assertThat(intake).isWaitingAt(TASK_CLASSIFY_REQUEST).variables().containsEntry(PROPOSED_CLASS,
                CLASS_TECHNICAL_QUESTION).containsEntry(REQUEST_CLASS, null);
        assertThat(taskService.getVariable(task(TASK_CLASSIFY_REQUEST, intake).getId(), REQUEST_CLASS))
                .as("the form is pre-filled with the proposal").isEqualTo(CLASS_TECHNICAL_QUESTION);
        assertThat(task(TASK_CLASSIFY_REQUEST, intake)).hasCandidateGroup(Groups.AGENTS)
                .hasDueDate(date("2026-11-19T06:00:00Z"));
        String classifyId = task(TASK_CLASSIFY_REQUEST, intake).getId();
        assertThatRejected(() -> taskService.complete(classifyId, Map.of(REQUEST_CLASS, "gossip")),
                "requestClass 'gossip' is not");
        fx.classify(intake, CLASS_TECHNICAL_QUESTION);
        assertThat(intake).isWaitingAt(TASK_ANSWER_QUESTION).variables()
                .containsEntry(REQUEST_CLASS, CLASS_TECHNICAL_QUESTION).containsEntry(REQUEST_STATE, STATE_IN_PROGRESS)
                .containsEntry(FIRST_RESPONSE_AT, date(NOW.toString())).containsEntry(HANDLED_BY, "agent");

        fx.answer(TASK_ANSWER_QUESTION, intake, "agent", Groups.AGENTS, ANSWER);
        execute(job(TASK_SEND_ANSWER, intake));
        assertThat(fx.lastLetter(NORTHWIND_EMAIL, key, "Re: How do I enable HTTPS")).contains(ANSWER);
        execute(job(TASK_ASK_IF_SOLVED, intake));
        assertThat(intake).isWaitingAt(TASK_RECORD_CONFIRMATION).variables()
                .containsEntry(CONFIRM_BY, date("2026-11-24T02:00:00Z")).containsEntry(REQUEST_STATE, STATE_CONFIRMING)
                .containsEntry(SLA_PAUSED_SINCE, date(NOW.toString()));
        assertThat(fx.timer(intake, EVENT_RESOLUTION_DUE).isSuspended()).as("the clock stands still").isTrue();
        assertThat(fx.lastLetter(NORTHWIND_EMAIL, key, "Is it solved?")).contains(
                "Tuesday 24 November 2026, 10:00 China Standard Time", "not as solved");

        ClockUtil.setCurrentTime(date("2026-11-20T03:00:00Z"));
        fx.customerReplies(key, NORTHWIND_EMAIL, "Works now, thank you!");
        assertThat(intake).isWaitingAt(TASK_READ_CONFIRMATION).variables().containsEntry(REPLY_TEXT, "Works now, thank you!");
        fx.complete(TASK_READ_CONFIRMATION, intake, "agent", Groups.AGENTS, Map.of(CONFIRMATION, CONFIRM_SOLVED));

        assertThat(intake).hasPassed(EVENT_SOLVED, TASK_CLOSE_REQUEST).isWaitingAt(TASK_SEND_SURVEY).variables()
                .containsEntry(CLOSED_BY, CLOSED_BY_CUSTOMER).containsEntry(REQUEST_STATE, STATE_CLOSED)
                .containsEntry(CLOSED_AT, date("2026-11-20T03:00:00Z")).containsEntry(SLA_PAUSED_SINCE, null)
                .containsEntry(SLA_PAUSED_TOTAL, "PT10H").containsEntry(SLA_BREACHED, false);
        execute(job(TASK_SEND_SURVEY, intake));
        assertThat(fx.lastLetter(NORTHWIND_EMAIL, key, "One question about your request")).contains("from 1");
        assertThat(task(TASK_RECORD_SURVEY_ANSWER, intake)).hasDueDate(date("2026-11-27T03:00:00Z"));

        fx.customerReplies(key, NORTHWIND_EMAIL, "5 - quick and clear, thanks");
        assertThat(intake).isEnded().hasPassed(TASK_SAVE_SURVEY_REPLY, EVENT_SURVEY_ANSWERED);
        assertThat(report("2026-11-20", "2026-11-20").path("items").findValues("requestKey").stream()
                .map(JsonNode::asText)).contains(key);
        JsonNode item = itemOf(report("2026-11-20", "2026-11-20"), key);
        assertThat(item.path("score").asInt()).isEqualTo(5);
        assertThat(item.path("comment").asText()).isEqualTo("quick and clear, thanks");
        assertThat(item.path("channel").asText()).isEqualTo("email");
        assertThat(item.path("requestClass").asText()).isEqualTo(CLASS_TECHNICAL_QUESTION);
    }

    @Test
    void shouldNotCloseAsSolvedOnAnEMailWithAForgedFrom(@Autowired ApplicationContext context) throws Exception {
        String key = nextRequestKey();
        ProcessInstance intake = fx.startAcknowledged(input(key, NORTHWIND_EMAIL, SUBJECT_TEXT, BODY_TEXT));
        fx.classify(intake, CLASS_TECHNICAL_QUESTION);
        fx.answer(TASK_ANSWER_QUESTION, intake, "agent", Groups.AGENTS, ANSWER);
        execute(job(TASK_SEND_ANSWER, intake));
        execute(job(TASK_ASK_IF_SOLVED, intake));

        String disposition = TestSupportMailbox.replyArrives(context, "it@northwind-example.net",
                "Re: [" + key + "] Is it solved?", "Yes, solved, please close it.");

        assertThat(disposition).isEqualTo("REPLY_NOTE_FOR_AGENT");
        assertThat(intake).isWaitingAt(TASK_RECORD_CONFIRMATION).hasNotPassed(TASK_READ_CONFIRMATION, EVENT_SOLVED);
        List<org.camunda.bpm.engine.task.Task> confirm = taskService.createTaskQuery()
                .taskName("Confirm with the customer: unverified e-mail about " + key).list();
        assertThat(confirm).hasSize(1);
        taskService.deleteTask(confirm.get(0).getId(), true);
    }

    @Test
    void shouldAskAnAgentToRegisterAnUnknownContactBeforeAcknowledging() {
        String key = nextRequestKey();
        String address = "newcomer-" + key.toLowerCase() + "@example.org";
        ProcessInstance intake = fx.start(input(key, address, "Hosting for my photo blog", BODY_TEXT));

        assertThat(intake).isWaitingAt(TASK_IDENTIFY_CUSTOMER).variables().containsEntry(CUSTOMER_ID, null)
                .containsEntry(REQUEST_STATE, STATE_IDENTIFYING);
        assertThat(task(TASK_IDENTIFY_CUSTOMER, intake)).hasCandidateGroup(Groups.AGENTS);
        String taskId = task(TASK_IDENTIFY_CUSTOMER, intake).getId();
        assertThatRejected(() -> fx.asUser("agent", Groups.AGENTS, () -> taskService.complete(taskId,
                Map.of(IDENTIFICATION, IDENTIFY_REGISTER, PROSPECT_EMAIL, NORTHWIND_EMAIL))),
                "prospectName is required", "belongs to customer 1");
        fx.complete(TASK_IDENTIFY_CUSTOMER, intake, "agent", Groups.AGENTS, Map.of(IDENTIFICATION, IDENTIFY_REGISTER,
                PROSPECT_NAME, "Ming's Photo Blog", PROSPECT_EMAIL, address, PROSPECT_LANGUAGE, "en"));

        long customerId = (Long) runtimeService.getVariable(intake.getId(), CUSTOMER_ID);
        assertThat(customers.findById(customerId)).hasValueSatisfying(customer -> {
            assertThat(customer.name()).isEqualTo("Ming's Photo Blog");
            assertThat(customer.email()).isEqualTo(address);
        });
        assertThat(intake).hasPassed(TASK_REVISE_SERVICE_LEVEL).isWaitingAt(TASK_ACKNOWLEDGE).variables()
                .containsEntry(REQUEST_STATE, STATE_CLASSIFYING).containsEntry(FIRST_RESPONSE_AT, date(NOW.toString()));
        execute(job(TASK_ACKNOWLEDGE, intake));
        assertThat(fx.lastLetter(address, key, "We have your request")).contains("Dear Ming's Photo Blog", key);
    }

    @Test
    void shouldIdentifyAnExistingCustomerChosenByTheAgent() {
        String key = nextRequestKey();
        ProcessInstance intake = fx.start(input(key, "wx:someone-else", "网站打不开了", "我们的网站从早上开始打不开"));
        fx.complete(TASK_IDENTIFY_CUSTOMER, intake, "agent", Groups.AGENTS,
                Map.of(IDENTIFICATION, IDENTIFY_EXISTING, CUSTOMER_ID, 2.0));

        // Identifying is the first response; the resolution clock follows the VIP's targets now (P2: 9 working hours).
        assertThat(intake).isWaitingAt(TASK_ACKNOWLEDGE).variables().containsEntry(CUSTOMER_ID, YUNFAN)
                .containsEntry(CUSTOMER_PROFILE, "VIP").containsEntry(PRIORITY, "P2")
                .containsEntry(FIRST_RESPONSE_AT, date(NOW.toString()))
                .containsEntry(RESOLUTION_DUE, date("2026-11-20T02:00:00Z"));
        assertThat(fx.timer(intake, EVENT_RESOLUTION_DUE).getDuedate()).as("the timer moved with the due date")
                .isEqualTo(date("2026-11-20T02:00:00Z"));
        execute(job(TASK_ACKNOWLEDGE, intake));
        assertThat(fx.lastLetter(YUNFAN_EMAIL, key, "我们已收到您的请求")).contains(key, "网站打不开了");
        assertThat(intake).isWaitingAt(TASK_CLASSIFY_REQUEST).variables().containsEntry(PROPOSED_CLASS, CLASS_FAULT);
    }

    @Test
    void shouldRaiseThePriorityOfAVipCustomerFoundByPhoneAndUseTheirTargets() {
        String key = nextRequestKey();
        Map<String, Object> input = input(key, "+86 21 5010 0002", "订单系统很慢", "下单页面要等十几秒");
        input.put(CHANNEL, "phone");
        ProcessInstance intake = fx.start(input);

        assertThat(intake).variables().containsEntry(CUSTOMER_ID, YUNFAN).containsEntry(REQUESTED_PRIORITY, "P3")
                .containsEntry(PRIORITY, "P2").containsEntry(FIRST_RESPONSE_DUE, date("2026-11-19T03:00:00Z"))
                .containsEntry(RESOLUTION_DUE, date("2026-11-20T02:00:00Z"));
        assertThat(fx.timer(intake, EVENT_RESOLUTION_DUE).getDuedate()).isEqualTo(date("2026-11-20T02:00:00Z"));
    }

    @Test
    void shouldFlagTheRequestAndAlertLeadsWhenNobodyRespondsInTime() {
        String key = nextRequestKey();
        ProcessInstance intake = fx.startAcknowledged(input(key, NORTHWIND_EMAIL, SUBJECT_TEXT, BODY_TEXT));

        ClockUtil.setCurrentTime(date("2026-11-19T05:59:00Z"));
        assertThat(fx.fireDueTimers(intake)).isZero();
        ClockUtil.setCurrentTime(date("2026-11-19T06:00:00Z"));
        assertThat(fx.fireDueTimers(intake)).isEqualTo(1);

        assertThat(intake).hasPassed(TASK_RECORD_FIRST_RESPONSE_BREACH).isWaitingAt(TASK_CLASSIFY_REQUEST, TASK_REVIEW_BREACH)
                .variables().containsEntry(SLA_BREACHED, true).containsEntry(SLA_BREACHES, "[\"first-response\"]");
        assertThat(task(TASK_REVIEW_BREACH, intake)).hasCandidateGroup(Groups.LEADS);
        fx.complete(TASK_REVIEW_BREACH, intake, "lead", Groups.LEADS, Map.of("breachAction", "Reassigned to agent2, called the customer."));
        assertThat(intake).hasPassed(EVENT_BREACH_REVIEWED).isWaitingAt(TASK_CLASSIFY_REQUEST);
    }

    @Test
    void shouldFlagNothingWhenSomeoneRespondedInTimeButFlagTheMissedResolution() {
        String key = nextRequestKey();
        ProcessInstance intake = fx.startAcknowledged(input(key, NORTHWIND_EMAIL, SUBJECT_TEXT, BODY_TEXT));
        fx.classify(intake, CLASS_TECHNICAL_QUESTION);

        ClockUtil.setCurrentTime(date("2026-11-19T06:00:00Z"));
        assertThat(fx.fireDueTimers(intake)).isEqualTo(1);
        assertThat(intake).hasPassed(EVENT_FIRST_RESPONSE_KEPT).hasNotPassed(TASK_RECORD_FIRST_RESPONSE_BREACH)
                .variables().containsEntry(SLA_BREACHED, false);

        ClockUtil.setCurrentTime(date("2026-11-26T02:00:00Z"));
        assertThat(fx.fireDueTimers(intake)).isEqualTo(1);
        assertThat(intake).hasPassed(TASK_RECORD_RESOLUTION_BREACH).isWaitingAt(TASK_ANSWER_QUESTION, TASK_REVIEW_BREACH)
                .variables().containsEntry(SLA_BREACHED, true).containsEntry(SLA_BREACHES, "[\"resolution\"]");
    }

    @Test
    void shouldGiveAgentsTheNewRequestAtOnceWhileTheMailServerIsDownAndAcknowledgeItOnceWhenItIsBack(
            @Autowired QueuedMail queuedMail) throws java.io.IOException {
        String key = nextRequestKey();
        int deadPort;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            deadPort = socket.getLocalPort();
        }
        mail.divertSmtpTo(deadPort);
        try {
            ProcessInstance intake = fx.start(input(key, NORTHWIND_EMAIL, SUBJECT_TEXT, BODY_TEXT));
            execute(job(TASK_ACKNOWLEDGE, intake));

            assertThat(intake).isWaitingAt(TASK_CLASSIFY_REQUEST);
            assertThat(task(TASK_CLASSIFY_REQUEST, intake)).hasCandidateGroup(Groups.AGENTS);
            assertThat(queuedMail.unsentOf(key)).as("the acknowledgement waits in the outbox").isEqualTo(1);
            ClockUtil.setCurrentTime(Date.from(NOW.plusSeconds(3600)));
            queuedMail.deliverDue();
            assertThat(queuedMail.unsentOf(key)).as("still down an hour later").isEqualTo(1);

            mail.restore();
            ClockUtil.setCurrentTime(Date.from(NOW.plusSeconds(3 * 3600)));
            queuedMail.deliverDue();
        } finally {
            mail.restore();
        }
        assertThat(queuedMail.unsentOf(key)).isZero();
        assertThat(mail.messagesTo(NORTHWIND_EMAIL).stream().filter(m -> subjectOf(m).startsWith("[" + key + "] We have"))
                .count()).as("acknowledged once").isEqualTo(1);
    }

    private static String subjectOf(jakarta.mail.internet.MimeMessage message) {
        return org.promisedesk.platform.ProcessTestSupport.subject(message);
    }

    @Test
    void shouldStopTheClocksAcrossAWeekendAndAHolidayAndReopenWhenNotSolved() {
        // Thursday 24 September 2026, 10:00; Friday 25 is the Mid-Autumn Festival, then the weekend.
        ClockUtil.setCurrentTime(date("2026-09-24T02:00:00Z"));
        String key = nextRequestKey();
        ProcessInstance intake = fx.startAcknowledged(input(key, NORTHWIND_EMAIL, SUBJECT_TEXT, BODY_TEXT));
        // 45 working hours: Thu 8, Mon-Wed 27, the National Day week off, Thu 8 October 9, Friday 9 October 1.
        assertThat(intake).variables().containsEntry(RESOLUTION_DUE, date("2026-10-09T02:00:00Z"));
        fx.classify(intake, CLASS_TECHNICAL_QUESTION);

        ClockUtil.setCurrentTime(date("2026-09-24T08:00:00Z"));
        fx.answer(TASK_ANSWER_QUESTION, intake, "agent", Groups.AGENTS, ANSWER);
        execute(job(TASK_SEND_ANSWER, intake));
        execute(job(TASK_ASK_IF_SOLVED, intake));
        assertThat(intake).isWaitingAt(TASK_RECORD_CONFIRMATION).variables()
                .containsEntry(CONFIRM_BY, date("2026-09-30T08:00:00Z"));
        assertThat(fx.timer(intake, EVENT_RESOLUTION_DUE).isSuspended()).isTrue();

        // Monday 28 September, 11:00: the customer says it is not solved.
        ClockUtil.setCurrentTime(date("2026-09-28T03:00:00Z"));
        assertThat(fx.fireDueTimers(intake)).isZero();
        fx.customerReplies(key, NORTHWIND_EMAIL, "Still no padlock in the browser.");
        fx.complete(TASK_READ_CONFIRMATION, intake, "agent", Groups.AGENTS, Map.of(CONFIRMATION, CONFIRM_NOT_SOLVED,
                CONFIRMATION_NOTE, "The browser shows no padlock on the checkout page."));

        // Paused: Thursday 16:00-18:00 and Monday 09:00-11:00 = 4 working hours; the holiday and weekend count nothing.
        assertThat(intake).hasPassed(TASK_REOPEN_REQUEST).isWaitingAt(TASK_ANSWER_QUESTION).variables()
                .containsEntry(REOPEN_COUNT, 1).containsEntry(SLA_PAUSED_TOTAL, "PT4H").containsEntry(SLA_PAUSED_SINCE, null)
                .containsEntry(REQUEST_STATE, STATE_IN_PROGRESS).containsEntry(REQUEST_CLASS, CLASS_TECHNICAL_QUESTION)
                .containsEntry(RESOLUTION_DUE, date("2026-10-09T06:00:00Z"));
        assertThat(fx.timer(intake, EVENT_RESOLUTION_DUE).isSuspended()).isFalse();
        assertThat(fx.timer(intake, EVENT_RESOLUTION_DUE).getDuedate()).isEqualTo(date("2026-10-09T06:00:00Z"));
        assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(intake.getId())
                .activityId(TASK_ANSWER_QUESTION).count()).as("history kept: answered once, now again").isEqualTo(2);
        assertThat(runtimeService.getVariable(intake.getId(), ANSWER_TEXT)).as("the earlier answer stays").isEqualTo(ANSWER);
    }

    @Test
    void shouldCloseBySilenceAfterThreeBusinessDaysAndStillAskForFeedback() {
        String key = nextRequestKey();
        ProcessInstance intake = fx.startAcknowledged(input(key, NORTHWIND_EMAIL, SUBJECT_TEXT, BODY_TEXT));
        fx.classify(intake, CLASS_TECHNICAL_QUESTION);
        fx.answer(TASK_ANSWER_QUESTION, intake, "agent", Groups.AGENTS, ANSWER);
        execute(job(TASK_SEND_ANSWER, intake));
        execute(job(TASK_ASK_IF_SOLVED, intake));

        ClockUtil.setCurrentTime(date("2026-11-24T01:59:00Z"));
        assertThat(fx.fireDueTimers(intake)).isZero();
        ClockUtil.setCurrentTime(date("2026-11-24T02:00:00Z"));
        assertThat(fx.fireDueTimers(intake)).isEqualTo(1);
        assertThat(intake).hasPassed(TASK_CLOSE_SILENT_REQUEST).isWaitingAt(TASK_SEND_CLOSED_BY_SILENCE);
        execute(job(TASK_SEND_CLOSED_BY_SILENCE, intake));

        assertThat(fx.lastLetter(NORTHWIND_EMAIL, key, "Closed without your answer")).contains("unanswered");
        assertThat(intake).hasPassed(EVENT_CLOSED_BY_SILENCE, TASK_CLOSE_REQUEST).isWaitingAt(TASK_SEND_SURVEY).variables()
                .containsEntry(CLOSED_BY, CLOSED_BY_SILENCE).containsEntry(REQUEST_STATE, STATE_CLOSED_BY_SILENCE)
                .containsEntry(SLA_PAUSED_TOTAL, "PT27H").containsEntry(SLA_BREACHED, false);
    }

    @Test
    void shouldLetAnAgentRecordTheScoreOfAnUnreadableSurveyReply() throws Exception {
        String key = nextRequestKey();
        ProcessInstance intake = closedAndSurveyed(key);

        fx.customerReplies(key, NORTHWIND_EMAIL, "Very good service, the engineer was patient.");
        assertThat(intake).hasPassed(TASK_SAVE_SURVEY_REPLY).isWaitingAt(TASK_READ_SURVEY_REPLY).variables()
                .containsEntry(SURVEY_READABLE, false);
        String taskId = task(TASK_READ_SURVEY_REPLY, intake).getId();
        assertThatRejected(() -> taskService.complete(taskId, Map.of(SURVEY_SCORE, 6L)), "surveyScore '6' is not");
        fx.complete(TASK_READ_SURVEY_REPLY, intake, "agent", Groups.AGENTS, Map.of(SURVEY_SCORE, 5L,
                SURVEY_COMMENT, "The engineer was patient."));

        assertThat(intake).isEnded().hasPassed(EVENT_SURVEY_ANSWERED);
        JsonNode item = itemOf(report("2026-11-19", "2026-11-19"), key);
        assertThat(item.path("score").asInt()).isEqualTo(5);
        assertThat(item.path("channel").asText()).isEqualTo("agent");
    }

    @Test
    void shouldEndWithoutFeedbackWhenTheSurveyWindowPasses() {
        String key = nextRequestKey();
        ProcessInstance intake = closedAndSurveyed(key);
        // Five business days from Thursday 19 November, 10:00: Thursday 26 November, 10:00.
        ClockUtil.setCurrentTime(date("2026-11-26T02:00:00Z"));
        assertThat(fx.fireDueTimers(intake)).isEqualTo(1);
        assertThat(intake).isEnded().hasPassed(EVENT_NO_SURVEY_ANSWER);
    }

    @Test
    void shouldStartAPromiseAnAgentMakesInTheForm() {
        String key = nextRequestKey();
        ProcessInstance intake = fx.startAcknowledged(input(key, NORTHWIND_EMAIL, SUBJECT_TEXT, BODY_TEXT));
        String taskId = task(TASK_CLASSIFY_REQUEST, intake).getId();
        assertThatRejected(() -> fx.asUser("agent", Groups.AGENTS, () -> taskService.complete(taskId, Map.of(
                REQUEST_CLASS, CLASS_TECHNICAL_QUESTION, AGENT_PROMISE_TEXT, "Send the SSL guide with screenshots",
                AGENT_PROMISE_DUE, "2026-11-18T10:00:00+08:00"))), "agentPromiseDue must be in the future");

        fx.complete(TASK_CLASSIFY_REQUEST, intake, "agent", Groups.AGENTS, Map.of(REQUEST_CLASS, CLASS_TECHNICAL_QUESTION,
                AGENT_PROMISE_TEXT, "Send the SSL guide with screenshots", AGENT_PROMISE_DUE, "2026-11-20T17:00:00+08:00"));

        List<ProcessInstance> promises = runtimeService.createProcessInstanceQuery().processDefinitionKey("promise")
                .processInstanceBusinessKey(key).list();
        promises.forEach(p -> fx.started.add(p.getId()));
        assertThat(promises).hasSize(1);
        assertThat(promises.get(0)).isWaitingAt("Task_KeepPromise").variables()
                .containsEntry("promiseText", "Send the SSL guide with screenshots").containsEntry("owner", "agent")
                .containsEntry("customerId", NORTHWIND).containsEntry("dueDate", date("2026-11-20T09:00:00Z"));
        assertThat(intake).isWaitingAt(TASK_ANSWER_QUESTION).variables().containsEntry(AGENT_PROMISES, 1)
                .doesNotContainKeys(AGENT_PROMISE_TEXT, AGENT_PROMISE_DUE);
    }

    @Test
    void shouldTakeTheNextKeyWhenAnAgentLogsAContactInTasklist() {
        Map<String, Object> input = input(null, null, "Phone call: backup question", "Asked how long backups are kept.");
        input.remove(REQUEST_KEY);
        input.put(CHANNEL, "phone");
        input.put(CUSTOMER_ID, 1.0);
        input.put(PRIORITY, "");
        ProcessInstance intake = fx.start(input);

        assertThat(intake.getBusinessKey()).matches("REQ-2026-\\d{6}");
        assertThat(intake).isWaitingAt(TASK_ACKNOWLEDGE).variables().containsEntry(REQUEST_KEY, intake.getBusinessKey())
                .containsEntry(CUSTOMER_ID, NORTHWIND).containsEntry(PRIORITY, "P3").containsEntry(CHANNEL, "phone");
    }

    static Stream<Arguments> badInputs() {
        return Stream.of(
                Arguments.of(REQUEST_KEY, "REQ-26-1", "requestKey 'REQ-26-1' is not a request key"),
                Arguments.of(CHANNEL, null, "channel is required"),
                Arguments.of(CHANNEL, "fax", "channel 'fax' is not one of"),
                Arguments.of(CUSTOMER_ID, 999_999L, "customerId 999999 is not a known customer"),
                Arguments.of(SUBJECT, " ", "subject is required"),
                Arguments.of(BODY, null, "body is required"),
                Arguments.of(PRIORITY, "urgent", "priority 'urgent' is not one of P1, P2, P3"));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("badInputs")
    void shouldRejectAStartWithBadInputNamingTheField(String field, Object value, String message) {
        String key = nextRequestKey();
        Map<String, Object> input = input(key, NORTHWIND_EMAIL, SUBJECT_TEXT, BODY_TEXT);
        input.put(field, value);
        input.remove(REQUEST_KEY);
        if (field.equals(REQUEST_KEY)) {
            input.put(REQUEST_KEY, value);
        }

        assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey(PROCESS_ID, key, input))
                .isInstanceOf(BadUserRequestException.class).hasMessageContaining(message);
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(key).count()).isZero();
    }

    @Test
    void shouldReportSatisfactionOnlyToReadersAndRejectBadDates() {
        ResponseEntity<String> agent = rest.withBasicAuth("agent", "agent").getForEntity("/api/reports/satisfaction",
                String.class);
        assertThat(agent.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<String> bad = rest.withBasicAuth("lead", "lead")
                .getForEntity("/api/reports/satisfaction?from=yesterday", String.class);
        assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(bad.getBody()).contains("from");
        ResponseEntity<String> reversed = rest.withBasicAuth("auditor", "auditor")
                .getForEntity("/api/reports/satisfaction?from=2026-11-20&to=2026-11-01", String.class);
        assertThat(reversed.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        ResponseEntity<String> empty = rest.withBasicAuth("auditor", "auditor")
                .getForEntity("/api/reports/satisfaction?from=2020-01-01&to=2020-01-31", String.class);
        assertThat(empty.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(empty.getBody()).contains("\"answers\":0", "\"from\":\"2020-01-01\"");
    }

    @Test
    void shouldKeepConstantsInStepWithTheModel() {
        BpmnModelInstance model = deployedModel(repositoryService, PROCESS_ID);
        List<String> elementIds = elementIdConstants(IntakeProcess.class);
        assertEveryFlowNodeHasItsConstant(model, elementIds);
        assertThat(model.getModelElementsByType(Message.class)).extracting(Message::getName)
                .containsExactly(MESSAGE_CUSTOMER_REPLIED);
        assertThat(model.getModelElementsByType(UserTask.class)).extracting(UserTask::getCamundaFormRef)
                .containsOnly(FORM_IDENTIFY, FORM_CLASSIFY, FORM_ANSWER, FORM_CONFIRM, FORM_SURVEY, FORM_SLA_BREACH);
        assertThat(model.getModelElementsByType(StartEvent.class)).extracting(StartEvent::getCamundaFormRef)
                .containsOnly(FORM_START, null);
    }

    // helpers

    /** Answered, solved by the customer's word, closed; the survey went out at NOW and waits. */
    private ProcessInstance closedAndSurveyed(String key) {
        ProcessInstance intake = fx.startAcknowledged(input(key, NORTHWIND_EMAIL, SUBJECT_TEXT, BODY_TEXT));
        fx.classify(intake, CLASS_TECHNICAL_QUESTION);
        fx.answer(TASK_ANSWER_QUESTION, intake, "agent", Groups.AGENTS, ANSWER);
        execute(job(TASK_SEND_ANSWER, intake));
        execute(job(TASK_ASK_IF_SOLVED, intake));
        fx.complete(TASK_RECORD_CONFIRMATION, intake, "agent", Groups.AGENTS, Map.of(CONFIRMATION, CONFIRM_SOLVED));
        execute(job(TASK_SEND_SURVEY, intake));
        assertThat(intake).isWaitingAt(TASK_RECORD_SURVEY_ANSWER);
        return intake;
    }

    private JsonNode report(String from, String to) throws Exception {
        ResponseEntity<String> response = rest.withBasicAuth("lead", "lead")
                .getForEntity("/api/reports/satisfaction?from=" + from + "&to=" + to, String.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        return new ObjectMapper().readTree(response.getBody());
    }

    private static JsonNode itemOf(JsonNode report, String key) {
        for (JsonNode item : report.path("items")) {
            if (key.equals(item.path("requestKey").asText())) {
                return item;
            }
        }
        throw new AssertionError("no survey answer of " + key + " in " + report);
    }

    private static Date date(String instant) {
        return Date.from(Instant.parse(instant));
    }
}

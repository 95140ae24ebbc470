package org.promisedesk.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.promisedesk.intake.IntakeFixture.NORTHWIND;
import static org.promisedesk.intake.IntakeFixture.NORTHWIND_EMAIL;
import static org.promisedesk.intake.IntakeFixture.input;
import static org.promisedesk.intake.IntakeFixture.nextRequestKey;
import static org.promisedesk.intake.IntakeProcess.*;
import static org.promisedesk.platform.ProcessTestSupport.assertThatRejected;

import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.ProcessInstanceModificationBuilder;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.promisedesk.mail.TestMailServer;
import org.promisedesk.platform.EngineTest;
import org.promisedesk.platform.Groups;
import org.springframework.beans.factory.annotation.Autowired;

/** Each class of request goes where it belongs; the called processes are really called. */
@EngineTest
class IntakeRoutesTest {

    private static final Instant NOW = Instant.parse("2026-11-19T02:00:00Z");
    private static final String ANSWER = "Here is what we can offer you, with the details you asked for.";

    @Autowired private ProcessEngine processEngine;
    @Autowired private RuntimeService runtimeService;
    @Autowired private TaskService taskService;
    @Autowired private ManagementService managementService;
    @Autowired private RepositoryService repositoryService;
    @Autowired private IdentityService identityService;
    @Autowired private TestMailServer mail;

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

    static Stream<Arguments> answeredByATeam() {
        return Stream.of(
                Arguments.of(CLASS_PRICE_INQUIRY, TASK_QUOTE_PRICE, "sales", Groups.SALES),
                Arguments.of(CLASS_TECHNICAL_QUESTION, TASK_ANSWER_QUESTION, "agent", Groups.AGENTS),
                Arguments.of(CLASS_RENEWAL_BILLING, TASK_HANDLE_BILLING, "agent", Groups.AGENTS),
                Arguments.of(CLASS_COMPLAINT, TASK_HANDLE_COMPLAINT, "lead", Groups.LEADS),
                Arguments.of(CLASS_PEER_COOPERATION, TASK_HANDLE_PEER_COOPERATION, "lead", Groups.LEADS));
    }

    @ParameterizedTest(name = "{0} -> {1} ({3})")
    @MethodSource("answeredByATeam")
    void shouldRouteToTheTeamThatAnswersAndThenAskTheCustomer(String requestClass, String taskKey, String user,
            String group) {
        String key = nextRequestKey();
        ProcessInstance intake = classified(key, requestClass);

        assertThat(intake).isWaitingAt(taskKey);
        assertThat(task(taskKey, intake)).hasCandidateGroup(group);
        fx.answer(taskKey, intake, user, group, ANSWER);
        execute(job(TASK_SEND_ANSWER, intake));
        assertThat(fx.lastLetter(NORTHWIND_EMAIL, key, "Re: ")).contains(ANSWER);
        assertThat(intake).isWaitingAt(TASK_ASK_IF_SOLVED).variables().containsEntry(HANDLED_BY, user);
    }

    @Test
    void shouldLetAnAgentEscalateATechnicalQuestionToTech() {
        ProcessInstance intake = classified(nextRequestKey(), CLASS_TECHNICAL_QUESTION);
        String taskId = task(TASK_ANSWER_QUESTION, intake).getId();
        assertThatRejected(() -> taskService.complete(taskId, Map.of(WORK_OUTCOME, OUTCOME_ANSWERED)),
                "answerText is required");
        fx.complete(TASK_ANSWER_QUESTION, intake, "agent", Groups.AGENTS, Map.of(WORK_OUTCOME, OUTCOME_ESCALATE));

        assertThat(intake).isWaitingAt(TASK_ANSWER_TECHNICALLY);
        assertThat(task(TASK_ANSWER_TECHNICALLY, intake)).hasCandidateGroup(Groups.TECH);
        String techTaskId = task(TASK_ANSWER_TECHNICALLY, intake).getId();
        assertThatRejected(() -> taskService.complete(techTaskId, Map.of(WORK_OUTCOME, OUTCOME_ESCALATE)),
                "workOutcome 'escalate-to-tech' is not allowed here");
        fx.answer(TASK_ANSWER_TECHNICALLY, intake, "tech", Groups.TECH, ANSWER);
        assertThat(intake).isWaitingAt(TASK_SEND_ANSWER).variables().containsEntry(HANDLED_BY, "tech");
    }

    @Test
    void shouldReplyToChitChatAndCloseWithoutAskingOrSurveying() {
        String key = nextRequestKey();
        ProcessInstance intake = fx.startAcknowledged(input(key, NORTHWIND_EMAIL, "谢谢", "谢谢你们昨天的帮忙！"));
        assertThat(intake).variables().containsEntry(PROPOSED_CLASS, CLASS_CHIT_CHAT);
        fx.classify(intake, CLASS_CHIT_CHAT);
        fx.answer(TASK_REPLY, intake, "agent", Groups.AGENTS, "You are welcome, glad we could help!");
        execute(job(TASK_SEND_ANSWER, intake));

        assertThat(intake).isEnded().hasPassed(EVENT_REPLIED, TASK_CLOSE_REQUEST, EVENT_CLOSED_WITHOUT_SURVEY)
                .hasNotPassed(TASK_ASK_IF_SOLVED, TASK_SEND_SURVEY);
        assertThat(fx.letters(NORTHWIND_EMAIL, key)).hasSize(2);
    }

    @Test
    void shouldCallIcpFilingWithTheRequestKey() {
        String key = nextRequestKey();
        ProcessInstance intake = classified(key, CLASS_ICP_FILING);

        ProcessInstance filing = called(intake, "icp-filing");
        assertThat(filing).hasBusinessKey(key).variables().containsEntry("requestKey", key)
                .containsEntry("customerId", NORTHWIND);
        assertThat(intake).isWaitingAt(CALL_ICP_FILING).variables().containsEntry(REQUEST_STATE, STATE_IN_PROGRESS);

        runtimeService.setVariable(filing.getId(), FILING_OUTCOME, "abandoned");
        endCalledAt(filing, "Event_FilingAbandoned");
        assertThat(intake).isWaitingAt(TASK_ASK_IF_SOLVED).variables().containsEntry(FILING_OUTCOME, "abandoned");
    }

    @Test
    void shouldCallFaultEscalationForAFault() {
        assumeTrue(deployed("fault-escalation"), "fault-escalation is not built yet");
        String key = nextRequestKey();
        ProcessInstance intake = classified(key, CLASS_FAULT);

        ProcessInstance fault = called(intake, "fault-escalation");
        assertThat(fault).hasBusinessKey(key).variables().containsEntry("requestKey", key)
                .containsEntry("customerId", NORTHWIND).containsEntry("symptom", bodyOf(CLASS_FAULT))
                .containsEntry("priority", "P3");
        assertThat(intake).isWaitingAt(CALL_FAULT_ESCALATION);
    }

    @Test
    void shouldCallRequirementGuidanceForARequirement() {
        assumeTrue(deployed("requirement-guidance"), "requirement-guidance is not built yet");
        String key = nextRequestKey();
        ProcessInstance intake = classified(key, CLASS_REQUIREMENT);

        ProcessInstance guidance = called(intake, "requirement-guidance");
        assertThat(guidance).hasBusinessKey(key).variables().containsEntry("requestKey", key)
                .containsEntry("customerId", NORTHWIND).containsEntry("statedRequest", bodyOf(CLASS_REQUIREMENT));
        assertThat(intake).isWaitingAt(CALL_REQUIREMENT_GUIDANCE);
    }

    @Test
    void shouldRefuseWhatIsOutOfScopeWithTheRefusalProcessAndClose() {
        String key = nextRequestKey();
        ProcessInstance intake = fx.startAcknowledged(input(key, NORTHWIND_EMAIL, "Fix our WordPress plugin",
                "Our own WordPress plugin throws warnings, can you rewrite it?"));
        String taskId = task(TASK_CLASSIFY_REQUEST, intake).getId();
        assertThatRejected(() -> taskService.complete(taskId, Map.of(REQUEST_CLASS, CLASS_TECHNICAL_QUESTION,
                OUT_OF_SCOPE, true)), "scopeNote is required");
        fx.complete(TASK_CLASSIFY_REQUEST, intake, "agent", Groups.AGENTS, Map.of(REQUEST_CLASS,
                CLASS_TECHNICAL_QUESTION, OUT_OF_SCOPE, true, SCOPE_NOTE, "Writing the customer's own code is not our service."));

        ProcessInstance refusal = called(intake, "refusal");
        assertThat(refusal).hasBusinessKey(key).isWaitingAt("Task_DraftRefusal").variables()
                .containsEntry("refusedBy", "agent").containsEntry("requestSummary",
                        "Fix our WordPress plugin: Our own WordPress plugin throws warnings, can you rewrite it?");
        fx.complete("Task_DraftRefusal", refusal, "agent", Groups.AGENTS, Map.of("reasonCategory", "out-of-scope",
                "explanation", "Our hosting covers the server and its software, not the code of your own website."));
        execute(job("Task_SendRefusalLetter", refusal));
        fx.complete("Task_RecordAnswer", refusal, "agent", Groups.AGENTS, Map.of("customerAnswer", "accepted",
                "answerNote", "Understood, they will ask their developer."));

        assertThat(refusal).isEnded();
        assertThat(intake).hasPassed(EVENT_REFUSED, TASK_CLOSE_REQUEST).hasNotPassed(TASK_ASK_IF_SOLVED)
                .isWaitingAt(TASK_SEND_SURVEY).variables().containsEntry(REFUSAL_OUTCOME, "accepted")
                .containsEntry(CLOSED_BY, CLOSED_BY_AGENT).containsEntry(REQUEST_STATE, STATE_CLOSED);
    }

    @Test
    void shouldGoBackToTheWorkWhenALeadOverturnsTheRefusal() {
        String key = nextRequestKey();
        ProcessInstance intake = fx.startAcknowledged(input(key, NORTHWIND_EMAIL, "Restore a deleted mailbox",
                "Please restore the mailbox sales@northwind.example we deleted last week."));
        fx.complete(TASK_CLASSIFY_REQUEST, intake, "agent", Groups.AGENTS, Map.of(REQUEST_CLASS,
                CLASS_TECHNICAL_QUESTION, OUT_OF_SCOPE, true, SCOPE_NOTE, "Mailbox restores are not in their plan."));
        ProcessInstance refusal = called(intake, "refusal");
        fx.complete("Task_DraftRefusal", refusal, "agent", Groups.AGENTS, Map.of("reasonCategory", "out-of-scope",
                "explanation", "Restoring deleted mailboxes is not part of the hosting plan you have with us."));
        execute(job("Task_SendRefusalLetter", refusal));
        fx.complete("Task_RecordAnswer", refusal, "agent", Groups.AGENTS, Map.of("customerAnswer", "appeal",
                "answerNote", "They say weekly backups are in their contract."));
        fx.complete("Task_DecideAppeal", refusal, "lead", Groups.LEADS, Map.of("appealDecision", "overturn",
                "appealAnswer", "You are right: your plan includes weekly backups, and we will restore the mailbox."));
        execute(job("Task_TellAppealDecision", refusal));

        assertThat(refusal).isEnded();
        assertThat(intake).hasPassed(TASK_RESUME_WORK).isWaitingAt(TASK_ANSWER_QUESTION).variables()
                .containsEntry(REFUSAL_OUTCOME, "overturned").containsEntry(OUT_OF_SCOPE, false)
                .containsEntry(REQUEST_STATE, STATE_IN_PROGRESS);
    }

    @Test
    void shouldRefuseFromAnAnswerTaskToo() {
        ProcessInstance intake = classified(nextRequestKey(), CLASS_PRICE_INQUIRY);
        fx.complete(TASK_QUOTE_PRICE, intake, "sales", Groups.SALES, Map.of(WORK_OUTCOME, OUTCOME_OUT_OF_SCOPE,
                SCOPE_NOTE, "We do not sell hardware without hosting it."));

        ProcessInstance refusal = called(intake, "refusal");
        assertThat(refusal).variables().containsEntry("refusedBy", "sales");
        assertThat(intake).isWaitingAt(CALL_REFUSAL).hasNotPassed(TASK_SEND_ANSWER);
    }

    // helpers

    private static String bodyOf(String requestClass) {
        return switch (requestClass) {
            case CLASS_FAULT -> "Since 09:00 the site www.northwind.example is down with error 502.";
            case CLASS_REQUIREMENT -> "We need a second database server as a hot standby for our ERP.";
            default -> "Please help us with " + requestClass + " matters of our account.";
        };
    }

    /** Northwind's request of this class, acknowledged and classified by an agent. */
    private ProcessInstance classified(String key, String requestClass) {
        Map<String, Object> input = new HashMap<>(input(key, NORTHWIND_EMAIL, "About our account: " + requestClass,
                bodyOf(requestClass)));
        ProcessInstance intake = fx.startAcknowledged(input);
        fx.classify(intake, requestClass);
        return intake;
    }

    private ProcessInstance called(ProcessInstance intake, String processKey) {
        ProcessInstance called = runtimeService.createProcessInstanceQuery().superProcessInstanceId(intake.getId())
                .singleResult();
        assertThat(called).isNotNull().hasProcessDefinitionKey(processKey);
        return called;
    }

    /** Ends a called process at one of its end events, as if it had got there: the caller carries on. */
    private void endCalledAt(ProcessInstance called, String endEvent) {
        // First let it reach a wait state: its pending steps (e-mail to the customer) run.
        for (var job : managementService.createJobQuery().processInstanceId(called.getId()).executable().list()) {
            managementService.executeJob(job.getId());
        }
        ProcessInstanceModificationBuilder modification = runtimeService.createProcessInstanceModification(called.getId());
        for (String active : runtimeService.getActiveActivityIds(called.getId())) {
            modification = modification.cancelAllForActivity(active);
        }
        modification.startBeforeActivity(endEvent).execute();
        assertThat(called).isEnded().hasPassed(endEvent);
    }

    private boolean deployed(String processKey) {
        return repositoryService.createProcessDefinitionQuery().processDefinitionKey(processKey).count() > 0;
    }
}

package org.promisedesk.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.promisedesk.fault.FaultEscalationProcess.*;
import static org.promisedesk.mail.SendCustomerMessage.LAST_CUSTOMER_MESSAGE;
import static org.promisedesk.platform.ProcessTestSupport.assertEachNamesAFlowNode;
import static org.promisedesk.platform.ProcessTestSupport.assertEveryFlowNodeHasItsConstant;
import static org.promisedesk.platform.ProcessTestSupport.assertThatRejected;
import static org.promisedesk.platform.ProcessTestSupport.deployedModel;
import static org.promisedesk.platform.ProcessTestSupport.elementIdConstants;
import static org.promisedesk.platform.ProcessTestSupport.textOf;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.HistoryService;
import org.promisedesk.audit.AuditStoryChecks;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Message;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.promisedesk.fault.FaultFixtures.TestService;
import org.promisedesk.incident.PostIncidentReportProcess;
import org.promisedesk.mail.TestMailServer;
import org.promisedesk.mail.TestSupportMailbox;
import org.promisedesk.platform.EngineTest;
import org.promisedesk.platform.Groups;
import org.promisedesk.platform.ProcessTestSupport;
import org.promisedesk.refusal.RefusalProcess;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

@EngineTest
class FaultEscalationProcessTest {

    /** Friday 09:00 in Shanghai; the engine's clock is set to it. */
    private static final Instant NOW = Instant.parse("2026-11-20T01:00:00Z");
    private static final AtomicInteger KEYS = new AtomicInteger();
    private static final String AGENT = "agent";
    private static final String TECH = "tech";
    private static final String LEAD = "lead";
    private static final String SYMPTOM_TEXT = "Our shop does not open since this morning, customers call us.";

    @Autowired private ProcessEngine processEngine;
    @Autowired private RuntimeService runtimeService;
    @Autowired private TaskService taskService;
    @Autowired private ManagementService managementService;
    @Autowired private HistoryService historyService;
    @Autowired private RepositoryService repositoryService;
    @Autowired private IdentityService identityService;
    @Autowired private TestMailServer mail;
    @Autowired private JdbcClient jdbc;
    @Autowired private TestRestTemplate rest;
    @Autowired private FaultSettings settings;

    private final List<String> keys = new ArrayList<>();
    private final List<Long> customers = new ArrayList<>();
    private final List<Runnable> cleanUp = new ArrayList<>();
    private String parentDeploymentId;

    @BeforeEach
    void setUp() {
        BpmnAwareTests.init(processEngine);
        ClockUtil.setCurrentTime(Date.from(NOW));
        FaultTestNetwork.start(settings);
    }

    @AfterEach
    void tearDown() {
        cleanUp.forEach(Runnable::run);
        ClockUtil.reset();
        identityService.clearAuthentication();
        for (String key : keys) {
            runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(key).list().forEach(instance ->
                    runtimeService.deleteProcessInstanceIfExists(instance.getId(), "test over", true, true, true, false));
        }
        if (parentDeploymentId != null) {
            repositoryService.deleteDeployment(parentDeploymentId, true, true);
        }
        customers.forEach(id -> FaultFixtures.remove(jdbc, id));
    }

    // ---------------------------------------------------------------- customer side

    @Test
    void shouldExplainA403AndHelpWhenTheContractIncludesIt() {
        TestService site = site("DEPENDENT", "en", "VIRTUAL_HOST", 403);
        ProcessInstance fault = startFault(site, "P3");
        runChecks(fault);

        assertThat(fault).isWaitingAt(TASK_EXPLAIN_AND_ASSIST).variables()
                .containsEntry(DNS_RESULT, DNS_RESOLVES_TO_US).containsEntry(TCP_RESULT, TCP_OPEN)
                .containsEntry(HTTP_STATUS, 403).containsEntry(HTTP_RESULT, HTTP_FORBIDDEN)
                .containsEntry(FAULT_RESPONSIBILITY, CUSTOMER_APPLICATION).containsEntry(EXPLANATION_KEY, "no-index-document")
                .doesNotContainKey(DIAGNOSIS);
        assertThat(task(TASK_EXPLAIN_AND_ASSIST, fault)).hasCandidateGroup(Groups.AGENTS);
        explain(fault, "The site's folder has no index.php since your last upload.", "backup-restore",
                "Restore index.php from last night's backup.");

        assertThat(fault).isWaitingAt(TASK_ASSIST_CUSTOMER).variables().containsEntry(ASSIST_SCOPE, SCOPE_INCLUDED)
                .containsEntry(EXPLAINED_BY, AGENT);
        complete(TASK_ASSIST_CUSTOMER, fault, AGENT, Groups.AGENTS,
                Map.of(ASSIST_RESULT, "We restored index.php from last night's backup; the shop opens again."));
        execute(job(TASK_SEND_EXPLANATION, fault));

        assertThat(fault).isEnded().hasPassed(EVENT_EXPLAINED).hasNotPassed(TASK_SET_RESOLUTION_DEADLINE).variables()
                .containsEntry(FAULT_OUTCOME, OUTCOME_ASSISTED).containsEntry(FAULT_RESPONSIBILITY, CUSTOMER_APPLICATION)
                .containsEntry(ROOT_CAUSE, "The site's folder has no index.php since your last upload.");
        String letter = onlyLetter(site, "What we found on " + site.domain());
        assertThat(letter).contains("403 Forbidden", "no index document", "What we did for you",
                "restored index.php", SYMPTOM_TEXT).doesNotContain("our fault");
        assertThat(customerMessages(fault)).containsExactly(TEMPLATE_EXPLANATION);
    }

    @Test
    void shouldRefuseHelpThatIsOutOfScopeAndStillExplainTheCause() {
        TestService site = site("DEPENDENT", "zh-CN", "VIRTUAL_HOST", 200);
        FaultTestNetwork.names.put(site.domain(), "192.0.2.99");
        ProcessInstance fault = startFault(site, "P3");
        runChecks(fault);
        assertThat(fault).isWaitingAt(TASK_EXPLAIN_AND_ASSIST).variables()
                .containsEntry(DNS_RESULT, DNS_RESOLVES_ELSEWHERE).containsEntry(FAULT_RESPONSIBILITY, CUSTOMER_DNS);

        explain(fault, "域名解析到了其他服务器，需要在您的 DNS 服务商处修改记录。", "dns-records", "请帮我们修改域名的 DNS 解析记录。");

        assertThat(fault).isWaitingAt(CALL_REFUSE_ASSISTANCE).variables().containsEntry(ASSIST_SCOPE, SCOPE_OUT);
        ProcessInstance refusal = runtimeService.createProcessInstanceQuery().superProcessInstanceId(fault.getId())
                .singleResult();
        assertThat(refusal).hasProcessDefinitionKey(RefusalProcess.PROCESS_ID).variables()
                .containsEntry(RefusalProcess.REQUEST_SUMMARY, "请帮我们修改域名的 DNS 解析记录。")
                .containsEntry(RefusalProcess.REFUSED_BY, AGENT);
        complete(RefusalProcess.TASK_DRAFT_REFUSAL, refusal, AGENT, Groups.AGENTS, Map.of(
                RefusalProcess.REASON_CATEGORY, RefusalProcess.REASON_OUT_OF_SCOPE,
                RefusalProcess.EXPLANATION, "虚拟主机不包含域名解析管理，域名解析由您的域名服务商负责，请联系您的服务商修改记录。"));
        execute(job(RefusalProcess.TASK_SEND_REFUSAL_LETTER, refusal));
        complete(RefusalProcess.TASK_RECORD_ANSWER, refusal, AGENT, Groups.AGENTS, Map.of(
                RefusalProcess.CUSTOMER_ANSWER, RefusalProcess.ANSWER_ACCEPTED,
                RefusalProcess.ANSWER_NOTE, "客户来电表示理解，会自行修改。"));
        execute(job(TASK_SEND_EXPLANATION, fault));

        assertThat(fault).isEnded().hasPassed(EVENT_EXPLAINED).hasNotPassed(TASK_ASSIST_CUSTOMER).variables()
                .containsEntry(FAULT_OUTCOME, OUTCOME_REFUSED).containsEntry(REFUSAL_OUTCOME, "accepted");
        List<MimeMessage> letters = letters(site);
        assertThat(letters).hasSize(2);
        assertThat(textOf(letters.get(1))).contains("192.0.2.99", "不是我们的服务器", "这项协助不在您的合同范围之内");
    }

    @Test
    void shouldExplainWithoutHelpWhenTheSiteWorksFromOurSideAndReturnTheOutcomeToTheCaller() {
        TestService site = site("DEPENDENT", "en", "CLOUD_VM", 200);
        BpmnModelInstance parent = Bpmn.createExecutableProcess("fault-test-parent").camundaHistoryTimeToLive(1)
                .startEvent()
                .callActivity("CallActivity_Fault").calledElement(PROCESS_ID)
                .camundaInBusinessKey("#{execution.processBusinessKey}")
                .camundaIn(REQUEST_KEY, REQUEST_KEY).camundaIn(CUSTOMER_ID, CUSTOMER_ID)
                .camundaIn(SERVICE_ID, SERVICE_ID).camundaIn(SYMPTOM, SYMPTOM).camundaIn(PRIORITY, PRIORITY)
                .camundaOut(FAULT_RESPONSIBILITY, FAULT_RESPONSIBILITY).camundaOut(FAULT_OUTCOME, FAULT_OUTCOME)
                .camundaOut(ROOT_CAUSE, ROOT_CAUSE)
                .userTask("Task_AfterFault")
                .endEvent()
                .done();
        parentDeploymentId = repositoryService.createDeployment().addModelInstance("fault-test-parent.bpmn", parent)
                .deploy().getId();
        String key = nextKey();
        Map<String, Object> input = new HashMap<>();
        input.put(REQUEST_KEY, key);
        input.put(CUSTOMER_ID, site.customerId());
        input.put(SERVICE_ID, site.serviceId());
        input.put(SYMPTOM, SYMPTOM_TEXT);
        input.put(PRIORITY, null);
        keys.add(key);
        ProcessInstance caller = runtimeService.startProcessInstanceByKey("fault-test-parent", key, input);
        ProcessInstance fault = runtimeService.createProcessInstanceQuery().superProcessInstanceId(caller.getId())
                .singleResult();
        runChecks(fault);

        assertThat(fault).hasBusinessKey(key).isWaitingAt(TASK_EXPLAIN_AND_ASSIST).variables()
                .containsEntry(PRIORITY, P3).containsEntry(FAULT_RESPONSIBILITY, THIRD_PARTY)
                .containsEntry(EXPLANATION_KEY, "works-from-here");
        explain(fault, "Your site answers normally from our network; your provider's route to us is broken.", ASSIST_NONE, "");
        execute(job(TASK_SEND_EXPLANATION, fault));

        assertThat(fault).isEnded().hasNotPassed(TASK_DECIDE_ASSIST_SCOPE);
        assertThat(caller).isWaitingAt("Task_AfterFault").variables()
                .containsEntry(FAULT_RESPONSIBILITY, THIRD_PARTY).containsEntry(FAULT_OUTCOME, OUTCOME_EXPLAINED)
                .containsEntry(ROOT_CAUSE, "Your site answers normally from our network; your provider's route to us is broken.");
        assertThat(onlyLetter(site, "What we found")).contains("answers normally from our side (status 200)",
                "your internet provider");
    }

    // ---------------------------------------------------------------- ours: deadline, escalation, updates

    @Test
    void shouldSendOurFaultToTechAndTellTheTrueCauseWhenResolved() {
        TestService site = deadSite("DEPENDENT", "en", "VIRTUAL_HOST");
        ProcessInstance fault = startFault(site, "P2");
        runChecks(fault);

        Date resolveBy = Date.from(NOW.plus(Duration.ofHours(4)));
        assertThat(fault).isWaitingAt(TASK_TELL_CUSTOMER_INVESTIGATING).variables()
                .containsEntry(TCP_RESULT, TCP_REFUSED).containsEntry(HTTP_RESULT, NOT_CHECKED)
                .containsEntry(FAULT_RESPONSIBILITY, OUR_HARDWARE).containsEntry(RESOLVE_BY, resolveBy)
                .containsEntry(ON_CALL_AT, Date.from(NOW.plus(Duration.ofHours(8)))).containsEntry(ON_CALL_LEAD, LEAD)
                .containsEntry(PROGRESS_INTERVAL, "PT4H");
        execute(job(TASK_TELL_CUSTOMER_INVESTIGATING, fault));
        assertThat(onlyLetter(site, "We are working on the fault you reported")).contains(
                "This fault is on our side, and we apologise", "Friday 20 November 2026, 13:00 China Standard Time");
        Task fix = task(TASK_FIX_FAULT, fault);
        assertThat(fix).hasCandidateGroup(Groups.TECH).hasDueDate(resolveBy);
        assertThat(fix.getPriority()).isEqualTo(70);

        ClockUtil.setCurrentTime(Date.from(NOW.plus(Duration.ofMinutes(50))));
        resolve(fault, OUR_HARDWARE, "The web server process on our shared host crashed after a faulty update.",
                "We rolled the update back and restarted the web server; all sites answer again.");
        execute(job(TASK_TELL_RESOLUTION, fault));

        assertThat(fault).isEnded().hasPassed(TASK_ASSESS_INCIDENT, EVENT_FAULT_RESOLVED)
                .hasNotPassed(TASK_START_INCIDENT_REPORT, TASK_ESCALATE_TO_LEADS).variables()
                .containsEntry(FAULT_OUTCOME, OUTCOME_RESOLVED).containsEntry(RESOLVED_BY, TECH)
                .containsEntry(OUTAGE_MINUTES, 50L).containsEntry(MAJOR_INCIDENT, false);
        assertThat(customerMessages(fault)).containsExactly(TEMPLATE_INVESTIGATING, TEMPLATE_RESOLVED_PREFIX + OUR_HARDWARE);
        String resolved = textOf(letters(site).get(1));
        assertThat(resolved).contains("This was our fault", "faulty update", "rolled the update back")
                .doesNotContain("post-incident report");
        assertThat(managementService.createJobQuery().processInstanceId(fault.getId()).count()).isZero();

        // The auditor's page of this fault reads as a story (issue 21): names, one zone, both letters' text.
        String page = AuditStoryChecks.assertReadsAsAStory(fault.getBusinessKey(), rest, repositoryService,
                historyService, jdbc);
        assertThat(page).contains("Diagnose and fix", "The web server process on our shared host crashed");
    }

    @Test
    void shouldEscalateToLeadsAndThenToTheOnCallLeadWhenTheDeadlinePasses() {
        TestService site = deadSite("DEPENDENT", "en", "VIRTUAL_HOST");
        ProcessInstance fault = faultAtTech(site, "P1");
        Date resolveBy = Date.from(NOW.plus(Duration.ofHours(1)));
        assertThat(job(EVENT_RESOLUTION_OVERDUE, fault).getDuedate()).isEqualTo(resolveBy);
        assertThat(job(EVENT_ON_CALL_DUE, fault).getDuedate()).isEqualTo(Date.from(NOW.plus(Duration.ofHours(2))));
        assertThat(task(TASK_FIX_FAULT, fault).getPriority()).isEqualTo(90);

        ClockUtil.setCurrentTime(Date.from(NOW.plus(Duration.ofMinutes(61))));
        execute(job(EVENT_RESOLUTION_OVERDUE, fault));

        Task tier2 = task(TASK_ESCALATE_TO_LEADS, fault);
        assertThat(tier2).hasCandidateGroup(Groups.LEADS).isNotAssigned();
        assertThat(fault).isWaitingAt(TASK_FIX_FAULT, TASK_ESCALATE_TO_LEADS).variables().containsEntry(ESCALATION_TIER, 2);
        assertThat(task(TASK_FIX_FAULT, fault).getPriority()).isEqualTo(RaiseEscalationTier.TIER_2_PRIORITY);
        assertThatRejected(() -> taskService.complete(tier2.getId()), ESCALATION_NOTE + " is required");
        complete(TASK_ESCALATE_TO_LEADS, fault, LEAD, Groups.LEADS,
                Map.of(ESCALATION_NOTE, "Moved a second engineer onto it; the vendor is on the phone."));

        ClockUtil.setCurrentTime(Date.from(NOW.plus(Duration.ofMinutes(121))));
        execute(job(EVENT_ON_CALL_DUE, fault));

        assertThat(task(TASK_ESCALATE_TO_ON_CALL, fault)).isAssignedTo(LEAD).hasCandidateGroupAssociated(Groups.LEADS);
        assertThat(fault).variables().containsEntry(ESCALATION_TIER, 3);
        assertThat(task(TASK_FIX_FAULT, fault).getPriority()).isEqualTo(RaiseEscalationTier.TIER_3_PRIORITY);

        resolve(fault, OUR_NETWORK, "A core switch lost its configuration after a power glitch in rack R04.",
                "We restored the switch configuration from the backup and added a UPS to the rack.");
        assertThat(fault).hasPassed(EVENT_FAULT_FIXED).isWaitingAt(TASK_TELL_RESOLUTION);
        assertThat(taskService.createTaskQuery().processInstanceId(fault.getId()).count()).as("notices end with the fault")
                .isZero();
    }

    @Test
    void shouldTellTheCustomerHowItStandsAtEveryIntervalAndHonestlyWhenTheDeadlineIsMissed() {
        TestService site = deadSite("DEPENDENT", "en", "VIRTUAL_HOST");
        ProcessInstance fault = faultAtTech(site, "P2");
        assertThat(job(EVENT_PROGRESS_DUE, fault).getDuedate()).isEqualTo(Date.from(NOW.plus(Duration.ofHours(4))));
        complete(TASK_FIX_FAULT, fault, TECH, Groups.TECH, Map.of(TECH_ACTION, ACTION_CONTINUE,
                STATUS_NOTE, "The disk controller of the host reports errors; a replacement is on its way."));

        ClockUtil.setCurrentTime(Date.from(NOW.plus(Duration.ofMinutes(3 * 60 + 59))));
        assertThat(managementService.createJobQuery().processInstanceId(fault.getId()).executable().count()).isZero();
        ClockUtil.setCurrentTime(Date.from(NOW.plus(Duration.ofMinutes(4 * 60 + 1))));
        sendProgressUpdate(fault);

        assertThat(fault).variables().containsEntry(PROGRESS_UPDATES, 1).containsEntry(DEADLINE_MISSED, true)
                .containsEntry(PROGRESS_STAGE, STAGE_INVESTIGATING);
        assertThat(job(EVENT_PROGRESS_DUE, fault).getDuedate()).isBetween(Date.from(NOW.plus(Duration.ofHours(8))),
                Date.from(NOW.plus(Duration.ofMinutes(8 * 60 + 1))));
        String update = textOf(letters(site).get(1));
        assertThat(update).contains("still working on it", "disk controller",
                "We have not fixed it by the time we gave you", "That delay is ours");

        ClockUtil.setCurrentTime(Date.from(NOW.plus(Duration.ofMinutes(8 * 60 + 1))));
        sendProgressUpdate(fault);
        assertThat(fault).variables().containsEntry(PROGRESS_UPDATES, 2);
        assertThat(customerMessages(fault)).containsExactly(TEMPLATE_INVESTIGATING, TEMPLATE_PROGRESS, TEMPLATE_PROGRESS);
        assertThat(letters(site)).hasSize(3);
    }

    @Test
    void shouldUpdateCustomersUnderPressureMoreOften() {
        TestService site = deadSite("UNDER_PRESSURE", "zh-CN", "VIRTUAL_HOST");
        ProcessInstance fault = faultAtTech(site, "P2");

        assertThat(fault).variables().containsEntry(PROGRESS_INTERVAL, "PT2H");
        assertThat(job(EVENT_PROGRESS_DUE, fault).getDuedate()).isEqualTo(Date.from(NOW.plus(Duration.ofHours(2))));
        ClockUtil.setCurrentTime(Date.from(NOW.plus(Duration.ofMinutes(121))));
        sendProgressUpdate(fault);

        assertThat(fault).variables().containsEntry(PROGRESS_UPDATES, 1).containsEntry(DEADLINE_MISSED, false);
        assertThat(textOf(letters(site).get(1))).contains("仍在处理", "我们仍以在", "之前修复为目标");
    }

    @Test
    void shouldGiveP3OneBusinessDayOverTheWeekend() {
        TestService site = deadSite("DEPENDENT", "en", "VIRTUAL_HOST");
        ProcessInstance fault = faultAtTech(site, "P3");

        // Friday 09:00 + 1 business day = Monday 09:00 (Shanghai)
        assertThat(fault).variables().containsEntry(RESOLVE_BY, Date.from(Instant.parse("2026-11-23T01:00:00Z")));
        assertThat(task(TASK_FIX_FAULT, fault).getPriority()).isEqualTo(50);
    }

    // ---------------------------------------------------------------- consent

    @Test
    void shouldPerformTheOperationOnlyAfterConsentGivenByPhone() {
        TestService site = deadSite("DEPENDENT", "en", "VIRTUAL_HOST");
        ProcessInstance fault = faultAtTech(site, "P2");
        proposeReboot(fault);
        execute(job(TASK_ASK_CONSENT, fault));

        Date consentBy = Date.from(NOW.plus(Duration.ofHours(24)));
        assertThat(fault).isWaitingAt(TASK_RECORD_CONSENT).variables().containsEntry(CONSENT_BY, consentBy);
        assertThat(task(TASK_RECORD_CONSENT, fault)).hasCandidateGroup(Groups.AGENTS).hasDueDate(consentBy);
        assertThat(textOf(letters(site).get(1))).contains("restart your server", "unreachable for about 5 minutes",
                "We will not do this without your consent", "Saturday 21 November 2026, 09:00 China Standard Time");
        assertThatRejected(() -> taskService.complete(task(TASK_RECORD_CONSENT, fault).getId(),
                Map.of(CONSENT_DECISION, "maybe")), CONSENT_DECISION + " is required", CONSENT_CHANNEL + " is required",
                CONSENT_GIVEN_BY + " is required");

        complete(TASK_RECORD_CONSENT, fault, AGENT, Groups.AGENTS, Map.of(CONSENT_DECISION, CONSENT_GIVEN,
                CONSENT_CHANNEL, "phone", CONSENT_GIVEN_BY, "Mr Harbour, IT manager"));

        assertThat(fault).isWaitingAt(TASK_PERFORM_OPERATION).variables().containsEntry(CONSENT_RECORDED_BY, AGENT)
                .containsEntry(CONSENT_RECORDED_AT, Date.from(NOW)).containsEntry(CONSENT_CHANNEL, "phone");
        assertThat(task(TASK_PERFORM_OPERATION, fault)).hasCandidateGroup(Groups.TECH);
        complete(TASK_PERFORM_OPERATION, fault, TECH, Groups.TECH,
                Map.of(OPERATION_RESULT, "Rebooted at 09:20; the web service came back at 09:24."));
        assertThat(fault).isWaitingAt(TASK_FIX_FAULT);
        resolve(fault, OUR_HARDWARE, "A memory leak in our web server exhausted the host's memory.",
                "The reboot freed the memory; we scheduled the web server upgrade that fixes the leak.");
        assertThat(fault).hasPassed(TASK_PERFORM_OPERATION);
    }

    @Test
    void shouldFindAnotherWayWhenTheCustomerDeclinesByEmail() {
        TestService site = deadSite("DEPENDENT", "en", "VIRTUAL_HOST");
        ProcessInstance fault = faultAtTech(site, "P2");
        proposeReboot(fault);
        execute(job(TASK_ASK_CONSENT, fault));

        customerReplies(site, "No, please do not restart it during business hours.", true);
        assertThat(fault).isWaitingAt(TASK_READ_CONSENT_REPLY).hasPassed(EVENT_CONSENT_REPLIED);
        complete(TASK_READ_CONSENT_REPLY, fault, AGENT, Groups.AGENTS, Map.of(CONSENT_DECISION, CONSENT_DECLINED));

        assertThat(fault).isWaitingAt(TASK_FIX_FAULT).hasNotPassed(TASK_PERFORM_OPERATION).variables()
                .containsEntry(CONSENT_DECISION, CONSENT_DECLINED).containsEntry(CONSENT_CHANNEL, "email")
                .containsEntry(CONSENT_GIVEN_BY, site.email()).containsEntry(CONSENT_RECORDED_BY, AGENT);
    }

    @Test
    void shouldNotTakeConsentFromAReplyThatIsNotTheCustomers() {
        TestService site = deadSite("DEPENDENT", "en", "VIRTUAL_HOST");
        ProcessInstance fault = faultAtTech(site, "P2");
        proposeReboot(fault);
        execute(job(TASK_ASK_CONSENT, fault));
        customerReplies(site, "Yes go ahead.", false);

        assertThatRejected(() -> taskService.complete(task(TASK_READ_CONSENT_REPLY, fault).getId(),
                Map.of(CONSENT_DECISION, CONSENT_GIVEN)), "not the customer's address");
        assertThat(fault).isWaitingAt(TASK_READ_CONSENT_REPLY).hasNotPassed(TASK_PERFORM_OPERATION);
    }

    // Spoofed replies (issue 30, item 7): the e-mail comes the whole way, through the support mailbox

    @Test
    void shouldTakeNoConsentFromAnEMailWithAForgedFromAndGiveItToAnAgent(@Autowired ApplicationContext context)
            throws MessagingException {
        TestService site = deadSite("DEPENDENT", "en", "VIRTUAL_HOST");
        ProcessInstance fault = faultAtTech(site, "P2");
        proposeReboot(fault);
        execute(job(TASK_ASK_CONSENT, fault));
        String key = fault.getBusinessKey();

        String disposition = TestSupportMailbox.replyArrives(context, "it-manager@" + site.domain() + ".example.net",
                "Re: [" + key + "] Your consent", "Yes, go ahead and restart the server.");

        assertThat(disposition).isEqualTo("REPLY_NOTE_FOR_AGENT");
        assertThat(fault).isWaitingAt(TASK_RECORD_CONSENT).hasNotPassed(EVENT_CONSENT_REPLIED)
                .hasNotPassed(TASK_PERFORM_OPERATION);
        assertThat(unverifiedMailTasks(key)).hasSize(1);
    }

    @Test
    void shouldTakeNoConsentFromTheCustomersAddressWhenDmarcFailed(@Autowired ApplicationContext context)
            throws MessagingException {
        TestService site = deadSite("DEPENDENT", "en", "VIRTUAL_HOST");
        ProcessInstance fault = faultAtTech(site, "P2");
        proposeReboot(fault);
        execute(job(TASK_ASK_CONSENT, fault));
        String key = fault.getBusinessKey();

        String disposition = TestSupportMailbox.replyArrives(context, site.email(), "Re: [" + key + "] Your consent",
                "Yes, go ahead.", "Authentication-Results", "mx.promisedesk.example; spf=fail; dmarc=fail");

        assertThat(disposition).isEqualTo("REPLY_NOTE_FOR_AGENT");
        assertThat(fault).isWaitingAt(TASK_RECORD_CONSENT).hasNotPassed(EVENT_CONSENT_REPLIED);
        assertThat(unverifiedMailTasks(key)).hasSize(1);
    }

    @Test
    void shouldOpenTheConsentReplyForAGenuineEMailFromTheCustomer(@Autowired ApplicationContext context)
            throws MessagingException {
        TestService site = deadSite("DEPENDENT", "en", "VIRTUAL_HOST");
        ProcessInstance fault = faultAtTech(site, "P2");
        proposeReboot(fault);
        execute(job(TASK_ASK_CONSENT, fault));
        String key = fault.getBusinessKey();

        String disposition = TestSupportMailbox.replyArrives(context, site.email(), "Re: [" + key + "] Your consent",
                "Yes, go ahead.", "Authentication-Results", "mx.promisedesk.example; spf=pass; dkim=pass; dmarc=pass");

        assertThat(disposition).isEqualTo("REPLY_CORRELATED");
        assertThat(fault).isWaitingAt(TASK_READ_CONSENT_REPLY).variables()
                .containsEntry(REPLY_FROM, site.email()).containsEntry(REPLY_FROM_CUSTOMER, true);
        complete(TASK_READ_CONSENT_REPLY, fault, AGENT, Groups.AGENTS, Map.of(CONSENT_DECISION, CONSENT_GIVEN));
        assertThat(fault).isWaitingAt(TASK_PERFORM_OPERATION);
    }

    /** The agents' tasks the mailbox made for e-mails about the request that failed the sender check (deleted after the test). */
    private List<Task> unverifiedMailTasks(String key) {
        List<Task> tasks = taskService.createTaskQuery()
                .taskName("Confirm with the customer: unverified e-mail about " + key).list();
        tasks.forEach(task -> cleanUp.add(() -> taskService.deleteTask(task.getId(), true)));
        return tasks;
    }

    @Test
    void shouldDoNothingIntrusiveWhenNoConsentComesInTime() {
        TestService site = deadSite("DEPENDENT", "en", "VIRTUAL_HOST");
        ProcessInstance fault = faultAtTech(site, "P3");
        proposeReboot(fault);
        execute(job(TASK_ASK_CONSENT, fault));

        ClockUtil.setCurrentTime(Date.from(NOW.plus(Duration.ofHours(24)).plusSeconds(60)));
        execute(job(EVENT_NO_CONSENT_IN_TIME, fault));

        assertThat(fault).isWaitingAt(TASK_FIX_FAULT).hasPassed(TASK_RECORD_NO_CONSENT)
                .hasNotPassed(TASK_PERFORM_OPERATION).variables().containsEntry(CONSENT_DECISION, CONSENT_NONE);
        assertThat(historyService.createHistoricTaskInstanceQuery().processInstanceId(fault.getId())
                .taskDefinitionKey(TASK_PERFORM_OPERATION).count()).isZero();
    }

    @Test
    void shouldSendTheScriptInsteadOfOperatingForSelfReliantCustomers() {
        TestService site = deadSite("SELF_RELIANT", "zh-CN", "VIRTUAL_HOST");
        ProcessInstance fault = faultAtTech(site, "P2");
        complete(TASK_FIX_FAULT, fault, TECH, Groups.TECH, Map.of(TECH_ACTION, ACTION_INTRUSIVE,
                PROPOSED_OPERATION, "restore-from-backup", OPERATION_RISK, "Changes to the database since 02:00 are lost.",
                OPERATION_PLAN, "systemctl stop mysqld\nmysql < /backup/all.sql\nsystemctl start mysqld"));

        assertThat(fault).isWaitingAt(TASK_SEND_SCRIPT);
        execute(job(TASK_SEND_SCRIPT, fault));

        assertThat(fault).isWaitingAt(TASK_FIX_FAULT).hasNotPassed(TASK_ASK_CONSENT, TASK_PERFORM_OPERATION);
        assertThat(customerMessages(fault)).containsExactly(TEMPLATE_INVESTIGATING, TEMPLATE_SCRIPT);
        assertThat(textOf(letters(site).get(1))).contains("从备份恢复您的数据", "mysql < /backup/all.sql",
                "我们不会在您的服务器上进行任何操作");
    }

    // ---------------------------------------------------------------- on-site, major, service not named

    @Test
    void shouldDispatchAnOnSiteEngineerForDatabaseSupport() {
        TestService database = FaultFixtures.service(jdbc, "DEPENDENT", "en", "DATABASE_SUPPORT", null,
                FaultTestNetwork.OUR_SERVER);
        customers.add(database.customerId());
        ProcessInstance fault = startFault(database, "P2");
        runChecks(fault);
        assertThat(fault).variables().containsEntry(DNS_RESULT, DNS_NO_DOMAIN).containsEntry(FAULT_RESPONSIBILITY, UNKNOWN)
                .containsEntry(EXPLANATION_KEY, "database");
        execute(job(TASK_TELL_CUSTOMER_INVESTIGATING, fault));

        Date visitAt = Date.from(NOW.plus(Duration.ofHours(3)));
        complete(TASK_FIX_FAULT, fault, TECH, Groups.TECH, Map.of(TECH_ACTION, ACTION_ON_SITE,
                VISIT_AT, "2026-11-20T12:00", ON_SITE_ENGINEER, TECH));
        assertThat(fault).isWaitingAt(TASK_TELL_CUSTOMER_VISIT).variables().containsEntry(VISIT_AT, visitAt)
                .containsEntry(ON_SITE_ENGINEER_NAME, "Wang Qiang");
        execute(job(TASK_TELL_CUSTOMER_VISIT, fault));

        assertThat(textOf(letters(database).get(1))).contains("our engineer Wang Qiang will come to you on",
                "Friday 20 November 2026, 12:00 China Standard Time");
        assertThat(task(TASK_RECORD_VISIT_REPORT, fault)).isAssignedTo(TECH).hasDueDate(visitAt);
        complete(TASK_RECORD_VISIT_REPORT, fault, TECH, Groups.TECH,
                Map.of(VISIT_REPORT, "Replaced the failed RAID battery; write cache is back on."));
        assertThat(fault).isWaitingAt(TASK_FIX_FAULT).variables().containsEntry(VISIT_REPORT,
                "Replaced the failed RAID battery; write cache is back on.");
    }

    @Test
    void shouldRejectAnOnSiteEngineerForOtherServices() {
        TestService site = deadSite("DEPENDENT", "en", "VIRTUAL_HOST");
        ProcessInstance fault = faultAtTech(site, "P2");

        assertThatRejected(() -> taskService.complete(task(TASK_FIX_FAULT, fault).getId(), Map.of(TECH_ACTION,
                ACTION_ON_SITE, VISIT_AT, "2026-11-20T12:00", ON_SITE_ENGINEER, TECH)), "database support services only");
        assertThatRejected(() -> taskService.complete(task(TASK_FIX_FAULT, fault).getId(), Map.of(TECH_ACTION,
                ACTION_RESOLVED, ROOT_CAUSE, "short", FAULT_RESPONSIBILITY, "nobody")), ROOT_CAUSE + " is required",
                FIX + " is required", FAULT_RESPONSIBILITY + " is required");
        assertThat(fault).isWaitingAt(TASK_FIX_FAULT).variables().doesNotContainKeys(TECH_ACTION, RESOLVED_BY);
    }

    @Test
    void shouldStartAPostIncidentReportForAMajorIncidentOfOurs() {
        TestService site = deadSite("DEPENDENT", "en", "VIRTUAL_HOST");
        for (int i = 0; i < 3; i++) {
            customers.add(FaultFixtures.neighbour(jdbc, site));
        }
        ProcessInstance fault = faultAtTech(site, "P2");
        resolve(fault, OUR_HARDWARE, "The shared host's power supply failed and took every site on it down.",
                "We replaced the power supply and moved the host onto redundant power.");

        assertThat(fault).variables().containsEntry(MAJOR_INCIDENT, true).containsEntry(SAME_SERVER_CUSTOMERS, 4);
        execute(job(TASK_TELL_RESOLUTION, fault));
        assertThat(textOf(letters(site).get(1))).contains("full post-incident report");
        execute(job(TASK_START_INCIDENT_REPORT, fault));

        assertThat(fault).isEnded().hasPassed(EVENT_MAJOR_FAULT_RESOLVED);
        ProcessInstance report = runtimeService.createProcessInstanceQuery()
                .processDefinitionKey(PostIncidentReportProcess.PROCESS_ID)
                .processInstanceBusinessKey(fault.getBusinessKey()).singleResult();
        assertThat(report).isNotNull();
        assertThat(fault).variables().containsEntry(INCIDENT_REPORT_ID, report.getId());
        assertThat(report).variables().containsEntry(PostIncidentReportProcess.RESOLVED_BY, TECH);
        assertThat(runtimeService.getVariable(report.getId(), PostIncidentReportProcess.CUSTOMER_NAMES).toString())
                .contains("Harbour Bikes Ltd");
    }

    @Test
    void shouldCallEveryP1AMajorIncident() {
        TestService site = deadSite("DEPENDENT", "en", "VIRTUAL_HOST");
        ProcessInstance fault = faultAtTech(site, "P1");
        resolve(fault, OUR_NETWORK, "Our upstream router dropped the route to the host's subnet.",
                "We restored the route and added monitoring of it.");

        assertThat(fault).isWaitingAt(TASK_TELL_RESOLUTION).variables().containsEntry(MAJOR_INCIDENT, true)
                .containsEntry(MAJOR_REASONS, "P1");
    }

    @Test
    void shouldLetTheAgentChooseTheServiceOrSkipTheChecks() {
        TestService site = site("DEPENDENT", "en", "VIRTUAL_HOST", 404);
        TestService other = site("DEPENDENT", "en", "VIRTUAL_HOST", 200);
        ProcessInstance fault = startFault(site.customerId(), null, "P3");

        assertThat(fault).isWaitingAt(TASK_CHOOSE_SERVICE).variables().containsEntry(SERVICE_KNOWN, false);
        assertThatRejected(() -> taskService.complete(task(TASK_CHOOSE_SERVICE, fault).getId(),
                Map.of(SERVICE_ID, other.serviceId())), "is not a service of customer " + site.customerId());
        complete(TASK_CHOOSE_SERVICE, fault, AGENT, Groups.AGENTS, Map.of(SERVICE_ID, site.serviceId()));
        runChecks(fault);
        assertThat(fault).isWaitingAt(TASK_EXPLAIN_AND_ASSIST).variables().containsEntry(HTTP_STATUS, 404)
                .containsEntry(EXPLANATION_KEY, "missing-page").containsEntry(DOMAIN, site.domain());

        ProcessInstance unnamed = startFault(site.customerId(), null, "P3");
        complete(TASK_CHOOSE_SERVICE, unnamed, AGENT, Groups.AGENTS, Map.of(SERVICE_ID, ""));
        assertThat(unnamed).hasPassed(TASK_SKIP_CHECKS).hasNotPassed(TASK_CHECK_DOMAIN_RESOLUTION)
                .isWaitingAt(TASK_TELL_CUSTOMER_INVESTIGATING).variables()
                .containsEntry(FAULT_RESPONSIBILITY, UNKNOWN).containsEntry(EXPLANATION_KEY, NOT_CHECKED);
        execute(job(TASK_TELL_CUSTOMER_INVESTIGATING, unnamed));
        assertThat(textOf(letters(site).get(letters(site).size() - 1))).contains("We do not know the cause yet",
                "Our first checks could not tell where the fault is");
    }

    @Test
    void shouldRejectAStartWithBadInputNamingTheFields() {
        TestService site = site("DEPENDENT", "en", "VIRTUAL_HOST", 200);
        Map<String, Object> input = new HashMap<>();
        input.put(CUSTOMER_ID, 999_999L);
        input.put(REQUEST_KEY, "REQ-26-1");
        input.put(SYMPTOM, "down");
        input.put(PRIORITY, "P9");

        assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey(PROCESS_ID, input))
                .isInstanceOf(BadUserRequestException.class).hasMessageContaining("customerId 999999 is not a known customer")
                .hasMessageContaining("requestKey 'REQ-26-1' is not a request key").hasMessageContaining("symptom is required")
                .hasMessageContaining("priority 'P9' is not one of P1, P2, P3");
        input.put(CUSTOMER_ID, site.customerId());
        input.put(REQUEST_KEY, nextKey());
        input.put(SYMPTOM, SYMPTOM_TEXT);
        input.put(PRIORITY, "P1");
        input.put(SERVICE_ID, 1L);
        assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey(PROCESS_ID, input))
                .isInstanceOf(BadUserRequestException.class)
                .hasMessageContaining("serviceId 1 is not a service of customer " + site.customerId());
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey((String) input.get(REQUEST_KEY))
                .count()).isZero();
    }

    @Test
    void shouldKeepConstantsInStepWithTheModel() {
        BpmnModelInstance model = deployedModel(repositoryService, PROCESS_ID);
        List<String> elementIds = elementIdConstants(FaultEscalationProcess.class);
        assertThat(elementIds).hasSizeGreaterThan(50);
        assertEachNamesAFlowNode(model, elementIds);
        assertEveryFlowNodeHasItsConstant(model, elementIds);
        assertThat(model.getModelElementsByType(Message.class)).extracting(Message::getName)
                .containsExactly(MESSAGE_CUSTOMER_REPLIED);
        assertThat(model.getModelElementsByType(UserTask.class)).extracting(UserTask::getCamundaFormRef)
                .containsOnly(FORM_CHOOSE_SERVICE, FORM_EXPLAIN, FORM_ASSIST, FORM_FIX, FORM_CONSENT, FORM_OPERATION,
                        FORM_VISIT_REPORT, FORM_ESCALATION);
        assertThat(model.getModelElementsByType(StartEvent.class)).filteredOn(start -> start.getCamundaFormRef() != null)
                .extracting(StartEvent::getCamundaFormRef).containsExactly(FORM_START);
        assertThat(model.getModelElementsByType(SubProcess.class)).hasSize(4);
    }

    // ---------------------------------------------------------------- helpers

    private static String nextKey() {
        return "REQ-2026-06%04d".formatted(KEYS.incrementAndGet());
    }

    /** A site of a new customer on our server (127.0.0.1) answering {@code status}, its domain resolving to us. */
    private TestService site(String profile, String language, String type, int status) {
        TestService site = FaultFixtures.service(jdbc, profile, language, type, "fault-test.example",
                FaultTestNetwork.OUR_SERVER);
        customers.add(site.customerId());
        FaultTestNetwork.names.put(site.domain(), FaultTestNetwork.OUR_SERVER);
        FaultTestNetwork.statuses.put(site.domain(), status);
        return site;
    }

    /** A site on 127.0.0.2, where nothing listens (refused), its domain resolving to it. */
    private TestService deadSite(String profile, String language, String type) {
        TestService site = FaultFixtures.service(jdbc, profile, language, type, "fault-test.example",
                FaultTestNetwork.DEAD_SERVER);
        customers.add(site.customerId());
        FaultTestNetwork.names.put(site.domain(), FaultTestNetwork.DEAD_SERVER);
        return site;
    }

    private ProcessInstance startFault(TestService service, String priority) {
        return startFault(service.customerId(), service.serviceId(), priority);
    }

    private ProcessInstance startFault(long customerId, Long serviceId, String priority) {
        Map<String, Object> input = new HashMap<>();
        String key = nextKey();
        input.put(REQUEST_KEY, key);
        input.put(CUSTOMER_ID, customerId);
        input.put(SERVICE_ID, serviceId);
        input.put(SYMPTOM, SYMPTOM_TEXT);
        input.put(PRIORITY, priority);
        keys.add(key);
        return asUser(AGENT, Groups.AGENTS, () -> runtimeService.startProcessInstanceByKey(PROCESS_ID, input));
    }

    private void runChecks(ProcessInstance fault) {
        keys.add(fault.getBusinessKey());
        execute(job(TASK_CHECK_DOMAIN_RESOLUTION, fault));
        execute(job(TASK_CHECK_REACHABILITY, fault));
        execute(job(TASK_CHECK_HTTP_STATUS, fault));
    }

    /** Reported, checked (refused: ours for a virtual host), the customer told: tech's task is open. */
    private ProcessInstance faultAtTech(TestService site, String priority) {
        ProcessInstance fault = startFault(site, priority);
        runChecks(fault);
        execute(job(TASK_TELL_CUSTOMER_INVESTIGATING, fault));
        assertThat(fault).isWaitingAt(TASK_FIX_FAULT);
        return fault;
    }

    private void explain(ProcessInstance fault, String rootCause, String activity, String request) {
        complete(TASK_EXPLAIN_AND_ASSIST, fault, AGENT, Groups.AGENTS,
                Map.of(ROOT_CAUSE, rootCause, ASSIST_ACTIVITY, activity, ASSIST_REQUEST, request));
    }

    private void proposeReboot(ProcessInstance fault) {
        complete(TASK_FIX_FAULT, fault, TECH, Groups.TECH, Map.of(TECH_ACTION, ACTION_INTRUSIVE,
                PROPOSED_OPERATION, "reboot",
                OPERATION_RISK, "Every site on the host is unreachable for about 5 minutes.",
                OPERATION_PLAN, "Restart the host from the console, then check the web service."));
        assertThat(fault).isWaitingAt(TASK_ASK_CONSENT);
    }

    private void resolve(ProcessInstance fault, String responsibility, String rootCause, String fix) {
        complete(TASK_FIX_FAULT, fault, TECH, Groups.TECH, Map.of(TECH_ACTION, ACTION_RESOLVED,
                FAULT_RESPONSIBILITY, responsibility, ROOT_CAUSE, rootCause, FIX, fix));
    }

    private void sendProgressUpdate(ProcessInstance fault) {
        execute(job(EVENT_PROGRESS_DUE, fault));
        Job send = managementService.createJobQuery().processInstanceId(fault.getId())
                .activityId(TASK_SEND_PROGRESS_UPDATE).singleResult();
        managementService.executeJob(send.getId());
    }

    private void complete(String taskKey, ProcessInstance instance, String user, String group, Map<String, Object> form) {
        asUser(user, group, () -> taskService.complete(task(taskKey, instance).getId(), form));
    }

    /** What the inbound mail poller does with a reply carrying the request key. */
    private void customerReplies(TestService site, String text, boolean fromCustomer) {
        String key = keys.get(keys.size() - 1);
        runtimeService.createMessageCorrelation(MESSAGE_CUSTOMER_REPLIED).processInstanceBusinessKey(key)
                .setVariable(REPLY_TEXT, text).setVariable(REPLY_FROM, fromCustomer ? site.email() : "someone@else.example")
                .setVariable(REPLY_MESSAGE_ID, "<" + key + "@mail.example>").setVariable(REPLY_FROM_CUSTOMER, fromCustomer)
                .correlateAllWithResult();
    }

    private List<String> customerMessages(ProcessInstance instance) {
        return historyService.createHistoricDetailQuery().processInstanceId(instance.getId()).variableUpdates()
                .orderPartiallyByOccurrence().asc().list().stream()
                .map(HistoricVariableUpdate.class::cast)
                .filter(update -> update.getVariableName().equals(LAST_CUSTOMER_MESSAGE))
                .map(update -> update.getValue().toString().replaceFirst("^template=([^;]+);.*$", "$1"))
                .toList();
    }

    private List<MimeMessage> letters(TestService site) {
        return mail.messagesTo(site.email());
    }

    private String onlyLetter(TestService site, String subjectStart) {
        List<MimeMessage> letters = letters(site);
        assertThat(letters).hasSize(1);
        try {
            assertThat(letters.get(0).getSubject()).contains(subjectStart);
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
        return textOf(letters.get(0));
    }

    private <T> T asUser(String userId, String group, Supplier<T> action) {
        return ProcessTestSupport.asUser(identityService, userId, group, action);
    }

    private void asUser(String userId, String group, Runnable action) {
        ProcessTestSupport.asUser(identityService, userId, group, action);
    }
}

package org.promisedesk.requirement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.promisedesk.platform.ProcessTestSupport.assertEveryFlowNodeHasItsConstant;
import static org.promisedesk.platform.ProcessTestSupport.assertThatRejected;
import static org.promisedesk.platform.ProcessTestSupport.deployedModel;
import static org.promisedesk.platform.ProcessTestSupport.elementIdConstants;
import static org.promisedesk.platform.ProcessTestSupport.subject;
import static org.promisedesk.platform.ProcessTestSupport.textOf;
import static org.promisedesk.requirement.RequirementDriver.ARCHITECT_USER;
import static org.promisedesk.requirement.RequirementDriver.LEAD_USER;
import static org.promisedesk.requirement.RequirementDriver.SALES_USER;
import static org.promisedesk.requirement.RequirementDriver.analysis;
import static org.promisedesk.requirement.RequirementDriver.decision;
import static org.promisedesk.requirement.RequirementDriver.nextRequestKey;
import static org.promisedesk.requirement.RequirementDriver.pdfAttachment;
import static org.promisedesk.requirement.RequirementDriver.pdfText;
import static org.promisedesk.requirement.RequirementProcess.*;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
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
import org.promisedesk.mail.TestMailServer;
import org.promisedesk.platform.EngineTest;
import org.promisedesk.platform.Groups;
import org.promisedesk.promise.PromiseProcess;
import org.promisedesk.refusal.RefusalProcess;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import jakarta.mail.internet.MimeMessage;

@EngineTest
class RequirementGuidanceProcessTest {

    /** Friday 09:00 in Shanghai; the engine's clock is set to it. */
    private static final Instant NOW = Instant.parse("2026-11-20T01:00:00Z");
    /** Wednesday 25 November 2026, 18:00 in Shanghai. */
    private static final Date DUE = Date.from(Instant.parse("2026-11-25T10:00:00Z"));
    private static final long NORTHWIND = 1L;
    private static final String NORTHWIND_EMAIL = "it@northwind.example";
    private static final long NORTHWIND_RENTAL = 1L;
    private static final long YUNFAN = 2L;
    private static final String YUNFAN_EMAIL = "ops@yunfan.example.cn";
    private static final long YUNFAN_DATABASE = 9L;
    private static final String REASON = "Installing this software from our list on your rented server is part of your contract.";

    @Autowired private ProcessEngine processEngine;
    @Autowired private RuntimeService runtimeService;
    @Autowired private TaskService taskService;
    @Autowired private HistoryService historyService;
    @Autowired private RepositoryService repositoryService;
    @Autowired private IdentityService identityService;
    @Autowired private TestMailServer mail;
    @Autowired private JdbcClient jdbc;

    private RequirementDriver driver;
    private String parentDeploymentId;

    @BeforeEach
    void setUp() {
        BpmnAwareTests.init(processEngine);
        ClockUtil.setCurrentTime(Date.from(NOW));
        driver = new RequirementDriver(runtimeService, taskService, historyService, identityService, mail);
    }

    @AfterEach
    void tearDown() {
        ClockUtil.reset();
        driver.cleanUp();
        if (parentDeploymentId != null) {
            repositoryService.deleteDeployment(parentDeploymentId, true, true);
        }
    }

    @Test
    void shouldDoItNowAndTellTheResultWhenTheArchitectConfirmsAcceptNow() {
        String key = nextRequestKey();
        ProcessInstance requirement = driver.start(key, NORTHWIND, NORTHWIND_RENTAL,
                "Please install nginx from your software list on our server");
        assertThat(requirement).isWaitingAt(TASK_UNDERSTAND_NEED).variables()
                .containsEntry(CUSTOMER_NAME, "Northwind Traders Ltd").containsEntry(SERVICE_TYPE, "DEDICATED_RENTAL")
                .containsEntry(REQUEST_KEY, key);
        assertThat(task(TASK_UNDERSTAND_NEED, requirement)).hasCandidateGroup(Groups.ARCHITECTS);

        driver.analyse(requirement, analysis("DEDICATED_RENTAL", "listed-software-install", 0.5, RISK_LOW, false,
                "The customer installs it with our script.", false));
        assertThat(requirement).hasPassed(TASK_CHECK_SCOPE, TASK_PROPOSE_DECISION).isWaitingAt(TASK_CONFIRM_DECISION)
                .variables().containsEntry(CONTRACT_SCOPE, ServiceScope.INCLUDED)
                .containsEntry(PROPOSED_OUTCOME, OUTCOME_ACCEPT_NOW).containsEntry(DECISION, OUTCOME_ACCEPT_NOW);
        driver.decide(requirement, decision(OUTCOME_ACCEPT_NOW, REASON, DUE_DATE, DUE, PROMISE_OWNER, "tech"));

        assertThat(requirement).isWaitingAt(TASK_SEND_DECISION_LETTER).variables()
                .containsEntry(DECISION_OVERRIDDEN, false).containsEntry(ARCHITECT, ARCHITECT_USER)
                .containsEntry(PROMISE_OWNER, "tech").containsEntry(DUE_DATE, DUE);
        execute(job(TASK_SEND_DECISION_LETTER, requirement));
        MimeMessage letter = onlyLetter(NORTHWIND_EMAIL, key);
        assertThat(subject(letter)).startsWith("[" + key + "] Our decision on your request: Please install nginx");
        assertThat(textOf(letter)).contains("Dear Northwind Traders Ltd", "We will do this now.", REASON,
                "Wednesday 25 November 2026, 18:00 China Standard Time", "A rented server includes");
        assertThat(pdfText(pdfAttachment(letter))).contains("Decision on your request", key, "We will do this now.");

        assertThat(requirement).isWaitingAt(CALL_DO_IT_NOW);
        ProcessInstance promise = driver.called(requirement);
        assertThat(promise).hasProcessDefinitionKey(PromiseProcess.PROCESS_ID).hasBusinessKey(key).variables()
                .containsEntry(PromiseProcess.OWNER, "tech").containsEntry(PromiseProcess.DUE_DATE, DUE)
                .containsEntry(PromiseProcess.PROMISE_TEXT, "Please install nginx from your software list on our server");
        keepPromise(promise);

        assertThat(requirement).isEnded().hasPassed(EVENT_DONE_NOW).variables()
                .containsEntry(REQUIREMENT_OUTCOME, OUTCOME_ACCEPT_NOW).containsEntry(WORK_OUTCOME, PromiseProcess.OUTCOME_KEPT);
        assertThat(driver.letters(NORTHWIND_EMAIL, key)).hasSize(2);
        assertThat(decisionsOf(requirement)).containsExactly("service-scope", "requirement-triage");
    }

    @Test
    void shouldScheduleWithTheCommittedDateToldNowWhenTheWorkIsLarger() {
        String key = nextRequestKey();
        ProcessInstance requirement = driver.start(key, YUNFAN, YUNFAN_DATABASE, "请为我们的MySQL数据库做一次全面的性能调优");
        driver.analyse(requirement, analysis("DATABASE_SUPPORT", "database-tuning", 4, RISK_MEDIUM, false,
                "先调优最慢的十条查询", false));
        assertThat(requirement).variables().containsEntry(PROPOSED_OUTCOME, OUTCOME_SCHEDULE);
        driver.decide(requirement, decision(OUTCOME_SCHEDULE, "数据库调优属于您的数据库支持合同范围，但需要四个人天，我们安排在承诺日期前完成。",
                DUE_DATE, "2026-11-25T18:00+08:00"));
        assertThat(requirement).variables().containsEntry(DUE_DATE, DUE).containsEntry(PROMISE_OWNER, ARCHITECT_USER);
        execute(job(TASK_SEND_DECISION_LETTER, requirement));

        MimeMessage letter = onlyLetter(YUNFAN_EMAIL, key);
        assertThat(subject(letter)).startsWith("[" + key + "] 关于您需求的决定");
        assertThat(textOf(letter)).contains("我们将办理，并承诺完成日期", "2026年11月25日（星期三）18:00", "数据库支持");
        assertThat(pdfText(pdfAttachment(letter))).contains("需求决定函", "2026年11月25日 18:00");
        assertThat(requirement).isWaitingAt(CALL_DO_IT_ON_DATE);
        ProcessInstance promise = driver.called(requirement);
        assertThat(promise).variables().containsEntry(PromiseProcess.DUE_DATE, DUE)
                .containsEntry(PromiseProcess.OWNER, ARCHITECT_USER);
        keepPromise(promise);

        assertThat(requirement).isEnded().hasPassed(EVENT_DONE_ON_DATE).variables()
                .containsEntry(REQUIREMENT_OUTCOME, OUTCOME_SCHEDULE);
    }

    @Test
    void shouldRecordAnOverrideWithItsReasonInTheHistoryAndTheReport() {
        String key = nextRequestKey();
        ProcessInstance requirement = driver.start(key, NORTHWIND, NORTHWIND_RENTAL, "Please reboot our server tonight");
        driver.analyse(requirement, analysis("DEDICATED_RENTAL", "reboot", 0.1, RISK_LOW, false,
                "Reboot it in the next maintenance window.", false));
        assertThat(requirement).variables().containsEntry(PROPOSED_OUTCOME, OUTCOME_ACCEPT_NOW);

        assertThatRejected(() -> driver.decide(requirement, decision(OUTCOME_SCHEDULE, REASON, DUE_DATE, DUE)),
                OVERRIDE_REASON);
        assertThat(requirement).isWaitingAt(TASK_CONFIRM_DECISION);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM requirement_decision WHERE request_key = ?").param(key)
                .query(Long.class).single()).isZero();

        driver.decide(requirement, decision(OUTCOME_SCHEDULE, REASON, DUE_DATE, DUE,
                OVERRIDE_REASON, "A reboot tonight would hit their month-end batch run."));
        assertThat(requirement).isWaitingAt(TASK_SEND_DECISION_LETTER).variables()
                .containsEntry(DECISION, OUTCOME_SCHEDULE).containsEntry(DECISION_OVERRIDDEN, true)
                .containsEntry(OVERRIDE_REASON, "A reboot tonight would hit their month-end batch run.");
        assertThat(driver.historicValues(requirement, DECISION)).containsExactly(OUTCOME_ACCEPT_NOW, OUTCOME_SCHEDULE);
        Map<String, Object> row = jdbc.sql("SELECT * FROM requirement_decision WHERE request_key = ?").param(key)
                .query().singleRow();
        assertThat(row).containsEntry("ARCHITECT", ARCHITECT_USER).containsEntry("PROPOSED_OUTCOME", OUTCOME_ACCEPT_NOW)
                .containsEntry("DECISION", OUTCOME_SCHEDULE).containsEntry("OVERRIDDEN", true);
    }

    @Test
    void shouldRefuseThroughTheRefusalAndComeBackAsAcceptWhenTheAppealIsOverturned() {
        String key = nextRequestKey();
        ProcessInstance requirement = driver.start(key, NORTHWIND, 4L, "Install Oracle 19c on our colocated server");
        driver.analyse(requirement, analysis("COLOCATION", "other-software-install", 2, RISK_MEDIUM, false,
                "Move the database to a rented server where listed software is included.", false));
        assertThat(requirement).variables().containsEntry(CONTRACT_SCOPE, ServiceScope.OUT_OF_SCOPE)
                .containsEntry(PROPOSED_OUTCOME, OUTCOME_REFUSE_WITH_ALTERNATIVE);
        driver.decide(requirement, decision(OUTCOME_REFUSE_WITH_ALTERNATIVE,
                "Colocation covers power, rack and network only; your server's software is yours to run."));
        execute(job(TASK_SEND_DECISION_LETTER, requirement));
        assertThat(textOf(onlyLetter(NORTHWIND_EMAIL, key))).contains("We will not do this as asked",
                "Move the database to a rented server", "appeal");

        assertThat(requirement).isWaitingAt(CALL_REFUSE);
        ProcessInstance refusal = driver.called(requirement);
        assertThat(refusal).hasProcessDefinitionKey(RefusalProcess.PROCESS_ID).isWaitingAt(RefusalProcess.TASK_DRAFT_REFUSAL)
                .variables().containsEntry(RefusalProcess.ALTERNATIVE,
                        "Move the database to a rented server where listed software is included.")
                .containsEntry(RefusalProcess.REFUSED_BY, ARCHITECT_USER).containsEntry(RefusalProcess.CALLED_BY_PROCESS, true);
        draftRefusal(refusal);
        driver.complete(refusal, RefusalProcess.TASK_RECORD_ANSWER, "agent", Groups.AGENTS, Map.of(
                RefusalProcess.CUSTOMER_ANSWER, RefusalProcess.ANSWER_APPEAL,
                RefusalProcess.ANSWER_NOTE, "They need Oracle on that very server for licensing reasons."));
        driver.complete(refusal, RefusalProcess.TASK_DECIDE_APPEAL, LEAD_USER, Groups.LEADS, Map.of(
                RefusalProcess.APPEAL_DECISION, RefusalProcess.APPEAL_OVERTURN,
                RefusalProcess.APPEAL_ANSWER, "We will install it for you once, as a goodwill gesture."));
        execute(job(RefusalProcess.TASK_TELL_APPEAL_DECISION, refusal));

        assertThat(requirement).hasPassed(GATEWAY_APPEAL_OVERTURNED).isWaitingAt(TASK_PLAN_WORK).variables()
                .containsEntry(REFUSAL_OUTCOME, REFUSAL_OVERTURNED);
        assertThat(task(TASK_PLAN_WORK, requirement)).isAssignedTo(ARCHITECT_USER);
        driver.complete(requirement, TASK_PLAN_WORK, ARCHITECT_USER, Groups.ARCHITECTS, Map.of(
                PROMISE_OWNER, "tech", DUE_DATE, DUE,
                DECISION_REASON, "After your appeal we install Oracle 19c on the colocated server once."));
        assertThat(requirement).variables().containsEntry(DECISION, OUTCOME_ACCEPT_NOW);
        execute(job(TASK_SEND_ACCEPTANCE_LETTER, requirement));
        List<MimeMessage> letters = driver.letters(NORTHWIND_EMAIL, key);
        assertThat(textOf(letters.get(letters.size() - 1))).contains("We will do this now.", "After your appeal");
        keepPromise(driver.called(requirement));

        assertThat(requirement).isEnded().hasPassed(EVENT_DONE_AFTER_ALL).variables()
                .containsEntry(REQUIREMENT_OUTCOME, OUTCOME_ACCEPT_NOW);
        assertThat(driver.customerMessages(requirement)).containsExactly(TEMPLATE_DECISION, TEMPLATE_DECISION);
    }

    @Test
    void shouldReferToSalesAndDoItWhenTheCustomerAcceptsTheQuoteByEmail() {
        String key = nextRequestKey();
        ProcessInstance requirement = referredToSales(key);
        execute(job(TASK_SEND_QUOTE, requirement));
        Date answerBy = Date.from(NOW.plus(Duration.ofDays(30)));
        assertThat(requirement).isWaitingAt(TASK_RECORD_QUOTE_ANSWER).variables().containsEntry(QUOTE_ANSWER_BY, answerBy);
        assertThat(task(TASK_RECORD_QUOTE_ANSWER, requirement)).hasCandidateGroup(Groups.SALES).hasDueDate(answerBy);
        MimeMessage quote = driver.letters(YUNFAN_EMAIL, key).get(1);
        assertThat(subject(quote)).startsWith("[" + key + "] 关于您需求的报价");
        assertThat(textOf(quote)).contains("人民币 4,800.00 元", "2026年12月20日");

        driver.customerReplies(key, "我们接受报价，请安排。");
        assertThat(requirement).isWaitingAt(TASK_READ_QUOTE_REPLY);
        driver.complete(requirement, TASK_READ_QUOTE_REPLY, SALES_USER, Groups.SALES,
                Map.of(QUOTE_ANSWER, QUOTE_ACCEPTED, QUOTE_NOTE, "Accepted by e-mail from the customer's ops."));
        assertThat(requirement).isWaitingAt(TASK_PLAN_WORK);
        driver.complete(requirement, TASK_PLAN_WORK, ARCHITECT_USER, Groups.ARCHITECTS, Map.of(DUE_DATE, DUE,
                DECISION_REASON, "您已接受报价，我们的高级DBA将在承诺日期前完成慢查询调优并提交书面报告。"));
        execute(job(TASK_SEND_ACCEPTANCE_LETTER, requirement));
        keepPromise(driver.called(requirement));

        assertThat(requirement).isEnded().hasPassed(EVENT_DONE_AFTER_ALL).variables()
                .containsEntry(REQUIREMENT_OUTCOME, OUTCOME_ACCEPT_NOW).containsEntry(PROMISE_OWNER, ARCHITECT_USER);
        assertThat(driver.customerMessages(requirement))
                .containsExactly(TEMPLATE_DECISION, TEMPLATE_QUOTE, TEMPLATE_DECISION);
    }

    @Test
    void shouldEndPolitelyWhenTheCustomerDeclinesTheQuoteToSales() {
        String key = nextRequestKey();
        ProcessInstance requirement = referredToSales(key);
        execute(job(TASK_SEND_QUOTE, requirement));
        driver.complete(requirement, TASK_RECORD_QUOTE_ANSWER, SALES_USER, Groups.SALES,
                Map.of(QUOTE_ANSWER, QUOTE_OTHER, QUOTE_NOTE, "Asked whether the price includes VAT: it does."));
        assertThat(requirement).isWaitingAt(TASK_RECORD_QUOTE_ANSWER);
        driver.complete(requirement, TASK_RECORD_QUOTE_ANSWER, SALES_USER, Groups.SALES,
                Map.of(QUOTE_ANSWER, QUOTE_DECLINED, QUOTE_NOTE, "Declined by phone: no budget this year."));
        execute(job(TASK_CONFIRM_DECLINE, requirement));

        assertThat(requirement).isEnded().hasPassed(EVENT_QUOTE_DECLINED).variables()
                .containsEntry(REQUIREMENT_OUTCOME, OUTCOME_DECLINED);
        List<MimeMessage> letters = driver.letters(YUNFAN_EMAIL, key);
        assertThat(letters).hasSize(3);
        assertThat(subject(letters.get(2))).contains("感谢您对报价的答复");
    }

    @Test
    void shouldEndAsExpiredWhenTheCustomerIsSilentForThirtyDays() {
        String key = nextRequestKey();
        ProcessInstance requirement = referredToSales(key);
        execute(job(TASK_SEND_QUOTE, requirement));
        assertThat(job(EVENT_NO_QUOTE_ANSWER, requirement).getDuedate()).isEqualTo(Date.from(NOW.plus(Duration.ofDays(30))));

        ClockUtil.setCurrentTime(Date.from(NOW.plus(Duration.ofDays(30)).plusSeconds(60)));
        execute(job(EVENT_NO_QUOTE_ANSWER, requirement));

        assertThat(requirement).isEnded().hasPassed(EVENT_QUOTE_EXPIRED).variables()
                .containsEntry(REQUIREMENT_OUTCOME, OUTCOME_EXPIRED);
        assertThat(driver.letters(YUNFAN_EMAIL, key)).hasSize(2);
    }

    @Test
    void shouldRejectABadStartNamingTheFields() {
        String key = nextRequestKey();
        assertThatThrownBy(() -> driver.start(key, NORTHWIND, 5L, "short"))
                .isInstanceOf(BadUserRequestException.class)
                .hasMessageContaining(STATED_REQUEST).hasMessageContaining("serviceId 5 is not a service of customer 1");
        assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(key).count()).isZero();
    }

    @Test
    void shouldTakeANewRequestKeyWhenStartedByHandWithoutOne() {
        ProcessInstance requirement = driver.asUser("agent", Groups.AGENTS, () -> runtimeService
                .startProcessInstanceByKey(PROCESS_ID, Map.of(CUSTOMER_ID, NORTHWIND,
                        STATED_REQUEST, "Please add a DNS record for our mail server")));
        driver.started.add(requirement.getId());

        String key = (String) runtimeService.getVariable(requirement.getId(), REQUEST_KEY);
        assertThat(key).matches("REQ-2026-\\d{6}");
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(requirement.getId()).singleResult()
                .getBusinessKey()).isEqualTo(key);
    }

    @Test
    void shouldRejectAnIncompleteAnalysisAndKeepTheTaskOpen() {
        String key = nextRequestKey();
        ProcessInstance requirement = driver.start(key, NORTHWIND, null, "Please make our website faster");
        Map<String, Object> form = analysis("CLOUD_VM", "teleportation", -1, "extreme", true, "", false);
        form.remove(UNDERLYING_NEED);

        assertThatRejected(() -> driver.analyse(requirement, form), UNDERLYING_NEED, ACTIVITY, EFFORT_DAYS, RISK,
                ALTERNATIVE);
        assertThat(requirement).isWaitingAt(TASK_UNDERSTAND_NEED);
    }

    @Test
    void shouldReturnTheOutcomeToACallingProcessLikeIntake() {
        BpmnModelInstance parent = Bpmn.createExecutableProcess("requirement-test-parent").camundaHistoryTimeToLive(1)
                .startEvent()
                .callActivity("CallActivity_GuideRequirement").calledElement(PROCESS_ID)
                .camundaInBusinessKey("#{execution.processBusinessKey}")
                .camundaIn(REQUEST_KEY, REQUEST_KEY).camundaIn(CUSTOMER_ID, CUSTOMER_ID)
                .camundaIn(STATED_REQUEST, STATED_REQUEST).camundaIn(SERVICE_ID, SERVICE_ID)
                .camundaOut(REQUIREMENT_OUTCOME, REQUIREMENT_OUTCOME)
                .userTask("Task_AfterRequirement")
                .endEvent()
                .done();
        parentDeploymentId = repositoryService.createDeployment()
                .addModelInstance("requirement-test-parent.bpmn", parent).deploy().getId();
        String key = nextRequestKey();
        ProcessInstance caller = runtimeService.startProcessInstanceByKey("requirement-test-parent", key, Map.of(
                REQUEST_KEY, key, CUSTOMER_ID, NORTHWIND, SERVICE_ID, NORTHWIND_RENTAL,
                STATED_REQUEST, "Please restart our rented server during the weekend"));
        driver.started.add(caller.getId());
        ProcessInstance requirement = driver.called(caller);
        assertThat(requirement).hasProcessDefinitionKey(PROCESS_ID).hasBusinessKey(key).isWaitingAt(TASK_UNDERSTAND_NEED)
                .variables().containsEntry(SERVICE_TYPE, "DEDICATED_RENTAL");

        driver.analyse(requirement, analysis("DEDICATED_RENTAL", "reboot", 1, RISK_HIGH, false,
                "Restart it in the next maintenance window.", false));
        driver.decide(requirement, decision(OUTCOME_SCHEDULE, "A restart of your production server is included; we plan it for the maintenance window.",
                DUE_DATE, DUE));
        execute(job(TASK_SEND_DECISION_LETTER, requirement));
        keepPromise(driver.called(requirement));

        assertThat(requirement).isEnded();
        assertThat(caller).isWaitingAt("Task_AfterRequirement").variables()
                .containsEntry(REQUIREMENT_OUTCOME, OUTCOME_SCHEDULE);
    }

    @Test
    void shouldKeepConstantsInStepWithTheModel() {
        BpmnModelInstance model = deployedModel(repositoryService, PROCESS_ID);
        List<String> elementIds = elementIdConstants(RequirementProcess.class);
        assertEveryFlowNodeHasItsConstant(model, elementIds);
        assertThat(model.getModelElementsByType(Message.class)).extracting(Message::getName)
                .containsExactly(MESSAGE_CUSTOMER_REPLIED);
        assertThat(model.getModelElementsByType(UserTask.class)).extracting(UserTask::getCamundaFormRef)
                .containsOnly(FORM_ANALYSIS, FORM_DECISION, FORM_PLAN, FORM_QUOTE, FORM_QUOTE_ANSWER);
        assertThat(model.getModelElementsByType(StartEvent.class)).extracting(StartEvent::getCamundaFormRef)
                .containsExactly(FORM_START);
    }

    // helpers

    /** Yunfan's paid database work: referred to sales, the letter sent, the quote prepared. */
    private ProcessInstance referredToSales(String key) {
        ProcessInstance requirement = driver.start(key, YUNFAN, YUNFAN_DATABASE, "请帮我们排查ERP应用在数据库上的慢查询问题");
        driver.analyse(requirement, analysis("DATABASE_SUPPORT", "application-debugging", 2, RISK_LOW, true,
                "客户自行使用慢查询日志排查", false));
        assertThat(requirement).variables().containsEntry(CONTRACT_SCOPE, ServiceScope.PAID)
                .containsEntry(PROPOSED_OUTCOME, OUTCOME_REFER_TO_SALES);
        driver.decide(requirement, decision(OUTCOME_REFER_TO_SALES, "排查应用在数据库上的问题属于付费服务，您已表示愿意付费，由销售团队报价。"));
        execute(job(TASK_SEND_DECISION_LETTER, requirement));
        assertThat(textOf(onlyLetter(YUNFAN_EMAIL, key))).contains("我们的销售团队将向您发送报价");
        assertThat(requirement).isWaitingAt(TASK_PREPARE_QUOTE);
        assertThat(task(TASK_PREPARE_QUOTE, requirement)).hasCandidateGroup(Groups.SALES);
        driver.complete(requirement, TASK_PREPARE_QUOTE, SALES_USER, Groups.SALES, Map.of(
                QUOTE_TEXT, "两个人天的高级DBA服务：分析最慢的20条查询，调整索引和统计信息，并提交书面报告。",
                QUOTE_PRICE, 4800L));
        assertThat(requirement).isWaitingAt(TASK_SEND_QUOTE).variables().containsEntry(QUOTE_PRICE, 4800.0);
        return requirement;
    }

    private void draftRefusal(ProcessInstance refusal) {
        Map<String, Object> form = new HashMap<>();
        form.put(RefusalProcess.REASON_CATEGORY, RefusalProcess.REASON_OUT_OF_SCOPE);
        form.put(RefusalProcess.EXPLANATION, "Colocation covers power, rack space and network; the software is yours.");
        form.put(RefusalProcess.ALTERNATIVE, "Move the database to a rented server where listed software is included.");
        form.put(RefusalProcess.REFERRAL, "");
        driver.complete(refusal, RefusalProcess.TASK_DRAFT_REFUSAL, ARCHITECT_USER, Groups.ARCHITECTS, form);
        execute(job(RefusalProcess.TASK_SEND_REFUSAL_LETTER, refusal));
    }

    private void keepPromise(ProcessInstance promise) {
        String owner = (String) runtimeService.getVariable(promise.getId(), PromiseProcess.OWNER);
        driver.complete(promise, PromiseProcess.TASK_KEEP_PROMISE, owner, Groups.TECH, Map.of(
                PromiseProcess.OUTCOME, PromiseProcess.OUTCOME_KEPT, PromiseProcess.RESULT_TEXT, "Done as promised, checked with you."));
        execute(job(PromiseProcess.TASK_TELL_CUSTOMER_OUTCOME, promise));
    }

    private MimeMessage onlyLetter(String address, String key) {
        List<MimeMessage> letters = driver.letters(address, key);
        assertThat(letters).hasSize(1);
        return letters.get(0);
    }

    private List<String> decisionsOf(ProcessInstance instance) {
        return historyService.createHistoricDecisionInstanceQuery().processInstanceId(instance.getId())
                .orderByEvaluationTime().asc().list().stream().map(HistoricDecisionInstance::getDecisionDefinitionKey).toList();
    }
}

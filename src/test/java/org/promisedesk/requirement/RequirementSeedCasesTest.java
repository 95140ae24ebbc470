package org.promisedesk.requirement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.promisedesk.platform.ProcessTestSupport.subject;
import static org.promisedesk.platform.ProcessTestSupport.textOf;
import static org.promisedesk.requirement.RequirementDriver.ARCHITECT_USER;
import static org.promisedesk.requirement.RequirementDriver.analysis;
import static org.promisedesk.requirement.RequirementDriver.decision;
import static org.promisedesk.requirement.RequirementDriver.nextRequestKey;
import static org.promisedesk.requirement.RequirementDriver.pdfAttachment;
import static org.promisedesk.requirement.RequirementDriver.pdfFileName;
import static org.promisedesk.requirement.RequirementDriver.pdfText;
import static org.promisedesk.requirement.RequirementProcess.*;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.promisedesk.mail.TestMailServer;
import org.promisedesk.platform.EngineTest;
import org.promisedesk.platform.Groups;
import org.promisedesk.promise.PromiseProcess;
import org.promisedesk.refusal.RefusalProcess;
import org.springframework.beans.factory.annotation.Autowired;

import jakarta.mail.internet.MimeMessage;

/**
 * The four field cases of the spec (§2) end to end: each real need is found, the triage refuses
 * with a better alternative, the customer gets a decision letter with a PDF that opens, the
 * refusal runs its course and the requirement ends refused with an alternative.
 */
@EngineTest
class RequirementSeedCasesTest {

    private static final Instant NOW = Instant.parse("2026-11-20T01:00:00Z");

    @Autowired private ProcessEngine processEngine;
    @Autowired private RuntimeService runtimeService;
    @Autowired private TaskService taskService;
    @Autowired private HistoryService historyService;
    @Autowired private IdentityService identityService;
    @Autowired private TestMailServer mail;

    private RequirementDriver driver;

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
    }

    /** (1) A VM's internal bandwidth 1G → 4G; the real need is one high-traffic application. */
    @Test
    void shouldOfferALoadBalancerAndSeveralVmsInsteadOfFourGigabitsForOneVm() {
        String key = nextRequestKey();
        String alternative = "A load balancer in front of three VMs that share the application's traffic, each with its own 1 Gbit/s.";
        ProcessInstance requirement = driver.start(key, 1L, 3L,
                "Raise the internal bandwidth of our cloud VM from 1 Gbit/s to 4 Gbit/s");
        Map<String, Object> form = analysis("CLOUD_VM", "network", 10, RISK_HIGH, false, alternative, true);
        form.put(UNDERLYING_NEED, "One high-traffic web application saturates the VM's network at peak times.");
        MimeMessage letter = refuseAsProposed(requirement, key, "it@northwind.example", form,
                "A single VM's bandwidth is fixed by the platform; spreading the application over several VMs removes the bottleneck and also survives a VM failure.");
        assertThat(textOf(letter)).contains("One high-traffic web application", "load balancer", "We will not do this as asked");

        ProcessInstance refusal = draftRefusal(requirement, RefusalProcess.REASON_NOT_POSSIBLE,
                "Our platform gives every VM the same 1 Gbit/s internal link; it cannot be raised for one VM.");
        driver.customerReplies(key, "OK, please set up the load balancer.");
        driver.complete(refusal, RefusalProcess.TASK_READ_REPLY, "agent", Groups.AGENTS, Map.of(
                RefusalProcess.CUSTOMER_ANSWER, RefusalProcess.ANSWER_ACCEPT_ALTERNATIVE,
                RefusalProcess.ANSWER_NOTE, "They take the load balancer."));
        execute(job(RefusalProcess.TASK_CONFIRM_ALTERNATIVE, refusal));
        keepPromise(driver.called(refusal));

        assertRefused(requirement, RefusalProcess.OUTCOME_ALTERNATIVE_ACCEPTED);
    }

    /** (2) An operator wants per-customer discounts; there is no development slot. */
    @Test
    void shouldOfferTopUpBonusesInsteadOfPerCustomerDiscountsWithoutADevelopmentSlot() {
        String key = nextRequestKey();
        String alternative = "使用平台已有的充值赠送活动（例如充值一万元赠送八百元），为重要的下游客户提供优惠。";
        ProcessInstance requirement = driver.start(key, 13L, 35L, "希望在计费系统中为我们的每个下游客户单独设置折扣");
        Map<String, Object> form = analysis("VIRTUAL_HOST", "custom-development", 20, RISK_MEDIUM, false, alternative, true);
        form.put(UNDERLYING_NEED, "给重要的下游客户更优惠的价格，以留住他们。");
        MimeMessage letter = refuseAsProposed(requirement, key, "noc@qiming-net.example.cn", form,
                "逐客户折扣需要开发计费系统，而近期没有开发排期；充值赠送现在就能实现同样的优惠效果。");
        assertThat(subject(letter)).contains("关于您需求的决定");
        assertThat(textOf(letter)).contains("充值赠送", "我们不按原需求办理");

        draftRefusal(requirement, RefusalProcess.REASON_OUT_OF_SCOPE,
                "为单个客户开发折扣功能不在虚拟主机合同范围之内，近期也没有开发排期。");
        ProcessInstance refusal = driver.called(requirement);
        Date deadline = (Date) runtimeService.getVariable(refusal.getId(), RefusalProcess.ANSWER_BY);
        ClockUtil.setCurrentTime(Date.from(deadline.toInstant().plus(Duration.ofMinutes(1))));
        execute(job(RefusalProcess.EVENT_NO_ANSWER_IN_TIME, refusal));

        assertRefused(requirement, RefusalProcess.OUTCOME_ACCEPTED_BY_SILENCE);
    }

    /** (3) Long-term resident senior engineers at the customer's site. */
    @Test
    void shouldOfferRemoteSeniorSupportAndAMonthlyInspectionInsteadOfResidentEngineers() {
        String key = nextRequestKey();
        String alternative = "远程高级工程师支持（7×24 小时响应），加上一套由贵方团队自行执行的月度巡检流程和检查清单。";
        ProcessInstance requirement = driver.start(key, 4L, 12L, "希望长期派驻两名高级数据库工程师在我们公司现场");
        Map<String, Object> form = analysis("DATABASE_SUPPORT", "resident-engineer", 250, RISK_MEDIUM, false, alternative, false);
        form.put(UNDERLYING_NEED, "数据库出问题时能立刻找到懂行的人，并及早发现隐患。");
        MimeMessage letter = refuseAsProposed(requirement, key, "dba@huaxin-data.example.cn", form,
                "任何合同都不包含长期驻场工程师；远程高级支持加上贵方自行执行的月度巡检，能更快响应并及早发现隐患。");
        assertThat(textOf(letter)).contains("月度巡检", "合同范围：不在您的合同范围之内");

        ProcessInstance refusal = draftRefusal(requirement, RefusalProcess.REASON_OUT_OF_SCOPE,
                "长期驻场工程师不在任何数据库支持合同的范围之内，我们提供远程高级支持和现场巡检。");
        driver.complete(refusal, RefusalProcess.TASK_RECORD_ANSWER, "agent", Groups.AGENTS, Map.of(
                RefusalProcess.CUSTOMER_ANSWER, RefusalProcess.ANSWER_ACCEPTED,
                RefusalProcess.ANSWER_NOTE, "客户来电表示理解并接受该决定。"));

        assertRefused(requirement, RefusalProcess.OUTCOME_ACCEPTED);
    }

    /** (4) "The cheapest bandwidth" for uploading logs that are not core business. */
    @Test
    void shouldOfferObjectStorageInsteadOfTheCheapestBandwidthForLogUploads() {
        String key = nextRequestKey();
        String alternative = "Upload the logs to our object storage in the same data centre: no bandwidth to buy, pay per GB stored.";
        ProcessInstance requirement = driver.start(key, 5L, 15L,
                "We want the cheapest bandwidth you have, only for uploading our logs");
        Map<String, Object> form = analysis("CLOUD_VM", "network", 1, RISK_LOW, true, alternative, true);
        form.put(UNDERLYING_NEED, "Keep application logs somewhere cheap; they are not core business and not urgent.");
        MimeMessage letter = refuseAsProposed(requirement, key, "ops@contoso-analytics.example", form,
                "Logs that are not time-critical do not need a network link of their own; object storage keeps them cheaper and safer.");
        assertThat(textOf(letter)).contains("object storage", "not core business");

        ProcessInstance refusal = draftRefusal(requirement, RefusalProcess.REASON_COST_OUT_OF_PROPORTION,
                "A separate cheap link would cost you more each month than storing the logs where they already are.");
        driver.complete(refusal, RefusalProcess.TASK_RECORD_ANSWER, "agent", Groups.AGENTS, Map.of(
                RefusalProcess.CUSTOMER_ANSWER, RefusalProcess.ANSWER_ACCEPT_ALTERNATIVE,
                RefusalProcess.ANSWER_NOTE, "Called: object storage is fine."));
        execute(job(RefusalProcess.TASK_CONFIRM_ALTERNATIVE, refusal));
        keepPromise(driver.called(refusal));

        assertRefused(requirement, RefusalProcess.OUTCOME_ALTERNATIVE_ACCEPTED);
    }

    // helpers

    /** Analysis, a proposal to refuse confirmed as proposed, the letter sent: the letter with its PDF checked. */
    private MimeMessage refuseAsProposed(ProcessInstance requirement, String key, String email,
            Map<String, Object> analysis, String reason) {
        driver.analyse(requirement, analysis);
        assertThat(requirement).isWaitingAt(TASK_CONFIRM_DECISION).variables()
                .containsEntry(PROPOSED_OUTCOME, OUTCOME_REFUSE_WITH_ALTERNATIVE);
        driver.decide(requirement, decision(OUTCOME_REFUSE_WITH_ALTERNATIVE, reason));
        assertThat(requirement).variables().containsEntry(DECISION_OVERRIDDEN, false);
        execute(job(TASK_SEND_DECISION_LETTER, requirement));

        List<MimeMessage> letters = driver.letters(email, key);
        assertThat(letters).hasSize(1);
        MimeMessage letter = letters.get(0);
        assertThat(textOf(letter)).contains(reason, (String) analysis.get(ALTERNATIVE));
        assertThat(pdfFileName(letter)).endsWith(key + ".pdf");
        String pdf = pdfText(pdfAttachment(letter)).replaceAll("\\s+", "");
        assertThat(pdf).contains(key, ((String) analysis.get(UNDERLYING_NEED)).replaceAll("\\s+", "").substring(0, 12));
        return letter;
    }

    /** The refusal the requirement called: drafted by the architect with the alternative pre-filled, its letter sent. */
    private ProcessInstance draftRefusal(ProcessInstance requirement, String category, String explanation) {
        assertThat(requirement).isWaitingAt(CALL_REFUSE);
        ProcessInstance refusal = driver.called(requirement);
        Object alternative = runtimeService.getVariable(requirement.getId(), ALTERNATIVE);
        assertThat(refusal).isWaitingAt(RefusalProcess.TASK_DRAFT_REFUSAL).variables()
                .containsEntry(RefusalProcess.ALTERNATIVE, alternative).containsEntry(RefusalProcess.REFUSED_BY, ARCHITECT_USER);
        Map<String, Object> form = new HashMap<>();
        form.put(RefusalProcess.REASON_CATEGORY, category);
        form.put(RefusalProcess.EXPLANATION, explanation);
        form.put(RefusalProcess.ALTERNATIVE, alternative);
        form.put(RefusalProcess.REFERRAL, "");
        driver.complete(refusal, RefusalProcess.TASK_DRAFT_REFUSAL, ARCHITECT_USER, Groups.ARCHITECTS, form);
        execute(job(RefusalProcess.TASK_SEND_REFUSAL_LETTER, refusal));
        return refusal;
    }

    private void keepPromise(ProcessInstance promise) {
        driver.complete(promise, PromiseProcess.TASK_KEEP_PROMISE, ARCHITECT_USER, Groups.ARCHITECTS, Map.of(
                PromiseProcess.OUTCOME, PromiseProcess.OUTCOME_KEPT, PromiseProcess.RESULT_TEXT, "The alternative is in place and working."));
        execute(job(PromiseProcess.TASK_TELL_CUSTOMER_OUTCOME, promise));
    }

    private void assertRefused(ProcessInstance requirement, String refusalOutcome) {
        assertThat(requirement).isEnded().hasPassed(EVENT_REFUSED).variables()
                .containsEntry(REQUIREMENT_OUTCOME, OUTCOME_REFUSE_WITH_ALTERNATIVE)
                .containsEntry(REFUSAL_OUTCOME, refusalOutcome);
    }
}

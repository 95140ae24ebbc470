package org.promisedesk.icp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.promisedesk.icp.IcpFilingProcess.*;
import static org.promisedesk.platform.ProcessTestSupport.assertEachNamesAFlowNode;
import static org.promisedesk.platform.ProcessTestSupport.assertEveryFlowNodeHasItsConstant;
import static org.promisedesk.platform.ProcessTestSupport.deployedModel;
import static org.promisedesk.platform.ProcessTestSupport.elementIdConstants;
import static org.promisedesk.platform.ProcessTestSupport.subject;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Message;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.promisedesk.icp.IcpFixtures.TestCustomer;
import org.promisedesk.mail.TestMailServer;
import org.promisedesk.platform.EngineTest;
import org.promisedesk.platform.Groups;
import org.promisedesk.platform.ProcessTestSupport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import jakarta.mail.internet.MimeMessage;

/** Every path of the ICP filing, with the clock moved and the e-mails read at GreenMail. */
@EngineTest
class IcpFilingProcessTest {

    /** Friday 20 November 2026, 09:00 in Shanghai. */
    private static final Instant NOW = Instant.parse("2026-11-20T01:00:00Z");
    private static final String AGENT = "agent";
    private static final AtomicInteger KEYS = new AtomicInteger();

    @Autowired ProcessEngine processEngine;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired HistoryService historyService;
    @Autowired RepositoryService repositoryService;
    @Autowired IdentityService identityService;
    @Autowired JdbcClient jdbc;
    @Autowired PhotoUploads photoUploads;
    @Autowired TestMailServer mail;

    private final List<String> started = new ArrayList<>();
    private final List<TestCustomer> customers = new ArrayList<>();
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
        started.forEach(id -> runtimeService.deleteProcessInstanceIfExists(id, "test over", false, true, true, false));
        if (parentDeploymentId != null) {
            repositoryService.deleteDeployment(parentDeploymentId, true, true);
        }
        customers.forEach(customer -> IcpFixtures.remove(jdbc, customer));
    }

    @Test
    void shouldTakeCleanMaterialsThroughReviewPhotoAndSubmissionToTheIcpNumber() {
        TestCustomer customer = customer("zh-CN");
        String key = nextKey();
        ProcessInstance filing = start(IcpFixtures.materials(customer, key));

        assertThat(filing).hasBusinessKey(key).isWaitingAt(TASK_REVIEW_MATERIALS).variables()
                .containsEntry(MATERIALS_VALID, true).containsEntry(HOSTING_IP, "192.0.2.201")
                .containsEntry(PHOTO_ACCEPTED, false).containsEntry(CORRECTION_ITEMS, "");
        assertThat(task(TASK_REVIEW_MATERIALS, filing)).hasCandidateGroup(Groups.AGENTS);
        long filingId = filingId(filing);
        assertThat(heldDomains(filingId)).containsExactly(customer.domain());

        review(filing, REVIEW_APPROVE, null);
        askForPhotoAndUpload(filing, filingId);
        checkPhoto(filing, PHOTO_ACCEPT, null);
        submit(filing, "3100002026112000123");

        assertThat(filing).isWaitingAt(EVENT_STATUS_CHECK_DUE);
        Date nextCheck = (Date) runtimeService.getVariable(filing.getId(), NEXT_STATUS_CHECK_AT);
        assertThat(nextCheck).as("5 business days: next Friday").isEqualTo(Date.from(NOW.plus(Duration.ofDays(7))));
        assertThat(filingState(filingId)).isEqualTo("SUBMITTED");
        statusCheck(filing, Map.of(FILING_STATUS, STATUS_APPROVED, ICP_NUMBER, " 沪ICP备2026001234号－1 "));

        execute(job(TASK_TELL_CUSTOMER_APPROVED, filing));
        assertThat(filing).isEnded().hasPassed(EVENT_FILING_APPROVED).variables()
                .containsEntry(FILING_OUTCOME, OUTCOME_APPROVED).containsEntry(ICP_NUMBER, "沪ICP备2026001234号-1")
                .containsEntry(SERVICES_UPDATED, 2);
        assertThat(icpNumberOf(customer.hostingId())).isEqualTo("沪ICP备2026001234号-1");
        assertThat(icpNumberOf(customer.domainServiceId())).isEqualTo("沪ICP备2026001234号-1");
        assertThat(filingState(filingId)).isEqualTo("APPROVED");
        assertThat(heldDomains(filingId)).as("an approved filing holds no domains").isEmpty();
        assertThat(templatesSent(filing)).containsExactly(TEMPLATE_PHOTO_REQUEST, TEMPLATE_SUBMITTED, TEMPLATE_APPROVED);

        List<MimeMessage> letters = mail.messagesTo(customer.email());
        assertThat(letters).extracting(ProcessTestSupport::subject).containsExactly(
                "[" + key + "] ICP备案（海港茶业）：请提供核验照片",
                "[" + key + "] ICP备案（海港茶业）已提交管局审核",
                "[" + key + "] 网站备案成功：沪ICP备2026001234号-1");
        assertThat(IcpFixtures.part(letters.get(1), "text/plain")).contains("3100002026112000123", "13912345678",
                "24 小时");
        assertThat(IcpFixtures.part(letters.get(2), "text/plain")).contains("https://beian.miit.gov.cn/",
                "<a href=\"https://beian.miit.gov.cn/\" target=\"_blank\">沪ICP备2026001234号-1</a>");
        assertThat(IcpFixtures.part(letters.get(2), "text/html"))
                .contains("&lt;a href=&quot;https://beian.miit.gov.cn/&quot; target=&quot;_blank&quot;&gt;沪ICP备2026001234号-1&lt;/a&gt;");
    }

    @Test
    void shouldAskForCorrectionsFieldByFieldAndGoOnWithTheCorrectedMaterials() {
        TestCustomer customer = customer("en");
        String key = nextKey();
        Map<String, Object> materials = IcpFixtures.materials(customer, key);
        materials.put(CERTIFICATE_NUMBER, CheckDigits.wrongLast(IcpFixtures.USCC, CreditCodes.CHARSET));
        materials.put(RESPONSIBLE_MOBILE, "1391234567");
        materials.remove(WEBSITE_NAME);
        ProcessInstance filing = start(materials);

        assertThat(filing).isWaitingAt(TASK_ASK_FOR_CORRECTIONS).variables().containsEntry(MATERIALS_VALID, false)
                .containsEntry(CORRECTION_REASON, REASON_INVALID)
                .containsEntry(CORRECTION_ITEMS, "certificateNumber|check-digit\nresponsibleMobile|not-a-mobile|1391234567"
                        + "\nwebsiteName|required")
                .containsEntry(REPLY_DUE_AT, Date.from(NOW.plus(Duration.ofDays(30))))
                .containsEntry(FIRST_REMINDER_AT, Date.from(NOW.plus(Duration.ofDays(3))))
                .containsEntry(SECOND_REMINDER_AT, Date.from(NOW.plus(Duration.ofDays(7))));
        assertThat((String) runtimeService.getVariable(filing.getId(), MATERIAL_PROBLEMS)).contains(
                "- certificateNumber has a wrong check character", "- responsibleMobile '1391234567' is not a mainland",
                "- websiteName is required");
        execute(job(TASK_ASK_FOR_CORRECTIONS, filing));

        MimeMessage letter = onlyLetter(customer);
        assertThat(subject(letter)).isEqualTo("[" + key + "] Your ICP filing: some details need correcting");
        assertThat(IcpFixtures.part(letter, "text/plain")).contains(
                "- Certificate number: does not pass its check: probably a character was mistyped.",
                "- Mobile number of the person responsible: “1391234567” is not a mainland China mobile number",
                "- Website name: missing.",
                "If we have not heard from you by Sunday 20 December 2026");
        assertThat(IcpFixtures.part(letter, "text/html")).contains("<strong><span>Website name</span></strong>:");

        assertThat(filing).isWaitingAt(TASK_ENTER_CORRECTIONS, EVENT_FIRST_CORRECTION_REMINDER_DUE);
        enterCorrections(filing, TASK_ENTER_CORRECTIONS, Map.of(CERTIFICATE_NUMBER, IcpFixtures.USCC,
                RESPONSIBLE_MOBILE, "139 1234 5678", WEBSITE_NAME, "Harbour Tea"));

        assertThat(filing).isWaitingAt(TASK_REVIEW_MATERIALS).variables().containsEntry(MATERIALS_VALID, true)
                .containsEntry(RESPONSIBLE_MOBILE, "13912345678").containsEntry(CORRECTION_ITEMS, "");
        assertThat(runtimeService.createEventSubscriptionQuery().processInstanceId(filing.getId()).count())
                .as("no reminder timers or reply subscription left").isZero();
        assertThat(processEngine.getManagementService().createJobQuery().processInstanceId(filing.getId()).count()).isZero();
    }

    @Test
    void shouldAskForCorrectionsTwiceWhenTheEmailedReplyIsStillWrong() {
        TestCustomer customer = customer("zh-CN");
        String key = nextKey();
        Map<String, Object> materials = IcpFixtures.materials(customer, key);
        materials.put(DOMAINS, "www.elsewhere-" + customer.id() + ".example.cn");
        ProcessInstance filing = start(materials);
        execute(job(TASK_ASK_FOR_CORRECTIONS, filing));
        assertThat(IcpFixtures.part(onlyLetter(customer), "text/plain")).contains(
                "网站域名：www.elsewhere-" + customer.id() + ".example.cn 不在您在我司的有效服务中");

        replyByEmail(key, "域名写错了，应该是 " + customer.domain() + "，另外网站名称改为 http://tea");
        assertThat(filing).isWaitingAt(TASK_ENTER_REPLIED_CORRECTIONS).variables()
                .containsEntry(REPLY_TEXT, "域名写错了，应该是 " + customer.domain() + "，另外网站名称改为 http://tea");
        assertThat(task(TASK_ENTER_REPLIED_CORRECTIONS, filing)).hasCandidateGroup(Groups.AGENTS);
        enterCorrections(filing, TASK_ENTER_REPLIED_CORRECTIONS,
                Map.of(DOMAINS, customer.domain() + ", http://tea.example.cn"));

        assertThat(filing).isWaitingAt(TASK_ASK_FOR_CORRECTIONS).variables()
                .containsEntry(CORRECTION_ITEMS, "domains|not-a-domain|http://tea.example.cn")
                .doesNotContainKeys(REPLY_TEXT);
        execute(job(TASK_ASK_FOR_CORRECTIONS, filing));
        List<MimeMessage> letters = mail.messagesTo(customer.email());
        assertThat(letters).hasSize(2);
        assertThat(IcpFixtures.part(letters.get(1), "text/plain"))
                .contains("网站域名：“http://tea.example.cn”不是有效的域名。");
        assertThat(heldDomains(filingId(filing))).containsExactly(customer.domain());

        enterCorrections(filing, TASK_ENTER_CORRECTIONS, Map.of(DOMAINS, customer.domain()));
        assertThat(filing).isWaitingAt(TASK_REVIEW_MATERIALS);
        assertThat(templatesSent(filing)).containsExactly("icp-corrections-invalid", "icp-corrections-invalid");
    }

    @Test
    void shouldRemindAfterThreeAndSevenDaysAndAbandonAfterThirty() {
        TestCustomer customer = customer("en");
        String key = nextKey();
        Map<String, Object> materials = IcpFixtures.materials(customer, key);
        materials.remove(RESPONSIBLE_ID_NUMBER);
        ProcessInstance filing = start(materials);
        long filingId = filingId(filing);
        execute(job(TASK_ASK_FOR_CORRECTIONS, filing));

        moveClock(Duration.ofDays(3).plusMinutes(1));
        execute(job(EVENT_FIRST_CORRECTION_REMINDER_DUE, filing));
        execute(job(TASK_REMIND_CORRECTIONS_FIRST, filing));
        moveClock(Duration.ofDays(7).plusMinutes(1));
        execute(job(EVENT_SECOND_CORRECTION_REMINDER_DUE, filing));
        execute(job(TASK_REMIND_CORRECTIONS_SECOND, filing));
        assertThat(filing).isWaitingAt(TASK_ENTER_CORRECTIONS);
        assertThat(job(EVENT_CORRECTIONS_OVERDUE, filing).getDuedate()).isEqualTo(Date.from(NOW.plus(Duration.ofDays(30))));

        moveClock(Duration.ofDays(30).plusMinutes(1));
        execute(job(EVENT_CORRECTIONS_OVERDUE, filing));
        assertThat(filing).hasPassed(EVENT_CORRECTIONS_OVERDUE, TASK_CLOSE_ABANDONED_FILING)
                .isWaitingAt(TASK_TELL_CUSTOMER_ABANDONED);
        execute(job(TASK_TELL_CUSTOMER_ABANDONED, filing));

        assertThat(filing).isEnded().hasPassed(EVENT_FILING_ABANDONED).variables()
                .containsEntry(FILING_OUTCOME, OUTCOME_ABANDONED).containsEntry(WAITING_FOR, WAITING_FOR_CORRECTIONS);
        assertThat(filingState(filingId)).isEqualTo("ABANDONED");
        assertThat(heldDomains(filingId)).isEmpty();
        assertThat(historyService.createHistoricTaskInstanceQuery().processInstanceId(filing.getId())
                .taskDefinitionKey(TASK_ENTER_CORRECTIONS).singleResult().getDeleteReason()).isEqualTo("deleted");
        assertThat(mail.messagesTo(customer.email()).stream().map(ProcessTestSupport::subject)
                .map(subject -> subject.replace("[" + key + "] ", ""))).containsExactly(
                "Your ICP filing: some details need correcting",
                "Reminder: your ICP filing is waiting for your corrections",
                "Reminder: your ICP filing is waiting for your corrections",
                "Your ICP filing is closed: no reply received");
        assertThat(IcpFixtures.part(mail.messagesTo(customer.email()).get(3), "text/plain"))
                .contains("We asked you for the corrections to the filing materials for your website 海港茶业");
    }

    @Test
    void shouldSendBackFromReviewWithCommentsAndReviewAgain() {
        TestCustomer customer = customer("zh-CN");
        ProcessInstance filing = start(IcpFixtures.materials(customer, nextKey()));

        assertRejected(() -> asAgent(() -> taskService.complete(task(TASK_REVIEW_MATERIALS, filing).getId(),
                Map.of(REVIEW_DECISION, REVIEW_SEND_BACK, REVIEW_COMMENTS, "no"))), "reviewComments is required");
        assertRejected(() -> asAgent(() -> taskService.complete(task(TASK_REVIEW_MATERIALS, filing).getId(),
                Map.of(REVIEW_DECISION, "maybe"))), "reviewDecision is required");
        review(filing, REVIEW_SEND_BACK, "  网站名称“海港茶业”与主办单位经营范围不符，请改为“海港茶业商城”。 ");

        assertThat(filing).isWaitingAt(TASK_ASK_FOR_CORRECTIONS).variables()
                .containsEntry(CORRECTION_REASON, REASON_SENT_BACK)
                .containsEntry(REVIEW_COMMENTS, "网站名称“海港茶业”与主办单位经营范围不符，请改为“海港茶业商城”。");
        execute(job(TASK_ASK_FOR_CORRECTIONS, filing));
        MimeMessage letter = onlyLetter(customer);
        assertThat(subject(letter)).endsWith("ICP备案（海港茶业）提交前需要修改");
        assertThat(IcpFixtures.part(letter, "text/plain")).contains("请改为“海港茶业商城”");

        enterCorrections(filing, TASK_ENTER_CORRECTIONS, Map.of(WEBSITE_NAME, "海港茶业商城"));
        assertThat(filing).isWaitingAt(TASK_REVIEW_MATERIALS).variables()
                .doesNotContainKeys(REVIEW_DECISION, REVIEW_COMMENTS).containsEntry(WEBSITE_NAME, "海港茶业商城");
        review(filing, REVIEW_APPROVE, null);
        assertThat(filing).isWaitingAt(TASK_ASK_FOR_PHOTO);
    }

    @Test
    void shouldGoBackToCorrectionsWhenTheAuthorityRejectsAndResubmitWithoutANewPhoto() {
        TestCustomer customer = customer("zh-CN");
        ProcessInstance filing = start(IcpFixtures.materials(customer, nextKey()));
        long filingId = filingId(filing);
        review(filing, REVIEW_APPROVE, null);
        askForPhotoAndUpload(filing, filingId);
        checkPhoto(filing, PHOTO_ACCEPT, null);
        submit(filing, "3100002026112000123");

        assertRejected(() -> statusCheck(filing, Map.of(FILING_STATUS, STATUS_REJECTED)), "rejectionReasons is required");
        assertRejected(() -> statusCheck(filing, Map.of(FILING_STATUS, STATUS_APPROVED, ICP_NUMBER, "ICP 123")),
                "icpNumber 'ICP 123' is not one");
        statusCheck(filing, Map.of(FILING_STATUS, STATUS_REJECTED, REJECTION_REASONS,
                "主办单位负责人手机号码未完成短信核验，请更换为本人实名登记的手机号码。"));

        // Link events ("Back to corrections") leave no trace in the history; the steps around them do.
        assertThat(filing).hasPassed(TASK_RECORD_REJECTION, GATEWAY_CORRECTIONS_NEEDED, TASK_SET_CORRECTION_DEADLINE)
                .isWaitingAt(TASK_ASK_FOR_CORRECTIONS).variables().containsEntry(CORRECTION_REASON, REASON_REJECTED)
                .containsEntry(PHOTO_ACCEPTED, true).doesNotContainKeys(SUBMISSION_NUMBER);
        assertThat(filingState(filingId)).isEqualTo("OPEN");
        assertThat(heldDomains(filingId)).as("a rejected filing keeps its domains").containsExactly(customer.domain());
        execute(job(TASK_ASK_FOR_CORRECTIONS, filing));
        MimeMessage rejected = mail.messagesTo(customer.email()).get(2);
        assertThat(subject(rejected)).endsWith("ICP备案（海港茶业）未通过管局审核，需要修改");
        assertThat(IcpFixtures.part(rejected, "text/plain")).contains("请更换为本人实名登记的手机号码");

        enterCorrections(filing, TASK_ENTER_CORRECTIONS, Map.of(RESPONSIBLE_MOBILE, "13812345678"));
        review(filing, REVIEW_APPROVE, null);
        assertThat(filing).hasPassed(GATEWAY_READY_TO_SUBMIT).isWaitingAt(TASK_SUBMIT_FILING);
        submit(filing, "3100002026112700456");
        statusCheck(filing, Map.of(FILING_STATUS, STATUS_APPROVED, ICP_NUMBER, "沪ICP备2026001235号-1"));
        execute(job(TASK_TELL_CUSTOMER_APPROVED, filing));

        assertThat(filing).isEnded().variables().containsEntry(FILING_OUTCOME, OUTCOME_APPROVED);
        assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(filing.getId())
                .activityId(TASK_CHECK_PHOTO).count()).as("the accepted photo was kept").isEqualTo(1);
        assertThat(templatesSent(filing)).containsExactly(TEMPLATE_PHOTO_REQUEST, TEMPLATE_SUBMITTED,
                "icp-corrections-rejected", TEMPLATE_SUBMITTED, TEMPLATE_APPROVED);
        assertThat(icpNumberOf(customer.hostingId())).isEqualTo("沪ICP备2026001235号-1");
    }

    @Test
    void shouldCheckTheStatusEveryFiveBusinessDaysAndAlertLeadsAfterTwenty() {
        TestCustomer customer = customer("zh-CN");
        ProcessInstance filing = start(IcpFixtures.materials(customer, nextKey()));
        review(filing, REVIEW_APPROVE, null);
        askForPhotoAndUpload(filing, filingId(filing));
        checkPhoto(filing, PHOTO_ACCEPT, null);
        submit(filing, "3100002026112000123");
        assertThat(runtimeService.getVariable(filing.getId(), ESCALATE_AT))
                .as("20 business days after Friday 20 November").isEqualTo(Date.from(Instant.parse("2026-12-18T01:00:00Z")));

        statusCheck(filing, Map.of(FILING_STATUS, STATUS_PENDING)); // Friday 27 November
        statusCheck(filing, Map.of(FILING_STATUS, STATUS_PENDING)); // Friday 4 December
        statusCheck(filing, Map.of(FILING_STATUS, STATUS_PENDING)); // Friday 11 December
        assertThat(job(EVENT_STATUS_CHECK_DUE, filing).getDuedate())
                .isEqualTo(Date.from(Instant.parse("2026-12-18T01:00:00Z").plusSeconds(60 * 3)));
        assertThat(filing).isWaitingAt(EVENT_STATUS_CHECK_DUE).variables().containsEntry(STATUS_CHECKS, 3);

        ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-12-18T01:00:30Z")));
        execute(job(EVENT_DECISION_OVERDUE, filing));
        Task followUp = task(TASK_FOLLOW_UP_OVERDUE_FILING, filing);
        assertThat(followUp).hasCandidateGroup(Groups.LEADS);
        assertThat(followUp.getPriority()).isEqualTo(80);
        assertThat(filing).isWaitingAt(EVENT_STATUS_CHECK_DUE, TASK_FOLLOW_UP_OVERDUE_FILING);

        statusCheck(filing, Map.of(FILING_STATUS, STATUS_APPROVED, ICP_NUMBER, "沪ICP备2026001236号"));
        execute(job(TASK_TELL_CUSTOMER_APPROVED, filing));
        assertThat(filing).isEnded();
        assertThat(historyService.createHistoricTaskInstanceQuery().taskId(followUp.getId()).singleResult()
                .getDeleteReason()).as("the approval ends the follow-up").isEqualTo("deleted");
    }

    @Test
    void shouldTakeThePhotoFromAnEmailReplyAndAskAgainWhenItIsUnusable() {
        TestCustomer customer = customer("en");
        String key = nextKey();
        ProcessInstance filing = start(IcpFixtures.materials(customer, key));
        long filingId = filingId(filing);
        review(filing, REVIEW_APPROVE, null);
        execute(job(TASK_ASK_FOR_PHOTO, filing));
        assertThat(filing).isWaitingAt(TASK_AWAIT_PHOTO, EVENT_FIRST_PHOTO_REMINDER_DUE);

        // A reply without a photo goes to an agent, who cannot say "uploaded" before there is one.
        replyByEmail(key, "I will send it tomorrow");
        assertThat(filing).hasPassed(TASK_SAVE_PHOTO_FROM_REPLY).isWaitingAt(TASK_READ_PHOTO_REPLY)
                .variables().containsEntry(PHOTO_IN_HAND, false);
        assertRejected(() -> asAgent(() -> taskService.complete(task(TASK_READ_PHOTO_REPLY, filing).getId(),
                Map.of(PHOTO_REPLY_ACTION, ACTION_UPLOADED))), "no photo has arrived for filing " + filingId);
        asAgent(() -> taskService.complete(task(TASK_READ_PHOTO_REPLY, filing).getId(),
                Map.of(PHOTO_REPLY_ACTION, ACTION_ASK_AGAIN)));
        execute(job(TASK_ASK_FOR_PHOTO, filing));

        // A reply with the photo attached: stored, and on to the check.
        byte[] photo = IcpFixtures.jpeg(2048);
        runtimeService.createMessageCorrelation(MESSAGE_CUSTOMER_REPLIED).processInstanceBusinessKey(key)
                .setVariable(REPLY_TEXT, "Here is the photo").setVariable(REPLY_FROM, customer.email())
                .setVariable(REPLY_PHOTO, Variables.fileValue("face.jpg").file(photo).mimeType("image/jpeg").create())
                .correlateAll();
        assertThat(filing).isWaitingAt(TASK_CHECK_PHOTO).variables().containsEntry(PHOTO_IN_HAND, true)
                .doesNotContainKeys(REPLY_PHOTO);
        Map<String, Object> stored = jdbc.sql("SELECT * FROM icp_photo WHERE filing_id = :id").param("id", filingId)
                .query().singleRow();
        assertThat(stored).containsEntry("SOURCE", "E_MAIL").containsEntry("RECEIVED_BY", customer.email())
                .containsEntry("CONTENT_TYPE", "image/jpeg").containsEntry("SIZE_BYTES", 2048)
                .containsEntry("FILE_NAME", "face.jpg").containsEntry("SHA256", Photos.sha256(photo));

        assertRejected(() -> checkPhoto(filing, PHOTO_REJECT, "dark"), "photoRejectReason is required");
        checkPhoto(filing, PHOTO_REJECT, "The photo is too dark and your face is partly hidden by a cap.");
        Map<String, Object> checked = jdbc.sql("SELECT checked_by, accepted, reject_reason FROM icp_photo"
                + " WHERE filing_id = :id").param("id", filingId).query().singleRow();
        assertThat(checked).containsEntry("CHECKED_BY", AGENT).containsEntry("ACCEPTED", false);

        assertThat(filing).isWaitingAt(TASK_ASK_FOR_PHOTO).variables()
                .containsEntry(PHOTO_RETAKE_REASON, "The photo is too dark and your face is partly hidden by a cap.")
                .doesNotContainKeys(PHOTO_DECISION, PHOTO_REJECT_REASON);
        execute(job(TASK_ASK_FOR_PHOTO, filing));
        List<MimeMessage> letters = mail.messagesTo(customer.email());
        assertThat(letters).hasSize(3);
        assertThat(IcpFixtures.part(letters.get(0), "text/plain")).contains("have passed our review")
                .doesNotContain("cannot use it");
        assertThat(IcpFixtures.part(letters.get(2), "text/plain"))
                .contains("Unfortunately we cannot use it for the filing:", "too dark");

        photoUpload(filingId, IcpFixtures.jpeg(4096));
        checkPhoto(filing, PHOTO_ACCEPT, null);
        assertThat(filing).isWaitingAt(TASK_SUBMIT_FILING);
    }

    @Test
    void shouldRemindAboutThePhotoAndAbandonWithoutOne() {
        TestCustomer customer = customer("zh-CN");
        ProcessInstance filing = start(IcpFixtures.materials(customer, nextKey()));
        review(filing, REVIEW_APPROVE, null);
        execute(job(TASK_ASK_FOR_PHOTO, filing));

        moveClock(Duration.ofDays(3).plusMinutes(1));
        execute(job(EVENT_FIRST_PHOTO_REMINDER_DUE, filing));
        execute(job(TASK_REMIND_PHOTO_FIRST, filing));
        moveClock(Duration.ofDays(7).plusMinutes(1));
        execute(job(EVENT_SECOND_PHOTO_REMINDER_DUE, filing));
        execute(job(TASK_REMIND_PHOTO_SECOND, filing));
        moveClock(Duration.ofDays(30).plusMinutes(1));
        execute(job(EVENT_PHOTO_OVERDUE, filing));
        execute(job(TASK_TELL_CUSTOMER_ABANDONED, filing));

        assertThat(filing).isEnded().hasPassed(EVENT_PHOTO_OVERDUE, EVENT_FILING_ABANDONED).variables()
                .containsEntry(WAITING_FOR, WAITING_FOR_PHOTO);
        assertThat(templatesSent(filing)).containsExactly(TEMPLATE_PHOTO_REQUEST, TEMPLATE_PHOTO_REMINDER,
                TEMPLATE_PHOTO_REMINDER, TEMPLATE_ABANDONED);
        assertThat(IcpFixtures.part(mail.messagesTo(customer.email()).get(3), "text/plain"))
                .contains("我们此前请您提供网站 海港茶业 的核验照片");
    }

    @Test
    void shouldRefuseADuplicateFilingUntilTheFirstOneEnds() {
        TestCustomer customer = customer("zh-CN");
        ProcessInstance first = start(IcpFixtures.materials(customer, nextKey()));
        String secondKey = nextKey();
        Map<String, Object> again = IcpFixtures.materials(customer, secondKey);
        again.put(DOMAINS, customer.domain().toUpperCase() + ".");

        assertThatThrownBy(() -> start(again)).isInstanceOf(BadUserRequestException.class)
                .hasMessageContaining("domains: " + customer.domain() + " is already in open ICP filing " + filingId(first));
        assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(secondKey).count()).isZero();

        // A filing deleted in Cockpit frees its domains.
        runtimeService.deleteProcessInstance(first.getId(), "customer withdrew");
        assertThat(filingState(filingId(first))).isEqualTo("CANCELLED");
        ProcessInstance second = start(again);
        assertThat(second).isWaitingAt(TASK_REVIEW_MATERIALS);
    }

    @Test
    void shouldNameTheDomainInAnotherOpenFilingWhenCorrectionsAddIt() {
        TestCustomer customer = customer("zh-CN");
        ProcessInstance first = start(IcpFixtures.materials(customer, nextKey()));
        Map<String, Object> other = IcpFixtures.materials(customer, nextKey());
        other.put(DOMAINS, "nothing-here.example.cn");
        ProcessInstance second = start(other);

        enterCorrectionsAfterAsking(second, Map.of(DOMAINS, customer.domain()));

        assertThat(second).isWaitingAt(TASK_ASK_FOR_CORRECTIONS).variables()
                .containsEntry(CORRECTION_ITEMS, "domains|in-open-filing|" + customer.domain());
        assertThat(heldDomains(filingId(second))).isEmpty();
        assertThat(heldDomains(filingId(first))).containsExactly(customer.domain());
    }

    /** The example of docs/processes/icp-filing.md, on the demo data; it goes as far as the review only. */
    @Test
    void shouldAcceptTheDocumentedExampleForChenJing() {
        Map<String, Object> example = new HashMap<>();
        example.put(CUSTOMER_ID, 10L);
        example.put(REQUEST_KEY, nextKey());
        example.put(SUBJECT_TYPE, "individual");
        example.put(SUBJECT_NAME, "陈静");
        example.put(CERTIFICATE_NUMBER, "11010519491231002X");
        example.put(RESPONSIBLE_NAME, "陈静");
        example.put(RESPONSIBLE_ID_NUMBER, "11010519491231002x");
        example.put(RESPONSIBLE_MOBILE, "136 0000 0010");
        example.put(RESPONSIBLE_EMAIL, "chenjing@mail.example.cn");
        example.put(WEBSITE_NAME, "陈静摄影作品集");
        example.put(DOMAINS, "chenjing-photo.example.cn");
        ProcessInstance filing = start(example);
        long filingId = filingId(filing);
        try {
            assertThat(filing).isWaitingAt(TASK_REVIEW_MATERIALS).variables().containsEntry(MATERIALS_VALID, true)
                    .containsEntry(CERTIFICATE_TYPE, CERTIFICATE_RESIDENT_ID).containsEntry(HOSTING_SERVICE_ID, 28L)
                    .containsEntry(HOSTING_IP, "192.0.2.71").containsEntry(RESPONSIBLE_MOBILE, "13600000010");
        } finally {
            runtimeService.deleteProcessInstance(filing.getId(), "example checked");
            jdbc.sql("DELETE FROM icp_filing WHERE id = :id").param("id", filingId).update();
        }
    }

    @Test
    void shouldAskToCorrectADomainThatIsAlreadyFiled() {
        TestCustomer customer = customer("zh-CN");
        jdbc.sql("UPDATE subscription SET icp_number = '沪ICP备2019000001号' WHERE id = :id")
                .param("id", customer.domainServiceId()).update();
        Map<String, Object> materials = IcpFixtures.materials(customer, nextKey());
        materials.put(DOMAINS, "www." + customer.domain());
        materials.put(SUBJECT_NAME, "上海海港茶业有限公司".repeat(30)); // too long, and stored cut

        ProcessInstance filing = start(materials);

        assertThat(filing).isWaitingAt(TASK_ASK_FOR_CORRECTIONS).variables().containsEntry(CORRECTION_ITEMS,
                "subjectName|too-long\ndomains|already-filed|www." + customer.domain());
        execute(job(TASK_ASK_FOR_CORRECTIONS, filing));
        assertThat(IcpFixtures.part(onlyLetter(customer), "text/plain")).contains("网站域名：www." + customer.domain()
                + " 已有备案号，无需重新备案。");
    }

    @Test
    void shouldRefuseAStartWithoutCustomerOrRequestKey() {
        TestCustomer customer = customer("zh-CN");
        Map<String, Object> noKey = IcpFixtures.materials(customer, null);
        Map<String, Object> badKey = IcpFixtures.materials(customer, "REQ-26-1");
        Map<String, Object> unknownCustomer = IcpFixtures.materials(customer, nextKey());
        unknownCustomer.put(CUSTOMER_ID, 999_999L);

        assertThatThrownBy(() -> start(noKey)).isInstanceOf(BadUserRequestException.class)
                .hasMessageContaining("requestKey is required");
        assertThatThrownBy(() -> start(badKey)).isInstanceOf(BadUserRequestException.class)
                .hasMessageContaining("requestKey 'REQ-26-1' is not a request key");
        assertThatThrownBy(() -> start(unknownCustomer)).isInstanceOf(BadUserRequestException.class)
                .hasMessageContaining("customerId 999999 is not a known customer");
    }

    @Test
    void shouldRefuseSubmissionAndPhotoCheckWithoutWhatTheyRecord() {
        TestCustomer customer = customer("zh-CN");
        ProcessInstance filing = start(IcpFixtures.materials(customer, nextKey()));
        review(filing, REVIEW_APPROVE, null);
        askForPhotoAndUpload(filing, filingId(filing));

        assertRejected(() -> checkPhoto(filing, "looks fine", null), "photoDecision is required");
        // Nobody logged in and nobody assigned: who checked it would be unknown.
        assertRejected(() -> taskService.complete(task(TASK_CHECK_PHOTO, filing).getId(),
                Map.of(PHOTO_DECISION, PHOTO_ACCEPT)), "who checked the photo must be known");
        checkPhoto(filing, PHOTO_ACCEPT, null);
        assertRejected(() -> submit(filing, "12"), "submissionNumber '12' is not one");
        assertThat(filing).isWaitingAt(TASK_SUBMIT_FILING);
    }

    @Test
    void shouldRunAsACallActivityOfTheRequest() {
        BpmnModelInstance parent = Bpmn.createExecutableProcess("icp-test-parent").camundaHistoryTimeToLive(1)
                .startEvent()
                .callActivity("CallActivity_IcpFiling").calledElement(PROCESS_ID)
                .camundaInBusinessKey("#{execution.processBusinessKey}")
                .camundaIn(CUSTOMER_ID, CUSTOMER_ID).camundaIn(SUBJECT_TYPE, SUBJECT_TYPE)
                .camundaIn(SUBJECT_NAME, SUBJECT_NAME).camundaIn(CERTIFICATE_NUMBER, CERTIFICATE_NUMBER)
                .camundaIn(RESPONSIBLE_NAME, RESPONSIBLE_NAME).camundaIn(RESPONSIBLE_ID_NUMBER, RESPONSIBLE_ID_NUMBER)
                .camundaIn(RESPONSIBLE_MOBILE, RESPONSIBLE_MOBILE).camundaIn(RESPONSIBLE_EMAIL, RESPONSIBLE_EMAIL)
                .camundaIn(WEBSITE_NAME, WEBSITE_NAME).camundaIn(DOMAINS, DOMAINS)
                .camundaOut(FILING_OUTCOME, FILING_OUTCOME).camundaOut(ICP_NUMBER, ICP_NUMBER)
                .userTask("Task_AfterFiling")
                .endEvent()
                .done();
        parentDeploymentId = repositoryService.createDeployment().addModelInstance("icp-test-parent.bpmn", parent)
                .deploy().getId();
        TestCustomer customer = customer("zh-CN");
        String key = nextKey();
        Map<String, Object> input = IcpFixtures.materials(customer, null);
        input.remove(REQUEST_KEY);
        input.remove(HOSTING_SERVICE_ID); // follows from the domain

        ProcessInstance request = runtimeService.startProcessInstanceByKey("icp-test-parent", key, input);
        started.add(request.getId());
        ProcessInstance filing = runtimeService.createProcessInstanceQuery().superProcessInstanceId(request.getId())
                .singleResult();

        assertThat(filing).hasBusinessKey(key).isWaitingAt(TASK_REVIEW_MATERIALS).variables()
                .containsEntry(REQUEST_KEY, key).containsEntry(HOSTING_SERVICE_ID, customer.hostingId());
        review(filing, REVIEW_APPROVE, null);
        askForPhotoAndUpload(filing, filingId(filing));
        checkPhoto(filing, PHOTO_ACCEPT, null);
        submit(filing, "3100002026112000999");
        statusCheck(filing, Map.of(FILING_STATUS, STATUS_APPROVED, ICP_NUMBER, "沪ICP备2026001237号"));
        execute(job(TASK_TELL_CUSTOMER_APPROVED, filing));

        assertThat(request).isWaitingAt("Task_AfterFiling").variables()
                .containsEntry(FILING_OUTCOME, OUTCOME_APPROVED).containsEntry(ICP_NUMBER, "沪ICP备2026001237号");
    }

    @Test
    void shouldKeepConstantsInStepWithTheModel() {
        BpmnModelInstance model = deployedModel(repositoryService, PROCESS_ID);
        List<String> elementIds = elementIdConstants(IcpFilingProcess.class);
        assertThat(elementIds).hasSizeGreaterThan(50);
        assertEachNamesAFlowNode(model, elementIds);
        assertEveryFlowNodeHasItsConstant(model, elementIds);
        assertThat(model.getModelElementsByType(Message.class)).extracting(Message::getName)
                .containsExactlyInAnyOrder(MESSAGE_CUSTOMER_REPLIED, MESSAGE_PHOTO_RECEIVED);
    }

    // helpers

    private TestCustomer customer(String language) {
        TestCustomer customer = IcpFixtures.customer(jdbc, language);
        customers.add(customer);
        return customer;
    }

    private static String nextKey() {
        return "REQ-2026-7%05d".formatted(KEYS.incrementAndGet());
    }

    /** Started by an agent, from Tasklist or REST. */
    private ProcessInstance start(Map<String, Object> variables) {
        ProcessInstance filing = asAgent(() -> runtimeService.startProcessInstanceByKey(PROCESS_ID, variables));
        started.add(filing.getId());
        return filing;
    }

    private void review(ProcessInstance filing, String decision, String comments) {
        Map<String, Object> answer = new HashMap<>();
        answer.put(REVIEW_DECISION, decision);
        if (comments != null) {
            answer.put(REVIEW_COMMENTS, comments);
        }
        asAgent(() -> taskService.complete(task(TASK_REVIEW_MATERIALS, filing).getId(), answer));
    }

    private void askForPhotoAndUpload(ProcessInstance filing, long filingId) {
        assertThat(filing).isWaitingAt(TASK_ASK_FOR_PHOTO);
        execute(job(TASK_ASK_FOR_PHOTO, filing));
        assertThat(filing).isWaitingAt(TASK_AWAIT_PHOTO, EVENT_FIRST_PHOTO_REMINDER_DUE);
        PhotoUploads.Upload upload = photoUpload(filingId, IcpFixtures.jpeg(1024));
        assertThat(upload.filingContinued()).isTrue();
        assertThat(filing).isWaitingAt(TASK_CHECK_PHOTO);
    }

    private PhotoUploads.Upload photoUpload(long filingId, byte[] photo) {
        return asAgent(() -> photoUploads.upload(filingId, photo, "image/jpeg", "face.jpg", AGENT));
    }

    private void checkPhoto(ProcessInstance filing, String decision, String reason) {
        Map<String, Object> answer = new HashMap<>();
        answer.put(PHOTO_DECISION, decision);
        if (reason != null) {
            answer.put(PHOTO_REJECT_REASON, reason);
        }
        asAgent(() -> taskService.complete(task(TASK_CHECK_PHOTO, filing).getId(), answer));
    }

    private void submit(ProcessInstance filing, String submissionNumber) {
        asAgent(() -> taskService.complete(task(TASK_SUBMIT_FILING, filing).getId(),
                Map.of(SUBMISSION_NUMBER, submissionNumber)));
        assertThat(filing).isWaitingAt(TASK_TELL_CUSTOMER_SUBMITTED);
        execute(job(TASK_TELL_CUSTOMER_SUBMITTED, filing));
    }

    /** Waits for the next status check (the clock moves to its time) and records what the agent saw. */
    private void statusCheck(ProcessInstance filing, Map<String, Object> answer) {
        if (taskService.createTaskQuery().processInstanceId(filing.getId())
                .taskDefinitionKey(TASK_CHECK_FILING_STATUS).count() == 0) {
            Date due = job(EVENT_STATUS_CHECK_DUE, filing).getDuedate();
            ClockUtil.setCurrentTime(Date.from(due.toInstant().plusSeconds(60)));
            execute(job(EVENT_STATUS_CHECK_DUE, filing));
        }
        asAgent(() -> taskService.complete(task(TASK_CHECK_FILING_STATUS, filing).getId(), answer));
    }

    private void enterCorrections(ProcessInstance filing, String taskKey, Map<String, Object> corrections) {
        asAgent(() -> taskService.complete(task(taskKey, filing).getId(), corrections));
    }

    private void enterCorrectionsAfterAsking(ProcessInstance filing, Map<String, Object> corrections) {
        execute(job(TASK_ASK_FOR_CORRECTIONS, filing));
        enterCorrections(filing, TASK_ENTER_CORRECTIONS, corrections);
    }

    /** What the mail feature does when the customer answers our e-mail. */
    private void replyByEmail(String requestKey, String text) {
        runtimeService.createMessageCorrelation(MESSAGE_CUSTOMER_REPLIED).processInstanceBusinessKey(requestKey)
                .setVariable(REPLY_TEXT, text).setVariable(REPLY_FROM, "customer@mail.example.cn")
                .setVariable(REPLY_MESSAGE_ID, "<reply-" + requestKey + "@mail.example.cn>").correlateAll();
    }

    private MimeMessage onlyLetter(TestCustomer customer) {
        List<MimeMessage> letters = mail.messagesTo(customer.email());
        assertThat(letters).hasSize(1);
        return letters.get(0);
    }

    private List<String> templatesSent(ProcessInstance filing) {
        return historyService.createHistoricDetailQuery().processInstanceId(filing.getId()).variableUpdates()
                .orderPartiallyByOccurrence().asc().list().stream()
                .map(HistoricVariableUpdate.class::cast)
                .filter(update -> update.getVariableName().equals("lastCustomerMessage"))
                .map(update -> ((String) update.getValue()).replaceAll("^template=([^;]+);.*$", "$1"))
                .toList();
    }

    private long filingId(ProcessInstance filing) {
        return ((Number) historyService.createHistoricVariableInstanceQuery().processInstanceId(filing.getId())
                .variableName(FILING_ID).singleResult().getValue()).longValue();
    }

    private String filingState(long filingId) {
        return jdbc.sql("SELECT state FROM icp_filing WHERE id = :id").param("id", filingId).query(String.class).single();
    }

    private List<String> heldDomains(long filingId) {
        return jdbc.sql("SELECT domain FROM icp_filing_domain WHERE filing_id = :id ORDER BY domain")
                .param("id", filingId).query(String.class).list();
    }

    private String icpNumberOf(long serviceId) {
        return jdbc.sql("SELECT icp_number FROM subscription WHERE id = :id").param("id", serviceId)
                .query(String.class).single();
    }

    private static void moveClock(Duration sinceStart) {
        ClockUtil.setCurrentTime(Date.from(NOW.plus(sinceStart)));
    }

    private static void assertRejected(ThrowingCallable completion, String message) {
        assertThatThrownBy(completion).isInstanceOf(ProcessEngineException.class)
                .satisfies(e -> assertThat(rootRejection(e)).as("the rejection").isNotNull()
                        .extracting(Throwable::getMessage).asString().contains(message));
    }

    private static BadUserRequestException rootRejection(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof BadUserRequestException rejected) {
                return rejected;
            }
        }
        return null;
    }

    private <T> T asAgent(Supplier<T> action) {
        identityService.setAuthentication(AGENT, List.of(Groups.AGENTS));
        try {
            return action.get();
        } finally {
            identityService.clearAuthentication();
        }
    }

    private void asAgent(Runnable action) {
        asAgent(() -> {
            action.run();
            return null;
        });
    }
}

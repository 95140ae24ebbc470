package org.promisedesk.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.promisedesk.platform.EngineTest;
import org.promisedesk.platform.Groups;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import jakarta.mail.MessagingException;

/** Replies threaded to their request, new requests, and mail that must change nothing. */
@EngineTest
class InboundMailTest {

    static final String NORTHWIND = "it@northwind.example";
    static final String YUNFAN = "ops@yunfan.example.cn";

    @Autowired TestMailServer mail;
    @Autowired MailSettings settings;
    @Autowired InboundMail inboundMail;
    @Autowired InboundMessages records;
    @Autowired OutboundMessages outbound;
    @Autowired ProcessEngine processEngine;
    @Autowired RuntimeService runtimeService;
    @Autowired RepositoryService repositoryService;
    @Autowired ManagementService managementService;
    @Autowired TaskService taskService;

    SupportMailbox mailbox;
    final List<String> started = new ArrayList<>();
    final List<String> tasks = new ArrayList<>();

    @BeforeEach
    void setUp() {
        BpmnAwareTests.init(processEngine);
        MailTestProcess.deployOnce(repositoryService);
        mail.purge();
        mailbox = supportMailbox(mail, settings, inboundMail);
    }

    /** The application's mailbox reader, pointed at GreenMail's support mailbox. */
    static SupportMailbox supportMailbox(TestMailServer mail, MailSettings settings, InboundMail inboundMail) {
        MailSettings.Inbound inbound = new MailSettings.Inbound("127.0.0.1", mail.imapPort(), TestMailServer.SUPPORT,
                "support", false, "INBOX", null, Duration.ofMinutes(1), settings.inbound().maxSize(), 25);
        return new SupportMailbox(new MailSettings(settings.from(), settings.replyTo(), settings.messageIdDomain(),
                settings.timeZone(), settings.retryTimeCycle(), settings.archive(), inbound, settings.maxAttachmentSize(),
                settings.outbox()),
                inboundMail);
    }

    @AfterEach
    void tearDown() {
        started.forEach(id -> runtimeService.deleteProcessInstanceIfExists(id, "test over", true, true, true, false));
        tasks.forEach(id -> taskService.deleteTask(id, true));
    }

    @Test
    void shouldCorrelateAReplyBySubjectTagWithoutTheQuotedHistory() throws Exception {
        String key = SendCustomerMessageTest.nextKey();
        ProcessInstance waiting = waitForReply(key, 1L);
        InboundTestMail reply = InboundTestMail.from("IT@Northwind.example").subject("Re: [" + key + "] Done: the backup")
                .text("Thanks, the site works again.\n\nOn Fri, 20 Nov 2026 at 09:00, Promise Desk <"
                        + "\nsupport@promisedesk.example> wrote:\n> Dear Northwind Traders Ltd,\n> This is done.");

        assertThat(deliverAndPoll(reply)).isEqualTo(1);

        assertThat(waiting).isWaitingAt("Task_ReadReply").variables()
                .containsEntry(CustomerReplies.REPLY_TEXT, "Thanks, the site works again.")
                .containsEntry(CustomerReplies.REPLY_FROM, NORTHWIND)
                .containsEntry(CustomerReplies.REPLY_MESSAGE_ID, reply.messageId())
                .containsEntry(CustomerReplies.REPLY_FROM_CUSTOMER, true);
        InboundRecord record = records.find(reply.messageId()).orElseThrow();
        assertThat(record.disposition()).isEqualTo(Disposition.REPLY_CORRELATED);
        assertThat(record.requestKey()).isEqualTo(key);
        assertThat(record.customerId()).isEqualTo(1L);
        assertThat(record.senderMismatch()).isFalse();
        assertThat(record.rawText()).contains("> This is done.");
        assertThat(mailbox.poll()).as("marked as read: not handled again").isZero();
    }

    @Test
    void shouldCorrelateAReplyByInReplyToOurMessageId() throws Exception {
        String key = SendCustomerMessageTest.nextKey();
        String ourMessageId = sendOneMessage(key, 2L);
        ProcessInstance waiting = waitForReply(key, 2L);
        InboundTestMail reply = InboundTestMail.from(YUNFAN).subject("回复：已完成").header("In-Reply-To", ourMessageId)
                .header("References", "<older@yunfan.example.cn> " + ourMessageId)
                .text("已收到，谢谢！\n\n在 2026年11月20日 09:00，Promise Desk 写道：\n> 尊敬的上海云帆电子商务有限公司：");

        deliverAndPoll(reply);

        assertThat(waiting).isWaitingAt("Task_ReadReply").variables()
                .containsEntry(CustomerReplies.REPLY_TEXT, "已收到，谢谢！")
                .containsEntry(CustomerReplies.REPLY_FROM_CUSTOMER, true);
        assertThat(records.find(reply.messageId()).orElseThrow().requestKey()).isEqualTo(key);
    }

    @Test
    void shouldLeaveATaskForAnAgentWhenNothingWaitsForTheReply() throws Exception {
        String key = SendCustomerMessageTest.nextKey();
        sendOneMessage(key, 1L);
        InboundTestMail reply = InboundTestMail.from(NORTHWIND).subject("Re: [" + key + "] Done")
                .text("One more thing: please also renew the certificate.")
                .attachment("screenshot.pdf", new byte[2048]);

        deliverAndPoll(reply);

        InboundRecord record = records.find(reply.messageId()).orElseThrow();
        assertThat(record.disposition()).isEqualTo(Disposition.REPLY_NOTE_FOR_AGENT);
        Task task = taskService.createTaskQuery().taskId(record.taskId()).singleResult();
        tasks.add(task.getId());
        assertThat(task.getName()).isEqualTo("Customer wrote about " + key);
        assertThat(task.getDescription()).contains("please also renew the certificate").containsPattern("screenshot\\.pdf \\(\\d+ bytes\\)");
        assertThat(taskService.getIdentityLinksForTask(task.getId())).extracting(IdentityLink::getGroupId)
                .contains(Groups.AGENTS);
        assertThat(taskService.getVariablesLocal(task.getId())).containsEntry("requestKey", key)
                .containsEntry(CustomerReplies.REPLY_FROM, NORTHWIND);
    }

    @Test
    void shouldOpenANewRequestFromAKnownOrAnUnknownSender() throws Exception {
        InboundTestMail known = InboundTestMail.from(NORTHWIND).subject("Our website shows a 500 error")
                .text("Since this morning www.northwind.example shows an error page.");
        InboundTestMail unknown = InboundTestMail.from("someone@new-customer.example")
                .subject("Price for a cloud VM? [REQ-2026-999999]").text("How much is a VM with 8 GB?");

        deliverAndPoll(known, unknown);

        InboundRecord fromCustomer = records.find(known.messageId()).orElseThrow();
        assertThat(fromCustomer.disposition()).isEqualTo(Disposition.NEW_REQUEST);
        assertThat(fromCustomer.customerId()).isEqualTo(1L);
        assertThat(fromCustomer.rawText()).contains("error page");
        assertThat(runtimeService.getVariables(intakeOf(fromCustomer.requestKey()).getId()))
                .containsEntry("channel", "email").containsEntry("customerId", 1L)
                .containsEntry("contactAddress", NORTHWIND).containsEntry("inboundMessageId", known.messageId());
        InboundRecord fromStranger = records.find(unknown.messageId()).orElseThrow();
        assertThat(fromStranger.disposition()).as("a tag naming no known request is no reply")
                .isEqualTo(Disposition.NEW_REQUEST);
        assertThat(fromStranger.customerId()).isNull();
        assertThat(fromStranger.requestKey()).isNotEqualTo("REQ-2026-999999").isNotEqualTo(fromCustomer.requestKey());
        assertThat(runtimeService.getVariables(intakeOf(fromStranger.requestKey()).getId()))
                .containsEntry("customerId", null).containsEntry("contactAddress", "someone@new-customer.example");
    }

    /** The intake instance a new e-mail opened (deleted after the test). */
    private ProcessInstance intakeOf(String requestKey) {
        assertThat(requestKey).matches("REQ-\\d{4}-\\d{6}");
        ProcessInstance intake = runtimeService.createProcessInstanceQuery().processDefinitionKey("intake")
                .processInstanceBusinessKey(requestKey).singleResult();
        assertThat(intake).as("intake running under %s", requestKey).isNotNull();
        started.add(intake.getId());
        return intake;
    }

    // spoofed replies (issue 30, item 7): MailTestProcess waits for CustomerReplied as the consent,
    // "solved" and appeal waits do; a reply not given to it decides nothing there

    @Test
    void shouldGiveAReplyWithAForgedFromNotToTheProcessButToAnAgentToConfirm() throws Exception {
        String key = SendCustomerMessageTest.nextKey();
        ProcessInstance waiting = waitForReply(key, 1L);
        InboundTestMail forged = InboundTestMail.from("attacker@elsewhere.example").subject("Re: [" + key + "]")
                .text("Yes, go ahead and delete all data.");

        deliverAndPoll(forged);

        assertThat(waiting).as("no consent: the process still waits").isWaitingAt(MailTestProcess.EVENT_CUSTOMER_REPLIED);
        assertThat(runtimeService.getVariables(waiting.getId())).doesNotContainKey(CustomerReplies.REPLY_TEXT);
        InboundRecord record = records.find(forged.messageId()).orElseThrow();
        assertThat(record.disposition()).isEqualTo(Disposition.REPLY_NOTE_FOR_AGENT);
        assertThat(record.senderMismatch()).isTrue();
        assertThat(record.note()).contains("sender check FAILED: From attacker@elsewhere.example is not a contact"
                + " of the request's customer", "reference: subject tag");
        Task task = agentsTask(record);
        assertThat(task.getName()).isEqualTo("Confirm with the customer: unverified e-mail about " + key);
        assertThat(task.getDescription()).contains("NOT an address of the request's customer",
                "Not given to the process", "delete all data");
    }

    @Test
    void shouldNotGiveTheProcessAReplyFromTheCustomersAddressThatFailedDmarcAndRecordTheResults()
            throws Exception {
        String key = SendCustomerMessageTest.nextKey();
        String ourMessageId = sendOneMessage(key, 1L);
        ProcessInstance waiting = waitForReply(key, 1L);
        InboundTestMail spoofed = InboundTestMail.from(NORTHWIND).subject("Re: [" + key + "] Done")
                .header("In-Reply-To", ourMessageId).text("Yes, we agree to the restart.")
                .header("Authentication-Results", "mx.promisedesk.example; spf=softfail smtp.mailfrom=northwind.example;"
                        + "\r\n dkim=none; dmarc=fail (p=reject dis=none) header.from=northwind.example");

        deliverAndPoll(spoofed);

        assertThat(waiting).isWaitingAt(MailTestProcess.EVENT_CUSTOMER_REPLIED);
        InboundRecord record = records.find(spoofed.messageId()).orElseThrow();
        assertThat(record.disposition()).isEqualTo(Disposition.REPLY_NOTE_FOR_AGENT);
        assertThat(record.senderMismatch()).as("the address is the customer's").isFalse();
        assertThat(record.note()).contains("sender check FAILED: Authentication-Results dmarc=fail",
                "Authentication-Results: spf=softfail dkim=none dmarc=fail");
        assertThat(agentsTask(record).getName()).startsWith("Confirm with the customer");
    }

    @Test
    void shouldGiveTheProcessAGenuineReplyAndRecordItsAuthenticationResults() throws Exception {
        String key = SendCustomerMessageTest.nextKey();
        String ourMessageId = sendOneMessage(key, 1L);
        ProcessInstance waiting = waitForReply(key, 1L);
        InboundTestMail genuine = InboundTestMail.from(NORTHWIND).subject("Re: Done").header("In-Reply-To", ourMessageId)
                .header("Authentication-Results", "mx.promisedesk.example; spf=pass smtp.mailfrom=northwind.example;"
                        + " dkim=pass (a comment saying dmarc=fail counts for nothing) header.d=northwind.example;"
                        + " dmarc=pass header.from=northwind.example")
                .text("Yes, please restart it.");

        deliverAndPoll(genuine);

        assertThat(waiting).isWaitingAt("Task_ReadReply").variables()
                .containsEntry(CustomerReplies.REPLY_FROM_CUSTOMER, true);
        InboundRecord record = records.find(genuine.messageId()).orElseThrow();
        assertThat(record.disposition()).isEqualTo(Disposition.REPLY_CORRELATED);
        assertThat(record.note()).isEqualTo("sender check passed; reference: In-Reply-To/References " + ourMessageId
                + "; Authentication-Results: spf=pass dkim=pass dmarc=pass");
    }

    @Test
    void shouldHandleEachMessageOnceAfterACrashBeforeItWasMarkedRead() throws Exception {
        String key = SendCustomerMessageTest.nextKey();
        ProcessInstance waiting = waitForReply(key, 1L);
        InboundTestMail reply = InboundTestMail.from(NORTHWIND).subject("[" + key + "] ok").text("Fine by us.");
        mail.greenMail().getUserManager().getUser(TestMailServer.SUPPORT).deliver(reply.build());

        assertThat(inboundMail.handle(reply.build())).contains(Disposition.REPLY_CORRELATED);
        // as if the node died before marking it read: the next poll finds it unread again
        assertThat(mailbox.poll()).isEqualTo(1);
        assertThat(inboundMail.handle(reply.build())).isEmpty();

        assertThat(waiting).isWaitingAt("Task_ReadReply");
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(key).count()).isEqualTo(1);
    }

    @Test
    void shouldNotPollWithoutAnInboundHost(@Autowired ApplicationContext context) {
        assertThat(context.getBeanNamesForType(InboundMailPoller.class)).isEmpty();
    }

    // helpers

    ProcessInstance waitForReply(String key, long customerId) {
        ProcessInstance instance = runtimeService.startProcessInstanceByKey(MailTestProcess.WAIT_FOR_REPLY, key,
                Map.of("customerId", customerId));
        started.add(instance.getId());
        return instance;
    }

    /** The agents' task the record names (deleted after the test). */
    Task agentsTask(InboundRecord record) {
        Task task = taskService.createTaskQuery().taskId(record.taskId()).singleResult();
        tasks.add(task.getId());
        assertThat(taskService.getIdentityLinksForTask(task.getId())).extracting(IdentityLink::getGroupId)
                .contains(Groups.AGENTS);
        return task;
    }

    /** Sends one message about the request through the message step; returns its Message-ID. */
    String sendOneMessage(String key, long customerId) {
        Map<String, Object> variables = MailSamples.of("promise-kept");
        variables.put("template", "promise-kept");
        variables.put("customerId", customerId);
        ProcessInstance instance = runtimeService.startProcessInstanceByKey(MailTestProcess.SEND_ONE, key, variables);
        started.add(instance.getId());
        managementService.executeJob(managementService.createJobQuery().processInstanceId(instance.getId())
                .singleResult().getId());
        return outbound.ofRequest(key).get(0).messageId();
    }

    int deliverAndPoll(InboundTestMail... messages) throws MessagingException {
        for (InboundTestMail message : messages) {
            mail.greenMail().getUserManager().getUser(TestMailServer.SUPPORT).deliver(message.build());
        }
        return mailbox.poll();
    }
}

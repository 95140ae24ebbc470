package org.promisedesk.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.promisedesk.platform.EngineTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Mail that must change nothing it should not: each is sent as a "reply" to a request whose
 * process waits for one, and each is recorded, while the process goes on waiting.
 */
@EngineTest
class HostileInboundMailTest {

    private static final String NORTHWIND = InboundMailTest.NORTHWIND;

    @Autowired TestMailServer mail;
    @Autowired MailSettings settings;
    @Autowired InboundMail inboundMail;
    @Autowired InboundMessages records;
    @Autowired ProcessEngine processEngine;
    @Autowired RuntimeService runtimeService;
    @Autowired RepositoryService repositoryService;
    @Autowired TaskService taskService;

    SupportMailbox mailbox;
    String key;
    ProcessInstance waiting;
    final List<String> tasks = new ArrayList<>();

    @BeforeEach
    void setUp() {
        BpmnAwareTests.init(processEngine);
        MailTestProcess.deployOnce(repositoryService);
        mail.purge();
        mailbox = InboundMailTest.supportMailbox(mail, settings, inboundMail);
        key = SendCustomerMessageTest.nextKey();
        waiting = runtimeService.startProcessInstanceByKey(MailTestProcess.WAIT_FOR_REPLY, key, Map.of("customerId", 1L));
    }

    @AfterEach
    void tearDown() {
        runtimeService.deleteProcessInstanceIfExists(waiting.getId(), "test over", true, true, true, false);
        tasks.forEach(id -> taskService.deleteTask(id, true));
    }

    static Stream<Arguments> automaticReplies() {
        return Stream.of(
                Arguments.of("Auto-Submitted", "auto-replied", "Auto-Submitted: auto-replied"),
                Arguments.of("Auto-Submitted", "auto-generated; owner-email=\"it@northwind.example\"", "Auto-Submitted"),
                Arguments.of("Precedence", "bulk", "Precedence: bulk"),
                Arguments.of("Precedence", "junk", "Precedence: junk"),
                Arguments.of("Precedence", "list", "Precedence: list"),
                Arguments.of("X-Autoreply", "yes", "X-Autoreply header"));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("automaticReplies")
    void shouldRecordAndIgnoreAutomaticReplies(String header, String value, String note) throws Exception {
        InboundTestMail outOfOffice = reply().subject("Out of office: Re: [" + key + "] Done")
                .text("I am out of the office until Monday.").header(header, value);

        assertThat(handle(outOfOffice)).isEqualTo(Disposition.AUTO_REPLY_IGNORED);

        assertThat(records.find(outOfOffice.messageId()).orElseThrow().note()).contains(note);
        assertUntouched();
    }

    @Test
    void shouldTreatAutoSubmittedNoAsAPersonsMail() throws Exception {
        assertThat(handle(reply().header("Auto-Submitted", "no"))).isEqualTo(Disposition.REPLY_CORRELATED);
    }

    static Stream<Arguments> loops() {
        InboundTestMail manyHops = InboundTestMail.from(NORTHWIND);
        for (int i = 0; i < 26; i++) {
            manyHops.header("Received", "from relay" + i + ".example by relay" + (i + 1) + ".example");
        }
        return Stream.of(
                Arguments.of(InboundTestMail.from("support@promisedesk.example"), "our own address"),
                Arguments.of(InboundTestMail.from(NORTHWIND).messageId("<1234@promisedesk.example>"),
                        "our own Message-ID"),
                Arguments.of(manyHops, "26 Received headers"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("loops")
    void shouldRecordAndIgnoreMailLoops(InboundTestMail looping, String note) throws Exception {
        looping.subject("Re: [" + key + "] Done").text("Thanks");

        assertThat(handle(looping)).isEqualTo(Disposition.LOOP_IGNORED);

        assertThat(records.find(looping.messageId()).orElseThrow().note()).contains(note);
        assertUntouched();
    }

    @Test
    void shouldRejectAnOversizedMessageUnreadAndTellAnAgent() throws Exception {
        InboundTestMail huge = reply().attachment("disk-image.pdf", new byte[2 * 1024 * 1024]);

        assertThat(handle(huge)).isEqualTo(Disposition.OVERSIZED_REJECTED);

        InboundRecord record = records.find(huge.messageId()).orElseThrow();
        assertThat(record.rawText()).isNull();
        assertThat(record.attachments()).isNull();
        assertThat(record.note()).contains("over the limit of 1048576 bytes; not read");
        tasks.add(record.taskId());
        assertThat(taskService.createTaskQuery().taskId(record.taskId()).singleResult().getName())
                .isEqualTo("E-mail from it@northwind.example too large to read");
        assertThat(waiting).isWaitingAt(MailTestProcess.EVENT_CUSTOMER_REPLIED);
    }

    @Test
    void shouldKeepAttachmentsOutOfTheProcessAndNoteThem() throws Exception {
        InboundTestMail withFiles = reply().text("Here is the log you asked for.")
                .attachment("error.log.pdf", new byte[5000]).attachment("截图.pdf", new byte[300]);

        assertThat(handle(withFiles)).isEqualTo(Disposition.REPLY_CORRELATED);

        assertThat(runtimeService.getVariables(waiting.getId()).keySet()).containsExactlyInAnyOrder("customerId",
                CustomerReplies.REPLY_TEXT, CustomerReplies.REPLY_FROM, CustomerReplies.REPLY_MESSAGE_ID,
                CustomerReplies.REPLY_FROM_CUSTOMER);
        assertThat(waiting).variables().containsEntry(CustomerReplies.REPLY_TEXT, "Here is the log you asked for.");
        assertThat(records.find(withFiles.messageId()).orElseThrow().attachments())
                .containsPattern("error\\.log\\.pdf \\(\\d+ bytes\\)\n截图\\.pdf \\(\\d+ bytes\\)");
    }

    @Test
    void shouldReadAnHtmlOnlyMessageAsText() throws Exception {
        InboundTestMail html = InboundTestMail.from(NORTHWIND).subject("Re: [" + key + "] Done").html("<html><head><style>p{color:red}</style></head><body>"
                + "<p>Works now &amp; thanks!</p><script>alert(1)</script><div>Li Na<br>Northwind IT</div>"
                + "<blockquote>Dear Northwind Traders Ltd, this is done.</blockquote></body></html>");

        assertThat(handle(html)).isEqualTo(Disposition.REPLY_CORRELATED);

        assertThat(waiting).variables()
                .containsEntry(CustomerReplies.REPLY_TEXT, "Works now & thanks!\nLi Na\nNorthwind IT");
        InboundRecord record = records.find(html.messageId()).orElseThrow();
        assertThat(record.rawText()).contains("> Dear Northwind").doesNotContain("alert", "color:red", "<p>");
        assertThat(record.note()).contains("HTML only, converted to text");
    }

    private InboundTestMail reply() {
        return InboundTestMail.from(NORTHWIND).subject("Re: [" + key + "] Done").text("Thanks, all good.");
    }

    private Disposition handle(InboundTestMail message) throws Exception {
        mail.greenMail().getUserManager().getUser(TestMailServer.SUPPORT).deliver(message.build());
        assertThat(mailbox.poll()).isEqualTo(1);
        InboundRecord record = records.find(message.messageId()).orElseThrow();
        if (record.taskId() != null) {
            tasks.add(record.taskId());
        }
        return record.disposition();
    }

    private void assertUntouched() {
        assertThat(waiting).isWaitingAt(MailTestProcess.EVENT_CUSTOMER_REPLIED);
        assertThat(runtimeService.getVariables(waiting.getId())).containsOnlyKeys("customerId");
        assertThat(taskService.createTaskQuery().taskNameLike("%" + key + "%").count()).isZero();
    }
}

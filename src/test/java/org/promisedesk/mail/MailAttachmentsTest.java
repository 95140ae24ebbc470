package org.promisedesk.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.promisedesk.mail.MailAssertions.partOf;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.promisedesk.customer.Customer;
import org.promisedesk.mail.OutboundMessage.State;
import org.promisedesk.platform.EngineTest;
import org.springframework.beans.factory.annotation.Autowired;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

/**
 * Files with a customer e-mail (the field {@code attachments}): they arrive byte for byte under
 * their names, Chinese included; a retry sends what was stored, once; a bad one sends nothing.
 */
@EngineTest
class MailAttachmentsTest {

    private static final Customer NORTHWIND = MailTemplatesTest.NORTHWIND;
    private static final Customer YUNFAN = MailTemplatesTest.YUNFAN;
    private static final String TEMPLATE = "promise-kept";
    private static final String ARCHIVE = "archive@promisedesk.example";

    @Autowired TestMailServer mail;
    @Autowired MailTestAttachments files;
    @Autowired RuntimeService runtimeService;
    @Autowired ManagementService managementService;
    @Autowired RepositoryService repositoryService;
    @Autowired HistoryService historyService;
    @Autowired OutboundMessages outbound;
    @Autowired MessageDelivery delivery;

    private final List<String> started = new ArrayList<>();
    private final List<String> keys = new ArrayList<>();

    @BeforeEach
    void setUp() {
        MailTestProcess.deployOnce(repositoryService);
        ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-11-20T01:00:00Z")));
        mail.restore();
    }

    @AfterEach
    void tearDown() {
        mail.restore();
        ClockUtil.reset();
        keys.forEach(files::forget);
        started.forEach(id -> runtimeService.deleteProcessInstanceIfExists(id, "test over", true, true, true, false));
    }

    @Test
    void shouldDeliverAPdfAttachmentByteForByteBesideTheText() throws MessagingException {
        byte[] pdf = pdf(20_000, 1);
        ProcessInstance instance = start(NORTHWIND, MailAttachment.pdf("incident-42-report.pdf", pdf));

        managementService.executeJob(job(instance).getId());

        OutboundMessage record = onlyRecord(instance);
        assertThat(record.state()).isEqualTo(State.SENT);
        assertThat(record.attempts()).isEqualTo(1);
        assertThat(record.attachments()).singleElement().satisfies(stored -> {
            assertThat(stored.fileName()).isEqualTo("incident-42-report.pdf");
            assertThat(stored.content()).isEqualTo(pdf);
        });
        MimeMessage received = mail.messageTo(NORTHWIND.email(), record.messageId());
        assertThat(received.getContentType()).startsWith("multipart/mixed");
        assertThat(partOf(received, "text/plain")).isEqualToNormalizingNewlines(record.bodyText());
        assertThat(partOf(received, "text/html")).contains("<title>");
        Part attachment = single(attachments(received));
        assertThat(fileName(attachment)).isEqualTo("incident-42-report.pdf");
        assertThat(isMimeType(attachment, "application/pdf")).isTrue();
        assertThat(disposition(attachment)).isEqualToIgnoringCase(Part.ATTACHMENT);
        assertThat(bytes(attachment)).isEqualTo(pdf);
        assertThat(bytes(single(attachments(mail.messageTo(ARCHIVE, record.messageId())))))
                .as("the archive copy carries it too").isEqualTo(pdf);
        assertThat((String) historyService.createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
                .variableName(SendCustomerMessage.LAST_CUSTOMER_MESSAGE).singleResult().getValue())
                .endsWith("; attachments=incident-42-report.pdf");
    }

    @Test
    void shouldKeepChineseFileNamesAndTheOrderOfSeveralAttachments() {
        byte[] report = pdf(5_000, 2);
        byte[] table = "服务,状态\nSH-ST-2,已恢复\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        ProcessInstance instance = start(YUNFAN, List.of(MailAttachment.pdf("故障报告 2026-11-19.pdf", report),
                new MailAttachment("受影响的服务.csv", "text/csv; charset=UTF-8", table)));

        managementService.executeJob(job(instance).getId());

        OutboundMessage record = onlyRecord(instance);
        MimeMessage received = mail.messageTo(YUNFAN.email(), record.messageId());
        List<Part> parts = attachments(received);
        assertThat(parts).extracting(MailAttachmentsTest::fileName)
                .containsExactly("故障报告 2026-11-19.pdf", "受影响的服务.csv");
        assertThat(header(parts.get(0), "Content-Disposition")).as("RFC 2231, UTF-8").contains("filename*=UTF-8''");
        assertThat(bytes(parts.get(0))).isEqualTo(report);
        assertThat(bytes(parts.get(1))).isEqualTo(table);
        assertThat(isMimeType(parts.get(1), "text/csv")).isTrue();
    }

    @Test
    void shouldSendTheStoredAttachmentOnceWhenARetryFollowsAFailedSend() throws IOException {
        byte[] pdf = pdf(30_000, 3);
        ProcessInstance instance = start(NORTHWIND, MailAttachment.pdf("report.pdf", pdf));
        mail.divertSmtpTo(deadPort());
        managementService.executeJob(job(instance).getId());
        assertThat(onlyRecord(instance).state()).as("queued, the server away").isEqualTo(State.PENDING);
        files.set(instance.getBusinessKey(), MailAttachment.pdf("other.pdf", pdf(100, 4)));

        mail.restore();
        ClockUtil.setCurrentTime(SendCustomerMessageTest.minutesLater(1));
        delivery.deliverDue();

        OutboundMessage record = onlyRecord(instance);
        assertThat(record.state()).isEqualTo(State.SENT);
        assertThat(record.attempts()).isEqualTo(2);
        assertThat(files.evaluations(instance.getBusinessKey())).as("evaluated once, when composed").isEqualTo(1);
        Part attachment = single(attachments(mail.messageTo(NORTHWIND.email(), record.messageId())));
        assertThat(fileName(attachment)).isEqualTo("report.pdf");
        assertThat(bytes(attachment)).isEqualTo(pdf);
    }

    @Test
    void shouldNotSendASecondCopyWhenTheArchiveShowsTheAttachedMessageArrived() throws IOException {
        byte[] pdf = pdf(40_000, 5);
        ProcessInstance instance = start(NORTHWIND, MailAttachment.pdf("report.pdf", pdf));
        try (BreakingSmtpProxy proxy = new BreakingSmtpProxy(mail.smtpPort(),
                BreakingSmtpProxy.Break.AFTER_SERVER_ACCEPTED)) {
            mail.divertSmtpTo(proxy.port());
            managementService.executeJob(job(instance).getId());
        }
        mail.restore();
        ClockUtil.setCurrentTime(SendCustomerMessageTest.minutesLater(1));
        delivery.deliverDue();

        OutboundMessage record = onlyRecord(instance);
        assertThat(record.state()).isEqualTo(State.SENT);
        assertThat(record.attempts()).isEqualTo(1);
        assertThat(bytes(single(attachments(mail.messageTo(NORTHWIND.email(), record.messageId())))))
                .isEqualTo(pdf);
    }

    @Test
    void shouldFailTheStepAndSendNothingForAnAttachmentOverTheLimit(@Autowired MailSettings settings) {
        byte[] tooLarge = new byte[(int) settings.maxAttachmentSize().toBytes() + 1];
        ProcessInstance instance = start(NORTHWIND, MailAttachment.pdf("huge.pdf", tooLarge));

        assertThatThrownBy(() -> managementService.executeJob(job(instance).getId()))
                .isInstanceOf(ProcessEngineException.class)
                .hasMessageContaining("Task_Send")
                .hasMessageContaining("huge.pdf")
                .hasMessageContaining("promise-desk.mail.max-attachment-size (10485760 bytes)");
        assertNothingSent(instance);
    }

    @Test
    void shouldFailTheStepAndSendNothingForAFileNameWithAPath() {
        ProcessInstance instance = start(NORTHWIND, MailAttachment.pdf("../reports/report.pdf", pdf(100, 6)));

        assertThatThrownBy(() -> managementService.executeJob(job(instance).getId()))
                .isInstanceOf(ProcessEngineException.class)
                .hasMessageContaining("Task_Send")
                .hasMessageContaining("'../reports/report.pdf' must be a plain file name");
        assertNothingSent(instance);
    }

    @Test
    void shouldFailTheStepAndSendNothingWhenTheExpressionYieldsSomethingElse() {
        ProcessInstance instance = start(NORTHWIND, List.of(MailAttachment.pdf("a.pdf", pdf(100, 7)), "b.pdf"));

        assertThatThrownBy(() -> managementService.executeJob(job(instance).getId()))
                .isInstanceOf(ProcessEngineException.class)
                .hasMessageContaining("Task_Send")
                .hasMessageContaining("a list with a String; it must hold only MailAttachments");
        assertNothingSent(instance);
    }

    @Test
    void shouldSendNoAttachmentWhenTheExpressionYieldsNull() {
        ProcessInstance instance = start(NORTHWIND, null);

        managementService.executeJob(job(instance).getId());

        OutboundMessage record = onlyRecord(instance);
        assertThat(record.attachments()).isEmpty();
        assertThat(attachments(mail.messageTo(NORTHWIND.email(), record.messageId()))).isEmpty();
    }

    private void assertNothingSent(ProcessInstance instance) {
        assertThat(job(instance).getRetries()).as("failed, to be retried, then an incident").isPositive();
        assertThat(outbound.ofRequest(instance.getBusinessKey())).isEmpty();
        assertThat(mail.messagesTo(NORTHWIND.email()))
                .noneMatch(m -> SendCustomerMessageTest.subject(m).contains(instance.getBusinessKey()));
    }

    private ProcessInstance start(Customer customer, Object attachments) {
        String key = SendCustomerMessageTest.nextKey();
        keys.add(key);
        if (attachments != null) {
            files.set(key, attachments);
        }
        Map<String, Object> variables = MailSamples.of(TEMPLATE);
        variables.put("template", TEMPLATE);
        variables.put("customerId", customer.id());
        ProcessInstance instance = runtimeService.startProcessInstanceByKey(MailTestProcess.SEND_WITH_ATTACHMENTS, key,
                variables);
        started.add(instance.getId());
        return instance;
    }

    private Job job(ProcessInstance instance) {
        return managementService.createJobQuery().processInstanceId(instance.getId()).singleResult();
    }

    private OutboundMessage onlyRecord(ProcessInstance instance) {
        List<OutboundMessage> records = outbound.ofRequest(instance.getBusinessKey());
        assertThat(records).hasSize(1);
        return records.get(0);
    }

    /** Looks like a PDF, then every byte value: any mangling (text conversion, line ends) shows. */
    private static byte[] pdf(int size, long seed) {
        byte[] content = new byte[size];
        new Random(seed).nextBytes(content);
        byte[] head = "%PDF-1.7\r\n%\u00e2\u00e3\r\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        System.arraycopy(head, 0, content, 0, head.length);
        return content;
    }

    /** The parts that are files, in order. */
    static List<Part> attachments(Part part) {
        List<Part> found = new ArrayList<>();
        try {
            if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
                found.add(part);
            } else if (part.getContent() instanceof Multipart multipart) {
                for (int i = 0; i < multipart.getCount(); i++) {
                    BodyPart child = multipart.getBodyPart(i);
                    found.addAll(attachments(child));
                }
            }
            return found;
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Part single(List<Part> parts) {
        assertThat(parts).hasSize(1);
        return parts.get(0);
    }

    static byte[] bytes(Part part) {
        try (InputStream in = part.getInputStream()) {
            return in.readAllBytes();
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static String fileName(Part part) {
        try {
            return part.getFileName();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String disposition(Part part) {
        try {
            return part.getDisposition();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean isMimeType(Part part, String type) {
        try {
            return part.isMimeType(type);
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String header(Part part, String name) {
        return MailAssertions.header(part, name);
    }

    /** A port on loopback where nothing listens: connection refused, as when the server is down. */
    private static int deadPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}

package org.promisedesk.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.promisedesk.mail.MailAssertions.header;
import static org.promisedesk.mail.MailAssertions.partOf;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.promisedesk.customer.Customer;
import org.promisedesk.mail.OutboundMessage.State;
import org.promisedesk.platform.EngineTest;
import org.springframework.beans.factory.annotation.Autowired;

import jakarta.mail.internet.MimeMessage;

/** The message step against GreenMail: every template arrives, and never lost, never twice. */
@EngineTest
class SendCustomerMessageTest {

    private static final Instant NOW = Instant.parse("2026-11-20T01:00:00Z");
    private static final AtomicInteger KEYS = new AtomicInteger();
    private static final String ARCHIVE = "archive@promisedesk.example";

    @Autowired TestMailServer mail;
    @Autowired RuntimeService runtimeService;
    @Autowired ManagementService managementService;
    @Autowired RepositoryService repositoryService;
    @Autowired HistoryService historyService;
    @Autowired OutboundMessages outbound;

    private final List<String> started = new ArrayList<>();

    @BeforeEach
    void setUp() {
        MailTestProcess.deployOnce(repositoryService);
        ClockUtil.setCurrentTime(Date.from(NOW));
        mail.restore();
    }

    @AfterEach
    void tearDown() {
        mail.restore();
        MailTestProcess.CRASH_ONCE.set(false);
        ClockUtil.reset();
        started.forEach(id -> runtimeService.deleteProcessInstanceIfExists(id, "test over", true, true, true, false));
    }

    /** Templates whose sample a test process can take as variables; the others are rendered in MailTemplatesTest. */
    static Stream<Arguments> everySimpleTemplateInEveryLanguage() throws IOException {
        return MailTemplatesTest.everyTemplateInEveryLanguage()
                .filter(arguments -> MailSamples.simple((String) arguments.get()[0]));
    }

    @ParameterizedTest(name = "{0} for {1}")
    @MethodSource("everySimpleTemplateInEveryLanguage")
    void shouldDeliverEveryTemplateInTheCustomersLanguageWithTheKeyInTheSubject(String template, Customer customer) {
        String key = nextKey();
        ProcessInstance instance = start(MailTestProcess.SEND_ONE, template, customer, key);

        managementService.executeJob(job(instance).getId());

        OutboundMessage record = outbound.ofRequest(key).get(0);
        assertThat(record.state()).isEqualTo(State.SENT);
        assertThat(record.attempts()).isEqualTo(1);
        assertThat(record.messageId()).matches("<[0-9a-f-]{36}@promisedesk\\.example>");
        assertThat(record).extracting(OutboundMessage::template, OutboundMessage::recipient, OutboundMessage::language)
                .containsExactly(template, customer.email(), customer.preferredLanguage());
        assertThat(record.sentAt()).isEqualTo(NOW);
        MimeMessage received = mail.messageTo(customer.email(), record.messageId());
        assertThat(header(received, "Subject")).isNotNull();
        assertThat(subject(received)).startsWith("[" + key + "] ").isEqualTo(record.subject());
        assertThat(header(received, "Content-Language")).isEqualTo(customer.preferredLanguage());
        assertThat(header(received, "From")).contains("support@promisedesk.example");
        assertThat(header(received, "Reply-To")).contains("support@promisedesk.example");
        assertThat(header(received, "Bcc")).as("the archive copy is blind").isNull();
        String text = partOf(received, "text/plain");
        assertThat(text).isEqualToNormalizingNewlines(record.bodyText()).contains(customer.name());
        assertThat(partOf(received, "text/html")).contains("<title>");
        mail.messageTo(ARCHIVE, record.messageId());
        assertThat((String) historyService.createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
                .variableName(SendCustomerMessage.LAST_CUSTOMER_MESSAGE).singleResult().getValue())
                .contains("template=" + template, "messageId=" + record.messageId());
    }

    @Test
    void shouldRefuseToRunOutsideAJobOfItsOwn() {
        assertThatThrownBy(() -> start(MailTestProcess.NOT_ASYNC, "promise-kept", MailTemplatesTest.NORTHWIND,
                nextKey())).isInstanceOf(ProcessEngineException.class)
                .hasMessageContaining("Task_Send: sendCustomerMessage must start a job of its own")
                .hasMessageContaining("camunda:asyncBefore=\"true\"");
    }

    @Test
    void shouldFailTheJobForACustomerWithoutAnAddressSoThatARetryCanSucceed() {
        ProcessInstance instance = start(MailTestProcess.SEND_ONE, "promise-kept", MailTemplatesTest.NORTHWIND,
                nextKey());
        runtimeService.setVariable(instance.getId(), "customerId", 21L); // 赵敏 has no e-mail address

        assertThatThrownBy(() -> managementService.executeJob(job(instance).getId()))
                .hasMessageContaining("customer 21 has no e-mail address for promise-kept")
                .hasMessageContaining(instance.getBusinessKey());
        assertThat(job(instance).getRetries()).as("retried on the schedule, then an incident").isPositive();
        assertThat(outbound.ofRequest(instance.getBusinessKey())).isEmpty();
    }

    @Test
    void shouldHaveNoArchiveToAskWhenNoneIsConfigured(@Autowired MailSettings settings) {
        MailSettings withoutArchive = new MailSettings(settings.from(), null, null, settings.timeZone(),
                settings.retryTimeCycle(), new MailSettings.Archive(null, settings.archive().imap()), settings.inbound(),
                settings.maxAttachmentSize(), settings.outbox());

        assertThat(new MessageArchive(withoutArchive).find("<any@promisedesk.example>"))
                .as("a message whose last attempt is unclear is then sent again, with the same Message-ID")
                .isEqualTo(MessageArchive.Answer.NO_ARCHIVE);
    }

    // helpers shared with the reliability tests

    ProcessInstance start(String process, String template, Customer customer, String key) {
        Map<String, Object> variables = MailSamples.of(template);
        variables.put("template", template);
        variables.put("customerId", customer.id());
        variables.put("requestKey", key);
        ProcessInstance instance = runtimeService.startProcessInstanceByKey(process, key, variables);
        started.add(instance.getId());
        return instance;
    }

    Job job(ProcessInstance instance) {
        return managementService.createJobQuery().processInstanceId(instance.getId()).singleResult();
    }

    static String nextKey() {
        return "REQ-2026-8%05d".formatted(KEYS.incrementAndGet());
    }

    static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    static Date minutesLater(long minutes) {
        return Date.from(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofMinutes(minutes)));
    }
}

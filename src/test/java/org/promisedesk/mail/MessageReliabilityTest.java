package org.promisedesk.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
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

/**
 * Never lost, never twice: an outage, retries into an incident, and the two awkward moments — the
 * server took the message but the answer never came back, and the job crashed after sending.
 * Jobs are executed by the test, and time passes by moving the engine's clock.
 */
@EngineTest
class MessageReliabilityTest {

    private static final Customer NORTHWIND = MailTemplatesTest.NORTHWIND;
    private static final String TEMPLATE = "promise-kept";

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
        ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-11-20T01:00:00Z")));
        mail.restore();
    }

    @AfterEach
    void tearDown() {
        mail.restore();
        MailTestProcess.CRASH_ONCE.set(false);
        ClockUtil.reset();
        started.forEach(id -> runtimeService.deleteProcessInstanceIfExists(id, "test over", true, true, true, false));
    }

    @Test
    void shouldDeliverEveryMessageExactlyOnceThroughAMinuteOfOutage() throws IOException {
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            keys.add(start().getBusinessKey());
        }
        List<Job> jobs = jobs();
        jobs.subList(0, 60).forEach(job -> assertThat(tryExecute(job)).isTrue());

        mail.divertSmtpTo(deadPort());
        long failed = jobs.subList(60, 140).stream().filter(job -> !tryExecute(job)).count();
        ClockUtil.setCurrentTime(SendCustomerMessageTest.minutesLater(1));
        mail.restore();
        int rounds = 0;
        while (!jobs().isEmpty() && rounds++ < 10) {
            jobs().forEach(this::tryExecute);
            ClockUtil.setCurrentTime(SendCustomerMessageTest.minutesLater(2));
        }

        assertThat(failed).as("messages that met the outage").isEqualTo(80);
        assertThat(jobs()).isEmpty();
        List<OutboundMessage> records = keys.stream().flatMap(key -> outbound.ofRequest(key).stream()).toList();
        assertThat(records).hasSize(200).allSatisfy(record -> assertThat(record.state()).isEqualTo(State.SENT));
        Map<String, Long> delivered = mail.messagesTo(NORTHWIND.email()).stream()
                .collect(Collectors.groupingBy(TestMailServer::id, Collectors.counting()));
        assertThat(records).allSatisfy(record -> assertThat(delivered.get(record.messageId()))
                .as("copies of %s", record.messageId()).isEqualTo(1L));
        assertThat(records.stream().filter(record -> record.attempts() == 2).count()).isEqualTo(80);
    }

    @Test
    void shouldBecomeAnIncidentWhenTheServerStaysDownAndClearWhenRetried() throws IOException {
        ProcessInstance instance = start();
        mail.divertSmtpTo(deadPort());
        int failures = 0;
        while (job(instance).getRetries() > 0 && failures < 10) {
            assertThat(tryExecute(job(instance))).isFalse();
            failures++;
            ClockUtil.setCurrentTime(SendCustomerMessageTest.minutesLater(31));
        }

        assertThat(failures).as("the first attempt and one retry per interval of PT1M,PT2M,PT5M,PT10M,PT30M")
                .isEqualTo(6);
        assertThat(runtimeService.createIncidentQuery().processInstanceId(instance.getId()).count()).isEqualTo(1);
        assertThat(runtimeService.createIncidentQuery().processInstanceId(instance.getId()).singleResult()
                .getIncidentMessage()).contains("Mail server connection failed");
        assertThat(mail.messagesTo(NORTHWIND.email()).stream().filter(m -> hasRequestKey(m, instance))).isEmpty();

        mail.restore();
        managementService.setJobRetries(job(instance).getId(), 1);
        assertThat(runtimeService.createIncidentQuery().processInstanceId(instance.getId()).count()).isZero();
        assertThat(tryExecute(job(instance))).isTrue();

        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(instance.getId()).count()).isZero();
        OutboundMessage record = outbound.ofRequest(instance.getBusinessKey()).get(0);
        assertThat(record.attempts()).isEqualTo(7);
        mail.messageTo(NORTHWIND.email(), record.messageId());
    }

    @Test
    void shouldNotSendASecondCopyWhenTheServerTookItButTheAnswerWasLost() throws IOException {
        ProcessInstance instance = start();
        try (BreakingSmtpProxy proxy = new BreakingSmtpProxy(mail.smtpPort(),
                BreakingSmtpProxy.Break.AFTER_SERVER_ACCEPTED)) {
            mail.divertSmtpTo(proxy.port());
            assertThat(tryExecute(job(instance))).as("the client saw a failure").isFalse();
        }
        OutboundMessage record = outbound.ofRequest(instance.getBusinessKey()).get(0);
        assertThat(record.state()).isEqualTo(State.SENDING);
        mail.messageTo(NORTHWIND.email(), record.messageId());

        mail.restore();
        ClockUtil.setCurrentTime(SendCustomerMessageTest.minutesLater(1));
        assertThat(tryExecute(job(instance))).isTrue();

        mail.messageTo(NORTHWIND.email(), record.messageId());
        assertThat(outbound.ofRequest(instance.getBusinessKey())).singleElement()
                .satisfies(sent -> assertThat(sent.state()).isEqualTo(State.SENT))
                .satisfies(sent -> assertThat(sent.attempts()).isEqualTo(1));
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(instance.getId()).count()).isZero();
    }

    @Test
    void shouldSendTheSameMessageAgainWhenTheServerNeverGotIt() throws IOException {
        ProcessInstance instance = start();
        try (BreakingSmtpProxy proxy = new BreakingSmtpProxy(mail.smtpPort(),
                BreakingSmtpProxy.Break.BEFORE_SERVER_SAW_END)) {
            mail.divertSmtpTo(proxy.port());
            assertThat(tryExecute(job(instance))).isFalse();
        }
        OutboundMessage record = outbound.ofRequest(instance.getBusinessKey()).get(0);
        assertThat(mail.messagesTo(NORTHWIND.email()).stream().map(TestMailServer::id)).doesNotContain(record.messageId());

        mail.restore();
        ClockUtil.setCurrentTime(SendCustomerMessageTest.minutesLater(1));
        assertThat(tryExecute(job(instance))).isTrue();

        OutboundMessage sent = outbound.ofRequest(instance.getBusinessKey()).get(0);
        assertThat(sent.messageId()).isEqualTo(record.messageId());
        assertThat(sent.attempts()).isEqualTo(2);
        assertThat(SendCustomerMessageTest.subject(mail.messageTo(NORTHWIND.email(), record.messageId())))
                .isEqualTo(record.subject());
    }

    @Test
    void shouldNotSendASecondCopyWhenTheJobCrashedAfterSending() {
        ProcessInstance instance = start();
        MailTestProcess.CRASH_ONCE.set(true);

        assertThatThrownBy(() -> managementService.executeJob(job(instance).getId()))
                .hasStackTraceContaining("simulated crash");
        OutboundMessage record = outbound.ofRequest(instance.getBusinessKey()).get(0);
        assertThat(record.state()).isEqualTo(State.SENT);
        ClockUtil.setCurrentTime(SendCustomerMessageTest.minutesLater(1));
        assertThat(tryExecute(job(instance))).isTrue();

        mail.messageTo(NORTHWIND.email(), record.messageId());
        assertThat(outbound.ofRequest(instance.getBusinessKey())).hasSize(1);
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(instance.getId()).count()).isZero();
        assertThat((String) historyService.createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
                .variableName(SendCustomerMessage.LAST_CUSTOMER_MESSAGE).singleResult().getValue())
                .contains(record.messageId());
    }

    private ProcessInstance start() {
        String key = SendCustomerMessageTest.nextKey();
        Map<String, Object> variables = MailSamples.of(TEMPLATE);
        variables.put("template", TEMPLATE);
        variables.put("customerId", NORTHWIND.id());
        ProcessInstance instance = runtimeService.startProcessInstanceByKey(MailTestProcess.SEND_ONE, key, variables);
        started.add(instance.getId());
        return instance;
    }

    private Job job(ProcessInstance instance) {
        return managementService.createJobQuery().processInstanceId(instance.getId()).singleResult();
    }

    /** The due jobs of the test processes started here. */
    private List<Job> jobs() {
        return managementService.createJobQuery().processDefinitionKey(MailTestProcess.SEND_ONE).executable()
                .list().stream().filter(job -> started.contains(job.getProcessInstanceId())).toList();
    }

    private boolean tryExecute(Job job) {
        try {
            managementService.executeJob(job.getId());
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static boolean hasRequestKey(jakarta.mail.internet.MimeMessage message, ProcessInstance instance) {
        return SendCustomerMessageTest.subject(message).contains(instance.getBusinessKey());
    }

    /** A port on loopback where nothing listens: connection refused, as when the server is down. */
    private static int deadPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

}

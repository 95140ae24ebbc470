package org.promisedesk.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
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
 * Never lost, never twice, never in the way: the process step only queues a message, and the mail
 * server's outage, an answer lost after the server took it, a sender that dies holding a message, a
 * job that crashes before it commits and two senders at once each end with every message delivered
 * once. Jobs and the outbox sender are run by the test; time passes by moving the engine's clock.
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
    @Autowired TaskService taskService;
    @Autowired OutboundMessages outbound;
    @Autowired MessageDelivery delivery;

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
        // Whatever a test left queued goes out now, so that it is not the next test's backlog.
        ClockUtil.setCurrentTime(SendCustomerMessageTest.minutesLater(24 * 60));
        delivery.deliverDue();
        ClockUtil.reset();
        started.forEach(id -> runtimeService.deleteProcessInstanceIfExists(id, "test over", true, true, true, false));
    }

    @Test
    void shouldGoOnWithTheWorkThroughAnOutageAndDeliverEveryQueuedMessageOnceWhenTheServerIsBack()
            throws IOException {
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            keys.add(start().getBusinessKey());
        }
        List<Job> jobs = jobs();
        jobs.subList(0, 60).forEach(job -> assertThat(tryExecute(job)).isTrue());

        mail.divertSmtpTo(deadPort());
        assertThat(jobs.subList(60, 140)).as("the steps that met the outage are done all the same")
                .allSatisfy(job -> assertThat(tryExecute(job)).isTrue());
        assertThat(unsent(keys)).as("queued, not lost").isEqualTo(80);
        assertThat(keys.subList(60, 140)).as("no server took the connection: nothing to ask the archive about")
                .noneMatch(key -> outbound.outcomeUnknown(outbound.ofRequest(key).get(0).messageKey()));
        ClockUtil.setCurrentTime(SendCustomerMessageTest.minutesLater(1));
        mail.restore();
        delivery.deliverDue();
        assertThat(unsent(keys)).isZero();
        jobs().forEach(job -> assertThat(tryExecute(job)).isTrue());

        assertThat(jobs()).isEmpty();
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(MailTestProcess.SEND_ONE).count())
                .as("every process went on and ended").isZero();
        List<OutboundMessage> records = keys.stream().flatMap(key -> outbound.ofRequest(key).stream()).toList();
        assertThat(records).hasSize(200).allSatisfy(record -> assertThat(record.state()).isEqualTo(State.SENT));
        Map<String, Long> delivered = mail.messagesTo(NORTHWIND.email()).stream()
                .collect(Collectors.groupingBy(TestMailServer::id, Collectors.counting()));
        assertThat(records).allSatisfy(record -> assertThat(delivered.get(record.messageId()))
                .as("copies of %s", record.messageId()).isEqualTo(1L));
        assertThat(records.stream().filter(record -> record.attempts() == 2).count()).isEqualTo(80);
    }

    @Test
    void shouldRaiseAnIncidentWhenTheServerStaysDownKeepTryingAndResolveItOnceSent() throws IOException {
        ProcessInstance instance = start(MailTestProcess.SEND_THEN_WAIT);
        mail.divertSmtpTo(deadPort());
        assertThat(tryExecute(job(instance))).isTrue();
        assertThat(taskService.createTaskQuery().processInstanceId(instance.getId())
                .taskDefinitionKey(MailTestProcess.TASK_AFTER_SENDING).count())
                .as("the next task is there while the message waits").isEqualTo(1);
        int failures = 1;
        while (incidents(instance) == 0 && failures < 10) {
            ClockUtil.setCurrentTime(SendCustomerMessageTest.minutesLater(31));
            delivery.deliverDue();
            assertThat(unsent(List.of(instance.getBusinessKey()))).isEqualTo(1);
            failures++;
        }

        assertThat(failures).as("the first attempt and one retry per interval of PT1M,PT2M,PT5M,PT10M,PT30M")
                .isEqualTo(6);
        assertThat(runtimeService.createIncidentQuery().processInstanceId(instance.getId()).singleResult())
                .satisfies(incident -> assertThat(incident.getIncidentType()).isEqualTo(MessageDelivery.INCIDENT_TYPE))
                .satisfies(incident -> assertThat(incident.getIncidentMessage()).contains("not sent yet, still retrying",
                        "Mail server connection failed"));
        ClockUtil.setCurrentTime(SendCustomerMessageTest.minutesLater(31));
        delivery.deliverDue();
        assertThat(outbound.ofRequest(instance.getBusinessKey()).get(0).attempts())
                .as("still tried after the schedule ran out").isEqualTo(7);
        assertThat(incidents(instance)).as("one incident, not one per attempt").isEqualTo(1);
        assertThat(mail.messagesTo(NORTHWIND.email()).stream().filter(m -> hasRequestKey(m, instance))).isEmpty();

        mail.restore();
        ClockUtil.setCurrentTime(SendCustomerMessageTest.minutesLater(31));
        delivery.deliverDue();

        assertThat(unsent(List.of(instance.getBusinessKey()))).isZero();
        assertThat(incidents(instance)).as("resolved once sent").isZero();
        OutboundMessage record = outbound.ofRequest(instance.getBusinessKey()).get(0);
        assertThat(record.attempts()).isEqualTo(8);
        mail.messageTo(NORTHWIND.email(), record.messageId());
    }

    @Test
    void shouldNotSendASecondCopyWhenTheServerTookItButTheAnswerWasLost() throws IOException {
        ProcessInstance instance = start();
        try (BreakingSmtpProxy proxy = new BreakingSmtpProxy(mail.smtpPort(),
                BreakingSmtpProxy.Break.AFTER_SERVER_ACCEPTED)) {
            mail.divertSmtpTo(proxy.port());
            assertThat(tryExecute(job(instance))).as("the step is done").isTrue();
        }
        OutboundMessage record = outbound.ofRequest(instance.getBusinessKey()).get(0);
        assertThat(record.state()).as("the sender saw a failure").isEqualTo(State.PENDING);
        assertThat(outbound.outcomeUnknown(record.messageKey())).as("the archive is asked before a second attempt")
                .isTrue();
        mail.messageTo(NORTHWIND.email(), record.messageId());

        mail.restore();
        ClockUtil.setCurrentTime(SendCustomerMessageTest.minutesLater(1));
        delivery.deliverDue();

        mail.messageTo(NORTHWIND.email(), record.messageId());
        assertThat(outbound.ofRequest(instance.getBusinessKey())).singleElement()
                .satisfies(sent -> assertThat(sent.state()).isEqualTo(State.SENT))
                .satisfies(sent -> assertThat(sent.attempts()).isEqualTo(1));
    }

    @Test
    void shouldSendTheSameMessageAgainWhenTheServerNeverGotIt() throws IOException {
        ProcessInstance instance = start();
        try (BreakingSmtpProxy proxy = new BreakingSmtpProxy(mail.smtpPort(),
                BreakingSmtpProxy.Break.BEFORE_SERVER_SAW_END)) {
            mail.divertSmtpTo(proxy.port());
            assertThat(tryExecute(job(instance))).isTrue();
        }
        OutboundMessage record = outbound.ofRequest(instance.getBusinessKey()).get(0);
        assertThat(mail.messagesTo(NORTHWIND.email()).stream().map(TestMailServer::id)).doesNotContain(record.messageId());

        mail.restore();
        ClockUtil.setCurrentTime(SendCustomerMessageTest.minutesLater(1));
        delivery.deliverDue();

        OutboundMessage sent = outbound.ofRequest(instance.getBusinessKey()).get(0);
        assertThat(sent.messageId()).isEqualTo(record.messageId());
        assertThat(sent.attempts()).isEqualTo(2);
        assertThat(SendCustomerMessageTest.subject(mail.messageTo(NORTHWIND.email(), record.messageId())))
                .isEqualTo(record.subject());
    }

    @Test
    void shouldTakeOverAMessageWhoseSenderDiedHoldingItOnlyAfterItsLease() throws IOException {
        ProcessInstance instance = start();
        mail.divertSmtpTo(deadPort());
        assertThat(tryExecute(job(instance))).isTrue();
        mail.restore();
        OutboundMessage queued = outbound.ofRequest(instance.getBusinessKey()).get(0);
        ClockUtil.setCurrentTime(SendCustomerMessageTest.minutesLater(1));
        Instant now = ClockUtil.getCurrentTime().toInstant();
        assertThat(outbound.claim(queued, now, now.plus(Duration.ofMinutes(5)))).as("a sender that then dies").isTrue();

        delivery.deliverDue();
        assertThat(unsent(List.of(instance.getBusinessKey()))).as("its lease holds").isEqualTo(1);
        ClockUtil.setCurrentTime(SendCustomerMessageTest.minutesLater(5));
        delivery.deliverDue();
        assertThat(unsent(List.of(instance.getBusinessKey()))).isZero();

        assertThat(mail.messagesTo(NORTHWIND.email()).stream().filter(m -> hasRequestKey(m, instance))).hasSize(1);
        assertThat(outbound.ofRequest(instance.getBusinessKey())).singleElement()
                .satisfies(sent -> assertThat(sent.state()).isEqualTo(State.SENT));
    }

    @Test
    void shouldQueueNothingWhenTheJobCrashesBeforeItCommitsAndSendOnceOnItsRetry() {
        ProcessInstance instance = start();
        MailTestProcess.CRASH_ONCE.set(true);

        assertThatThrownBy(() -> managementService.executeJob(job(instance).getId()))
                .hasStackTraceContaining("simulated crash");
        assertThat(outbound.ofRequest(instance.getBusinessKey())).as("rolled back with the job").isEmpty();
        assertThat(mail.messagesTo(NORTHWIND.email()).stream().filter(m -> hasRequestKey(m, instance))).isEmpty();
        ClockUtil.setCurrentTime(SendCustomerMessageTest.minutesLater(1));
        assertThat(tryExecute(job(instance))).isTrue();

        OutboundMessage record = outbound.ofRequest(instance.getBusinessKey()).get(0);
        mail.messageTo(NORTHWIND.email(), record.messageId());
        assertThat(outbound.ofRequest(instance.getBusinessKey())).hasSize(1);
        assertThat(mail.messagesTo(NORTHWIND.email()).stream().filter(m -> hasRequestKey(m, instance))).hasSize(1);
        assertThat((String) historyService.createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
                .variableName(SendCustomerMessage.LAST_CUSTOMER_MESSAGE).singleResult().getValue())
                .contains(record.messageId());
    }

    @Test
    void shouldSendARequestsMessagesInTheOrderTheyWereQueued() throws IOException {
        String key = SendCustomerMessageTest.nextKey();
        ProcessInstance first = start(MailTestProcess.SEND_ONE, key);
        ProcessInstance second = start(MailTestProcess.SEND_ONE, key);
        mail.divertSmtpTo(deadPort());
        assertThat(tryExecute(job(first))).isTrue();
        mail.restore();
        assertThat(tryExecute(job(second))).isTrue();
        assertThat(unsent(List.of(key))).as("the second waits for the first").isEqualTo(2);

        ClockUtil.setCurrentTime(SendCustomerMessageTest.minutesLater(1));
        delivery.deliverDue();

        List<OutboundMessage> records = outbound.ofRequest(key);
        List<String> arrived = mail.messagesTo(NORTHWIND.email()).stream().filter(m -> subjectHas(m, key))
                .map(TestMailServer::id).toList();
        assertThat(arrived).containsExactly(records.get(0).messageId(), records.get(1).messageId());
    }

    @Test
    void shouldSendEachMessageOnceWhenTwoSendersRunAtOnce() throws Exception {
        mail.divertSmtpTo(deadPort());
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            ProcessInstance instance = start();
            keys.add(instance.getBusinessKey());
            assertThat(tryExecute(job(instance))).isTrue();
        }
        mail.restore();
        ClockUtil.setCurrentTime(SendCustomerMessageTest.minutesLater(1));

        ExecutorService senders = Executors.newFixedThreadPool(2);
        try {
            Future<Integer> a = senders.submit(delivery::deliverDue);
            Future<Integer> b = senders.submit(delivery::deliverDue);
            a.get(60, TimeUnit.SECONDS);
            b.get(60, TimeUnit.SECONDS);
        } finally {
            senders.shutdownNow();
        }
        assertThat(unsent(keys)).isZero();
        Map<String, Long> delivered = mail.messagesTo(NORTHWIND.email()).stream()
                .collect(Collectors.groupingBy(TestMailServer::id, Collectors.counting()));
        assertThat(keys.stream().flatMap(key -> outbound.ofRequest(key).stream()))
                .allSatisfy(record -> assertThat(delivered.get(record.messageId())).isEqualTo(1L));
    }

    private long unsent(List<String> requestKeys) {
        return requestKeys.stream().flatMap(key -> outbound.ofRequest(key).stream())
                .filter(record -> record.state() != State.SENT).count();
    }

    private long incidents(ProcessInstance instance) {
        return runtimeService.createIncidentQuery().processInstanceId(instance.getId()).count();
    }

    private ProcessInstance start() {
        return start(MailTestProcess.SEND_ONE, SendCustomerMessageTest.nextKey());
    }

    private ProcessInstance start(String process) {
        return start(process, SendCustomerMessageTest.nextKey());
    }

    private ProcessInstance start(String process, String key) {
        Map<String, Object> variables = MailSamples.of(TEMPLATE);
        variables.put("template", TEMPLATE);
        variables.put("customerId", NORTHWIND.id());
        ProcessInstance instance = runtimeService.startProcessInstanceByKey(process, key, variables);
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
        return subjectHas(message, instance.getBusinessKey());
    }

    private static boolean subjectHas(jakarta.mail.internet.MimeMessage message, String key) {
        return SendCustomerMessageTest.subject(message).contains(key);
    }

    /** A port on loopback where nothing listens: connection refused, as when the server is down. */
    private static int deadPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

}

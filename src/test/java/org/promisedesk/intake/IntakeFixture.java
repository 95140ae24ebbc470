package org.promisedesk.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.promisedesk.intake.IntakeProcess.BODY;
import static org.promisedesk.intake.IntakeProcess.CHANNEL;
import static org.promisedesk.intake.IntakeProcess.CONTACT_ADDRESS;
import static org.promisedesk.intake.IntakeProcess.CUSTOMER_ID;
import static org.promisedesk.intake.IntakeProcess.MESSAGE_CUSTOMER_REPLIED;
import static org.promisedesk.intake.IntakeProcess.PROCESS_ID;
import static org.promisedesk.intake.IntakeProcess.REPLY_FROM;
import static org.promisedesk.intake.IntakeProcess.REPLY_FROM_CUSTOMER;
import static org.promisedesk.intake.IntakeProcess.REPLY_MESSAGE_ID;
import static org.promisedesk.intake.IntakeProcess.REPLY_TEXT;
import static org.promisedesk.intake.IntakeProcess.REQUEST_KEY;
import static org.promisedesk.intake.IntakeProcess.SUBJECT;
import static org.promisedesk.platform.ProcessTestSupport.subject;

import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.promisedesk.mail.MailAssertions;
import org.promisedesk.mail.TestMailServer;
import org.promisedesk.platform.ProcessTestSupport;

import jakarta.mail.internet.MimeMessage;

/** What the intake tests share: starting a request, completing tasks as a user, replies, jobs, mail. */
final class IntakeFixture {

    static final long NORTHWIND = 1L;
    static final String NORTHWIND_EMAIL = "it@northwind.example";
    static final long YUNFAN = 2L;
    static final String YUNFAN_EMAIL = "ops@yunfan.example.cn";
    private static final AtomicInteger KEYS = new AtomicInteger();

    private final RuntimeService runtimeService;
    private final TaskService taskService;
    private final ManagementService managementService;
    private final IdentityService identityService;
    private final TestMailServer mail;
    final List<String> started = new ArrayList<>();

    IntakeFixture(RuntimeService runtimeService, TaskService taskService, ManagementService managementService,
            IdentityService identityService, TestMailServer mail) {
        this.runtimeService = runtimeService;
        this.taskService = taskService;
        this.managementService = managementService;
        this.identityService = identityService;
        this.mail = mail;
    }

    /** Keys of a range of their own (REQ-2026-05xxxx), so tests never meet the sequence's keys. */
    static String nextRequestKey() {
        return "REQ-2026-05%04d".formatted(KEYS.incrementAndGet());
    }

    static Map<String, Object> input(String key, String contactAddress, String subject, String body) {
        Map<String, Object> input = new HashMap<>();
        input.put(REQUEST_KEY, key);
        input.put(CHANNEL, "email");
        input.put(CUSTOMER_ID, null);
        input.put(CONTACT_ADDRESS, contactAddress);
        input.put(SUBJECT, subject);
        input.put(BODY, body);
        return input;
    }

    ProcessInstance start(Map<String, Object> input) {
        ProcessInstance intake = asUser("agent", "agents", () -> input.get(REQUEST_KEY) instanceof String key
                ? runtimeService.startProcessInstanceByKey(PROCESS_ID, key, input)
                : runtimeService.startProcessInstanceByKey(PROCESS_ID, input));
        started.add(intake.getId());
        return intake;
    }

    /** Started and acknowledged: the request waits for an agent to classify it. */
    ProcessInstance startAcknowledged(Map<String, Object> input) {
        ProcessInstance intake = start(input);
        execute(job(IntakeProcess.TASK_ACKNOWLEDGE, intake));
        return intake;
    }

    void complete(String taskKey, ProcessInstance instance, String user, String group, Map<String, Object> form) {
        asUser(user, group, () -> taskService.complete(task(taskKey, instance).getId(), form));
    }

    void classify(ProcessInstance intake, String requestClass) {
        complete(IntakeProcess.TASK_CLASSIFY_REQUEST, intake, "agent", "agents",
                Map.of(IntakeProcess.REQUEST_CLASS, requestClass));
    }

    void answer(String taskKey, ProcessInstance intake, String user, String group, String text) {
        complete(taskKey, intake, user, group, Map.of(IntakeProcess.WORK_OUTCOME, IntakeProcess.OUTCOME_ANSWERED,
                IntakeProcess.ANSWER_TEXT, text));
    }

    /** What the inbound mail poller does with a reply carrying the request key. */
    void customerReplies(String key, String from, String text) {
        runtimeService.createMessageCorrelation(MESSAGE_CUSTOMER_REPLIED).processInstanceBusinessKey(key)
                .setVariable(REPLY_TEXT, text).setVariable(REPLY_FROM, from)
                .setVariable(REPLY_MESSAGE_ID, "<" + key + "-" + KEYS.incrementAndGet() + "@mail.example>")
                .setVariable(REPLY_FROM_CUSTOMER, true).correlateAllWithResult();
    }

    /** Runs every active timer of the instance that is due by the engine's clock, as the job executor would. */
    int fireDueTimers(ProcessInstance instance) {
        Date now = ClockUtil.getCurrentTime();
        List<Job> due = managementService.createJobQuery().processInstanceId(instance.getId()).timers().active()
                .list().stream().filter(job -> !job.getDuedate().after(now)).toList();
        due.forEach(job -> managementService.executeJob(job.getId()));
        return due.size();
    }

    Job timer(ProcessInstance instance, String activityId) {
        return managementService.createJobQuery().processInstanceId(instance.getId()).activityId(activityId).timers()
                .singleResult();
    }

    /** The messages of this request at the customer's GreenMail mailbox, oldest first. */
    List<MimeMessage> letters(String address, String key) {
        return mail.messagesTo(address).stream().filter(message -> subject(message).startsWith("[" + key + "] "))
                .toList();
    }

    /** The plain text of the last message of the request, after checking its subject. */
    String lastLetter(String address, String key, String subjectStart) {
        List<MimeMessage> letters = letters(address, key);
        assertThat(letters).isNotEmpty();
        MimeMessage last = letters.get(letters.size() - 1);
        assertThat(subject(last)).startsWith("[" + key + "] " + subjectStart);
        String text = MailAssertions.plainText(last);
        assertThat(text).as("plain-text part").isNotNull();
        return text;
    }

    <T> T asUser(String userId, String group, Supplier<T> action) {
        return ProcessTestSupport.asUser(identityService, userId, group, action);
    }

    void asUser(String userId, String group, Runnable action) {
        ProcessTestSupport.asUser(identityService, userId, group, action);
    }

    void cleanUp() {
        ClockUtil.reset();
        identityService.clearAuthentication();
        for (String id : started) {
            runtimeService.createProcessInstanceQuery().superProcessInstanceId(id).list().forEach(sub ->
                    runtimeService.deleteProcessInstanceIfExists(sub.getId(), "test over", true, true, true, false));
            runtimeService.deleteProcessInstanceIfExists(id, "test over", true, true, true, false);
        }
    }
}

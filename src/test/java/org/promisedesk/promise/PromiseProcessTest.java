package org.promisedesk.promise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.promisedesk.mail.SendCustomerMessage.LAST_CUSTOMER_MESSAGE;
import static org.promisedesk.platform.ProcessTestSupport.assertEachNamesAFlowNode;
import static org.promisedesk.platform.ProcessTestSupport.assertThatRejected;
import static org.promisedesk.platform.ProcessTestSupport.deployedModel;
import static org.promisedesk.platform.ProcessTestSupport.elementIdConstants;
import static org.promisedesk.platform.ProcessTestSupport.subject;
import static org.promisedesk.promise.PromiseProcess.CANCEL_REASON;
import static org.promisedesk.promise.PromiseProcess.CUSTOMER_ID;
import static org.promisedesk.promise.PromiseProcess.DUE_DATE;
import static org.promisedesk.promise.PromiseProcess.DUE_DATE_CHANGES;
import static org.promisedesk.promise.PromiseProcess.EVENT_PROMISE_CANCELLED;
import static org.promisedesk.promise.PromiseProcess.EVENT_PROMISE_CLOSED;
import static org.promisedesk.promise.PromiseProcess.EVENT_PROMISE_DUE;
import static org.promisedesk.promise.PromiseProcess.EVENT_REMINDER_DUE;
import static org.promisedesk.promise.PromiseProcess.MESSAGE_PROMISE_CANCELLED;
import static org.promisedesk.promise.PromiseProcess.NEW_DATE_REASON;
import static org.promisedesk.promise.PromiseProcess.NEW_DUE_DATE;
import static org.promisedesk.promise.PromiseProcess.OUTCOME;
import static org.promisedesk.promise.PromiseProcess.OUTCOME_CANCELLED;
import static org.promisedesk.promise.PromiseProcess.OUTCOME_CANNOT_BE_DONE;
import static org.promisedesk.promise.PromiseProcess.OUTCOME_KEPT;
import static org.promisedesk.promise.PromiseProcess.OWNER;
import static org.promisedesk.promise.PromiseProcess.PROCESS_ID;
import static org.promisedesk.promise.PromiseProcess.PROMISE_OUTCOME;
import static org.promisedesk.promise.PromiseProcess.PROMISE_TEXT;
import static org.promisedesk.promise.PromiseProcess.REMINDED_PRIORITY;
import static org.promisedesk.promise.PromiseProcess.REMINDER_AT;
import static org.promisedesk.promise.PromiseProcess.REQUEST_KEY;
import static org.promisedesk.promise.PromiseProcess.RESULT_TEXT;
import static org.promisedesk.promise.PromiseProcess.TASK_AGREE_NEW_DATE;
import static org.promisedesk.promise.PromiseProcess.TASK_KEEP_PROMISE;
import static org.promisedesk.promise.PromiseProcess.TASK_REMIND_OWNER;
import static org.promisedesk.promise.PromiseProcess.TASK_TELL_CUSTOMER_CANCELLED;
import static org.promisedesk.promise.PromiseProcess.TASK_TELL_CUSTOMER_NEW_DATE;
import static org.promisedesk.promise.PromiseProcess.TASK_TELL_CUSTOMER_OUTCOME;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Comment;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Message;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.promisedesk.mail.TestMailServer;
import org.promisedesk.platform.EngineTest;
import org.promisedesk.platform.Groups;
import org.promisedesk.platform.ProcessTestSupport;
import org.springframework.beans.factory.annotation.Autowired;

import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

@EngineTest
class PromiseProcessTest {

    /** 09:00 in Shanghai. Every date in these tests is relative to it; the engine's clock is set to it. */
    private static final Instant NOW = Instant.parse("2026-11-20T01:00:00Z");
    private static final Date DUE = Date.from(NOW.plus(Duration.ofDays(3)));
    private static final Date REMINDER = Date.from(NOW.plus(Duration.ofDays(2)));
    private static final String OWNER_ID = "agent";
    private static final String NORTHWIND = "customer=1; to=it@northwind.example; lang=en";
    private static final AtomicInteger KEYS = new AtomicInteger();

    @Autowired
    private ProcessEngine processEngine;
    @Autowired
    private RuntimeService runtimeService;
    @Autowired
    private TaskService taskService;
    @Autowired
    private ManagementService managementService;
    @Autowired
    private HistoryService historyService;
    @Autowired
    private RepositoryService repositoryService;
    @Autowired
    private IdentityService identityService;
    @Autowired
    private TestMailServer mail;

    private final List<String> started = new ArrayList<>();
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
        started.forEach(id -> runtimeService.deleteProcessInstanceIfExists(id, "test over", true, true, true, false));
        if (parentDeploymentId != null) {
            repositoryService.deleteDeployment(parentDeploymentId, true, true);
        }
    }

    @Test
    void shouldTellCustomerPromiseIsKeptWhenOwnerKeepsItOnTime() {
        String key = nextRequestKey();
        ProcessInstance promise = startPromise(input(key));

        assertThat(promise).isStarted().hasBusinessKey(key)
                .isWaitingAt(TASK_KEEP_PROMISE, EVENT_REMINDER_DUE)
                .variables().containsEntry(REQUEST_KEY, key).containsEntry(CUSTOMER_ID, 1L)
                .containsEntry(DUE_DATE, DUE).containsEntry(REMINDER_AT, REMINDER).containsEntry(DUE_DATE_CHANGES, 0);
        assertThat(task(TASK_KEEP_PROMISE, promise)).isAssignedTo(OWNER_ID).hasDueDate(DUE);
        assertThat(job(EVENT_REMINDER_DUE, promise).getDuedate()).isEqualTo(REMINDER);

        asUser(OWNER_ID, Groups.AGENTS, () -> complete(task(TASK_KEEP_PROMISE, promise),
                withVariables(OUTCOME, OUTCOME_KEPT, RESULT_TEXT, "  The backup of www.northwind.example is restored.  ")));
        assertThat(promise).isWaitingAt(TASK_TELL_CUSTOMER_OUTCOME);
        execute(job(TASK_TELL_CUSTOMER_OUTCOME, promise));

        assertThat(promise).isEnded().hasPassed(EVENT_PROMISE_CLOSED).hasNotPassed(TASK_REMIND_OWNER)
                .variables().containsEntry(PROMISE_OUTCOME, OUTCOME_KEPT)
                .containsEntry(RESULT_TEXT, "The backup of www.northwind.example is restored.");
        assertThat(customerMessages(promise)).containsExactly("template=promise-kept; " + NORTHWIND);
        assertThat(managementService.createJobQuery().processInstanceId(promise.getId()).count()).isZero();
        assertThat(emailsAbout(key, "it@northwind.example")).singleElement().satisfies(email -> {
            assertThat(email.getSubject()).isEqualTo("[" + key + "] Done: Restore last week's backup of www.northwind.example");
            assertThat(email.getContentLanguage()).containsExactly("en");
            assertThat(text(email)).contains("Dear Northwind Traders Ltd,",
                    "The backup of www.northwind.example is restored.");
        });
    }

    @Test
    void shouldExplainToCustomerWhenPromiseCannotBeDone() {
        String key = nextRequestKey();
        Map<String, Object> input = input(key);
        input.put(CUSTOMER_ID, 2L);
        ProcessInstance promise = startPromise(input);

        complete(task(TASK_KEEP_PROMISE, promise), withVariables(OUTCOME, OUTCOME_CANNOT_BE_DONE,
                RESULT_TEXT, "The old disk cannot be read; we offer a restore from the weekly backup."));
        // The reminder may fire while the outcome is on its way to the customer: it finds no task and lets it be.
        ClockUtil.setCurrentTime(REMINDER);
        execute(job(EVENT_REMINDER_DUE, promise));
        assertThat(promise).hasPassed(TASK_REMIND_OWNER).isWaitingAt(TASK_TELL_CUSTOMER_OUTCOME, EVENT_PROMISE_DUE);
        execute(job(TASK_TELL_CUSTOMER_OUTCOME, promise));

        assertThat(promise).isEnded().hasPassed(EVENT_PROMISE_CLOSED)
                .variables().containsEntry(PROMISE_OUTCOME, OUTCOME_CANNOT_BE_DONE);
        assertThat(customerMessages(promise))
                .containsExactly("template=promise-cannot-be-done; customer=2; to=ops@yunfan.example.cn; lang=zh-CN");
        assertThat(emailsAbout(key, "ops@yunfan.example.cn")).singleElement().satisfies(email -> {
            assertThat(email.getSubject()).startsWith("[" + key + "] 很抱歉，我们无法完成承诺事项：");
            assertThat(email.getContentLanguage()).containsExactly("zh-CN");
            assertThat(text(email)).contains("尊敬的上海云帆电子商务有限公司：", "we offer a restore from the weekly backup");
        });
    }

    @Test
    void shouldRemindOwnerBeforeTheDueDate() {
        ProcessInstance promise = startPromise(input(nextRequestKey()));
        assertThat(executableJobs(promise)).isZero();

        ClockUtil.setCurrentTime(Date.from(REMINDER.toInstant().plusSeconds(60)));
        execute(job(EVENT_REMINDER_DUE, promise));

        Task ownerTask = task(TASK_KEEP_PROMISE, promise);
        assertThat(ownerTask).isAssignedTo(OWNER_ID).hasDueDate(DUE);
        assertThat(ownerTask.getPriority()).isEqualTo(REMINDED_PRIORITY);
        assertThat(taskService.getTaskComments(ownerTask.getId())).extracting(Comment::getFullMessage)
                .containsExactly("Reminder: due at " + DueDates.format(DUE));
        assertThat(promise).hasPassed(TASK_REMIND_OWNER).isWaitingAt(TASK_KEEP_PROMISE, EVENT_PROMISE_DUE);
        assertThat(job(EVENT_PROMISE_DUE, promise).getDuedate()).isEqualTo(DUE);
        assertThat(executableJobs(promise)).isZero();
    }

    @Test
    void shouldAgreeNewDateWhenPromiseIsOverdueAndWatchTheNewDate() {
        String key = nextRequestKey();
        ProcessInstance promise = startPromise(input(key));
        String ownerTaskId = task(TASK_KEEP_PROMISE, promise).getId();
        passReminderAndDueDate(promise, DUE);

        assertThat(promise).isWaitingAt(TASK_KEEP_PROMISE, TASK_AGREE_NEW_DATE);
        assertThat(task(TASK_AGREE_NEW_DATE, promise)).hasCandidateGroup(Groups.LEADS).isNotAssigned();
        Date newDue = Date.from(Instant.parse("2026-12-01T02:00:00Z"));
        // The lead may not change the owner's task; the process does it on the lead's completion.
        asUser("lead", Groups.LEADS, () -> complete(task(TASK_AGREE_NEW_DATE, promise), withVariables(
                NEW_DUE_DATE, "2026-12-01T10:00+08:00", NEW_DATE_REASON, "The replacement disk arrived late.")));

        assertThat(task(TASK_KEEP_PROMISE, promise).getId()).isEqualTo(ownerTaskId);
        assertThat(task(TASK_KEEP_PROMISE, promise)).hasDueDate(newDue);
        assertThat(taskService.getTaskComments(ownerTaskId)).extracting(Comment::getFullMessage)
                .contains("Due date moved from " + DueDates.format(DUE) + " to " + DueDates.format(newDue)
                        + ": The replacement disk arrived late.");
        assertThat(promise).isWaitingAt(TASK_KEEP_PROMISE, TASK_TELL_CUSTOMER_NEW_DATE).variables()
                .containsEntry(DUE_DATE, newDue).containsEntry(DUE_DATE_CHANGES, 1)
                .doesNotContainKeys(NEW_DUE_DATE, NEW_DATE_REASON);
        execute(job(TASK_TELL_CUSTOMER_NEW_DATE, promise));
        assertThat(customerMessages(promise)).containsExactly("template=promise-new-date; " + NORTHWIND);
        assertThat(emailsAbout(key, "it@northwind.example")).singleElement().satisfies(email -> {
            assertThat(email.getSubject()).startsWith("[" + key + "] Delayed, new date 1 December 2026: ");
            assertThat(text(email)).contains("The delay is ours", "The replacement disk arrived late.",
                    "Tuesday 1 December 2026, 10:00 China Standard Time");
        });
        // Removed once applied, so that the next overdue round starts empty; the history keeps it.
        assertThat(historicValues(promise, NEW_DATE_REASON)).containsExactly("The replacement disk arrived late.", null);

        // The watch starts again for the new date: reminder a day before it, then the due date.
        assertThat(promise).isWaitingAt(TASK_KEEP_PROMISE, EVENT_REMINDER_DUE);
        assertThat(job(EVENT_REMINDER_DUE, promise).getDuedate()).isEqualTo(minusOneDay(newDue));
        ClockUtil.setCurrentTime(Date.from(minusOneDay(newDue).toInstant().plusSeconds(60)));
        execute(job(EVENT_REMINDER_DUE, promise));
        assertThat(job(EVENT_PROMISE_DUE, promise).getDuedate()).isEqualTo(newDue);

        complete(task(TASK_KEEP_PROMISE, promise),
                withVariables(OUTCOME, OUTCOME_KEPT, RESULT_TEXT, "The disk is replaced and the server is back."));
        execute(job(TASK_TELL_CUSTOMER_OUTCOME, promise));
        assertThat(promise).isEnded().hasPassed(EVENT_PROMISE_CLOSED).variables()
                .containsEntry(PROMISE_OUTCOME, OUTCOME_KEPT).containsEntry(DUE_DATE_CHANGES, 1);
        assertThat(customerMessages(promise))
                .containsExactly("template=promise-new-date; " + NORTHWIND, "template=promise-kept; " + NORTHWIND);
        assertThat(emailsAbout(key, "it@northwind.example")).hasSize(2);
    }

    @Test
    void shouldWithdrawLeadTaskWhenOwnerKeepsOverduePromise() {
        ProcessInstance promise = startPromise(input(nextRequestKey()));
        passReminderAndDueDate(promise, DUE);
        assertThat(promise).isWaitingAt(TASK_KEEP_PROMISE, TASK_AGREE_NEW_DATE);

        complete(task(TASK_KEEP_PROMISE, promise),
                withVariables(OUTCOME, OUTCOME_KEPT, RESULT_TEXT, "Restored, a few hours late."));
        execute(job(TASK_TELL_CUSTOMER_OUTCOME, promise));

        assertThat(promise).isEnded().hasPassed(EVENT_PROMISE_CLOSED).hasNotPassed(TASK_TELL_CUSTOMER_NEW_DATE);
        assertThat(historyService.createHistoricTaskInstanceQuery().processInstanceId(promise.getId())
                .taskDefinitionKey(TASK_AGREE_NEW_DATE).singleResult().getDeleteReason()).isEqualTo("deleted");
        assertThat(customerMessages(promise)).containsExactly("template=promise-kept; " + NORTHWIND);
    }

    @Test
    void shouldRejectNewDateInThePastOrWithoutReason() {
        ProcessInstance promise = startPromise(input(nextRequestKey()));
        passReminderAndDueDate(promise, DUE);
        String leadTaskId = task(TASK_AGREE_NEW_DATE, promise).getId();

        assertThatRejected(() -> taskService.complete(leadTaskId), NEW_DUE_DATE + " is required", NEW_DATE_REASON);
        assertThatRejected(() -> taskService.complete(leadTaskId,
                Map.of(NEW_DUE_DATE, "2026-11-01T10:00Z", NEW_DATE_REASON, "The replacement disk arrived late.")),
                NEW_DUE_DATE + " ", "is not in the future");

        assertThat(task(TASK_AGREE_NEW_DATE, promise).getId()).isEqualTo(leadTaskId);
        assertThat(promise).variables().containsEntry(DUE_DATE, DUE).doesNotContainKeys(NEW_DUE_DATE, NEW_DATE_REASON);
    }

    @Test
    void shouldTellCustomerWhenPromiseIsCancelledWithReason() {
        String key = nextRequestKey();
        ProcessInstance promise = startPromise(input(key));

        runtimeService.createMessageCorrelation(MESSAGE_PROMISE_CANCELLED).processInstanceBusinessKey(key)
                .setVariable(CANCEL_REASON, "The customer moved the site to another provider.").correlate();

        assertThat(taskService.createTaskQuery().processInstanceId(promise.getId()).count()).isZero();
        assertThat(promise).isWaitingAt(TASK_TELL_CUSTOMER_CANCELLED);
        execute(job(TASK_TELL_CUSTOMER_CANCELLED, promise));

        assertThat(promise).isEnded().hasPassed(EVENT_PROMISE_CANCELLED).hasNotPassed(EVENT_PROMISE_CLOSED)
                .variables().containsEntry(PROMISE_OUTCOME, OUTCOME_CANCELLED)
                .containsEntry(CANCEL_REASON, "The customer moved the site to another provider.");
        assertThat(customerMessages(promise)).containsExactly("template=promise-cancelled; " + NORTHWIND);
        assertThat(emailsAbout(key, "it@northwind.example")).singleElement().satisfies(email -> {
            assertThat(email.getSubject()).startsWith("[" + key + "] Cancelled: ");
            assertThat(text(email)).contains("The customer moved the site to another provider.");
        });
        assertThat(managementService.createJobQuery().processInstanceId(promise.getId()).count()).isZero();
    }

    @Test
    void shouldRejectCancellationWithoutReason() {
        ProcessInstance promise = startPromise(input(nextRequestKey()));
        String ownerTaskId = task(TASK_KEEP_PROMISE, promise).getId();

        assertThatThrownBy(() -> runtimeService.createMessageCorrelation(MESSAGE_PROMISE_CANCELLED)
                .processInstanceId(promise.getId()).correlate())
                .isInstanceOf(BadUserRequestException.class).hasMessageContaining(CANCEL_REASON);
        assertThatThrownBy(() -> runtimeService.createMessageCorrelation(MESSAGE_PROMISE_CANCELLED)
                .processInstanceId(promise.getId()).setVariable(CANCEL_REASON, "   no  ").correlate())
                .isInstanceOf(BadUserRequestException.class).hasMessageContaining(CANCEL_REASON);

        assertThat(promise).isWaitingAt(TASK_KEEP_PROMISE, EVENT_REMINDER_DUE)
                .variables().doesNotContainKeys(CANCEL_REASON, PROMISE_OUTCOME);
        assertThat(task(TASK_KEEP_PROMISE, promise).getId()).isEqualTo(ownerTaskId);
        assertThat(customerMessages(promise)).isEmpty();
    }

    @Test
    void shouldRejectCompletionWithoutOutcomeAndResult() {
        ProcessInstance promise = startPromise(input(nextRequestKey()));
        String ownerTaskId = task(TASK_KEEP_PROMISE, promise).getId();

        assertThatRejected(() -> taskService.complete(ownerTaskId), OUTCOME + " is required", RESULT_TEXT + " is required");
        assertThatRejected(() -> taskService.complete(ownerTaskId, Map.of(OUTCOME, "maybe", RESULT_TEXT, "done")),
                OUTCOME + " is required", RESULT_TEXT + " is required");
        assertThatRejected(() -> taskService.complete(ownerTaskId, Map.of(OUTCOME, OUTCOME_KEPT, RESULT_TEXT, "    ")),
                RESULT_TEXT + " is required");

        assertThat(task(TASK_KEEP_PROMISE, promise).getId()).isEqualTo(ownerTaskId);
        assertThat(promise).isWaitingAt(TASK_KEEP_PROMISE, EVENT_REMINDER_DUE)
                .variables().doesNotContainKeys(OUTCOME, RESULT_TEXT, PROMISE_OUTCOME);
    }

    static Stream<Arguments> badInputs() {
        return Stream.of(
                Arguments.of(OWNER, "nobody", "owner 'nobody' is not a user"),
                Arguments.of(OWNER, null, "owner is required"),
                Arguments.of(CUSTOMER_ID, 999_999L, "customerId 999999 is not a known customer"),
                Arguments.of(CUSTOMER_ID, "Northwind", "customerId 'Northwind' is not a customer id"),
                Arguments.of(DUE_DATE, Date.from(NOW.minusSeconds(3600)), "dueDate " + DueDates.format(
                        Date.from(NOW.minusSeconds(3600))) + " is not in the future"),
                Arguments.of(DUE_DATE, "next Tuesday", "dueDate 'next Tuesday' is not a date and time"),
                Arguments.of(PROMISE_TEXT, "   ", "promiseText is required"),
                Arguments.of(PROMISE_TEXT, "fix it", "promiseText is required: at least 10 characters"),
                Arguments.of(REQUEST_KEY, "REQ-26-1", "requestKey 'REQ-26-1' is not a request key"));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("badInputs")
    void shouldRejectStartWithBadInputNamingTheField(String field, Object value, String message) {
        long promisesBefore = historyService.createHistoricProcessInstanceQuery().processDefinitionKey(PROCESS_ID).count();
        Map<String, Object> input = input(nextRequestKey());
        input.put(field, value);

        assertThatThrownBy(() -> startPromise(input))
                .isInstanceOf(BadUserRequestException.class).hasMessageContaining(message);

        assertThat(historyService.createHistoricProcessInstanceQuery().processDefinitionKey(PROCESS_ID).count())
                .isEqualTo(promisesBefore);
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(PROCESS_ID)
                .processInstanceBusinessKey((String) input.get(REQUEST_KEY)).count()).isZero();
    }

    @Test
    void shouldNameEveryBadFieldAtOnce() {
        Map<String, Object> input = input(nextRequestKey());
        input.put(OWNER, "nobody");
        input.put(PROMISE_TEXT, "");

        assertThatThrownBy(() -> startPromise(input)).isInstanceOf(BadUserRequestException.class)
                .hasMessageContaining("owner 'nobody'").hasMessageContaining("promiseText is required");
    }

    static Stream<Arguments> formDueDates() {
        LocalDateTime local = LocalDateTime.parse("2026-11-25T10:00");
        return Stream.of(
                Arguments.of("2026-11-25T10:00+08:00", Instant.parse("2026-11-25T02:00:00Z")),
                Arguments.of("2026-11-25T10:00Z", Instant.parse("2026-11-25T10:00:00Z")),
                Arguments.of("2026-11-25T10:00", local.atZone(ZoneId.systemDefault()).toInstant()),
                Arguments.of("2026-11-25T10:00:00.000+0800", Instant.parse("2026-11-25T02:00:00Z")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("formDueDates")
    void shouldAcceptDueDateAsCamundaFormsSubmitsIt(String submitted, Instant expected) {
        Map<String, Object> input = input(nextRequestKey());
        input.put(DUE_DATE, submitted);
        input.put(CUSTOMER_ID, 1.0); // a form's number field may arrive as a Double

        ProcessInstance promise = startPromise(input);

        assertThat(promise).variables().containsEntry(DUE_DATE, Date.from(expected)).containsEntry(CUSTOMER_ID, 1L);
        assertThat(task(TASK_KEEP_PROMISE, promise)).hasDueDate(Date.from(expected));
    }

    @Test
    void shouldTakeRequestKeyFromBusinessKeyAndStartWithoutStaleVariables() {
        String key = nextRequestKey();
        Map<String, Object> input = input(null);
        input.put(PROMISE_OUTCOME, OUTCOME_KEPT);
        input.put(CANCEL_REASON, "left over from another promise");

        ProcessInstance promise = runtimeService.startProcessInstanceByKey(PROCESS_ID, key, input);
        started.add(promise.getId());

        assertThat(promise).hasBusinessKey(key).variables().containsEntry(REQUEST_KEY, key)
                .doesNotContainKeys(PROMISE_OUTCOME, CANCEL_REASON);
        assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey(PROCESS_ID, key, input(nextRequestKey())))
                .isInstanceOf(BadUserRequestException.class).hasMessageContaining("differs from the business key");
    }

    @Test
    void shouldReturnOutcomeToCallingProcess() {
        BpmnModelInstance parent = Bpmn.createExecutableProcess("promise-test-parent").camundaHistoryTimeToLive(1)
                .startEvent()
                .callActivity("CallActivity_KeepPromise").calledElement(PROCESS_ID)
                .camundaInBusinessKey("#{execution.processBusinessKey}")
                .camundaIn(CUSTOMER_ID, CUSTOMER_ID).camundaIn(PROMISE_TEXT, PROMISE_TEXT)
                .camundaIn(OWNER, OWNER).camundaIn(DUE_DATE, DUE_DATE)
                .camundaOut(PROMISE_OUTCOME, PROMISE_OUTCOME)
                .userTask("Task_AfterPromise")
                .endEvent()
                .done();
        parentDeploymentId = repositoryService.createDeployment().addModelInstance("promise-test-parent.bpmn", parent)
                .deploy().getId();
        String key = nextRequestKey();
        Map<String, Object> input = input(null);
        input.remove(REQUEST_KEY);

        ProcessInstance caller = runtimeService.startProcessInstanceByKey("promise-test-parent", key, input);
        ProcessInstance promise = runtimeService.createProcessInstanceQuery().superProcessInstanceId(caller.getId())
                .singleResult();

        assertThat(caller).isWaitingAt("CallActivity_KeepPromise");
        assertThat(promise).hasProcessDefinitionKey(PROCESS_ID).hasBusinessKey(key)
                .variables().containsEntry(REQUEST_KEY, key);
        complete(task(TASK_KEEP_PROMISE, promise),
                withVariables(OUTCOME, OUTCOME_KEPT, RESULT_TEXT, "The firewall rule is in place."));
        execute(job(TASK_TELL_CUSTOMER_OUTCOME, promise));

        assertThat(promise).isEnded();
        assertThat(caller).isWaitingAt("Task_AfterPromise").variables().containsEntry(PROMISE_OUTCOME, OUTCOME_KEPT)
                .doesNotContainKeys(LAST_CUSTOMER_MESSAGE, RESULT_TEXT);
    }

    @Test
    void shouldKeepConstantsInStepWithTheModel() {
        BpmnModelInstance model = deployedModel(repositoryService, PROCESS_ID);
        List<String> elementIds = elementIdConstants(PromiseProcess.class);
        assertThat(elementIds).hasSizeGreaterThan(10);
        assertEachNamesAFlowNode(model, elementIds);
        assertThat(model.getModelElementsByType(Message.class)).extracting(Message::getName)
                .containsExactly(MESSAGE_PROMISE_CANCELLED);
        assertThat(model.getModelElementsByType(UserTask.class)).extracting(UserTask::getCamundaFormRef)
                .containsExactlyInAnyOrder(PromiseProcess.FORM_KEEP, PromiseProcess.FORM_NEW_DATE);
        assertThat(model.getModelElementsByType(StartEvent.class)).extracting(StartEvent::getCamundaFormRef)
                .contains(PromiseProcess.FORM_START);
    }

    // helpers

    private static String nextRequestKey() {
        return "REQ-2026-9%05d".formatted(KEYS.incrementAndGet());
    }

    /** A valid start: customer 1 (Northwind, English), owner agent, due in three days. */
    private static Map<String, Object> input(String requestKey) {
        Map<String, Object> input = new HashMap<>();
        input.put(CUSTOMER_ID, 1L);
        input.put(REQUEST_KEY, requestKey);
        input.put(PROMISE_TEXT, "Restore last week's backup of www.northwind.example");
        input.put(OWNER, OWNER_ID);
        input.put(DUE_DATE, DUE);
        return input;
    }

    /** Started as an agent would, through Tasklist or REST. */
    private ProcessInstance startPromise(Map<String, Object> input) {
        ProcessInstance promise = asUser(OWNER_ID, Groups.AGENTS,
                () -> runtimeService.startProcessInstanceByKey(PROCESS_ID, input));
        started.add(promise.getId());
        return promise;
    }

    private void passReminderAndDueDate(ProcessInstance promise, Date due) {
        ClockUtil.setCurrentTime(minusOneDay(due));
        execute(job(EVENT_REMINDER_DUE, promise));
        ClockUtil.setCurrentTime(Date.from(due.toInstant().plusSeconds(60)));
        execute(job(EVENT_PROMISE_DUE, promise));
    }

    private long executableJobs(ProcessInstance promise) {
        return managementService.createJobQuery().processInstanceId(promise.getId()).executable().count();
    }

    /**
     * Every message the customer was sent, oldest first, from the history; without its
     * Message-ID, which is new each time.
     */
    private List<Object> customerMessages(ProcessInstance promise) {
        return historicValues(promise, LAST_CUSTOMER_MESSAGE).stream()
                .map(value -> (Object) value.toString().replaceFirst("; messageId=<[^>]+>$", "")).toList();
    }

    /** The e-mails about a request that reached the customer's mailbox at GreenMail. */
    private List<MimeMessage> emailsAbout(String key, String address) {
        return mail.messagesTo(address).stream().filter(email -> subject(email).startsWith("[" + key + "] ")).toList();
    }

    /** The plain-text alternative of an e-mail. */
    private static String text(Part part) throws Exception {
        if (part.isMimeType("text/plain")) {
            return (String) part.getContent();
        }
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                String text = text(multipart.getBodyPart(i));
                if (text != null) {
                    return text;
                }
            }
        }
        return null;
    }

    private List<Object> historicValues(ProcessInstance promise, String variable) {
        return historyService.createHistoricDetailQuery().processInstanceId(promise.getId()).variableUpdates()
                .orderPartiallyByOccurrence().asc().list().stream()
                .map(HistoricVariableUpdate.class::cast)
                .filter(update -> update.getVariableName().equals(variable))
                .map(HistoricVariableUpdate::getValue)
                .toList();
    }

    private static Date minusOneDay(Date date) {
        return Date.from(date.toInstant().minus(Duration.ofDays(1)));
    }

    private <T> T asUser(String userId, String group, Supplier<T> action) {
        return ProcessTestSupport.asUser(identityService, userId, group, action);
    }

    private void asUser(String userId, String group, Runnable action) {
        ProcessTestSupport.asUser(identityService, userId, group, action);
    }
}

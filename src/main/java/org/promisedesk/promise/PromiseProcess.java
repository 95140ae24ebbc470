package org.promisedesk.promise;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The names {@code processes/promise.bpmn} ("Keep a promise") shares with code: element ids,
 * variables, the message and the forms. Change a name here and in the model together.
 *
 * <p><b>Inputs</b> (start variables, from a call activity or the start form):
 * {@link #CUSTOMER_ID}, {@link #REQUEST_KEY} (optional; becomes the business key),
 * {@link #PROMISE_TEXT}, {@link #OWNER}, {@link #DUE_DATE}. {@code Task_CheckPromise} rejects
 * bad input with a {@code BadUserRequestException} naming the fields, and nothing is started.
 *
 * <p><b>Output</b>: {@link #PROMISE_OUTCOME}, one of {@link #OUTCOME_KEPT},
 * {@link #OUTCOME_CANNOT_BE_DONE}, {@link #OUTCOME_CANCELLED}; set on every ending, so a calling
 * process maps it out ({@code <camunda:out source="promiseOutcome" target="promiseOutcome"/>}).
 *
 * <p><b>Cancelling</b>: correlate {@link #MESSAGE_PROMISE_CANCELLED} with the variable
 * {@link #CANCEL_REASON} to the process instance id (a request may hold several promises under
 * one business key). Without a reason the correlation fails and nothing changes.
 */
public final class PromiseProcess {

    public static final String PROCESS_ID = "promise";

    public static final String EVENT_PROMISE_MADE = "Event_PromiseMade";
    public static final String TASK_CHECK_PROMISE = "Task_CheckPromise";
    public static final String GATEWAY_KEEP_AND_WATCH = "Gateway_KeepAndWatch";
    public static final String TASK_KEEP_PROMISE = "Task_KeepPromise";
    public static final String TASK_TELL_CUSTOMER_OUTCOME = "Task_TellCustomerOutcome";
    public static final String EVENT_PROMISE_CLOSED = "Event_PromiseClosed";
    public static final String GATEWAY_WATCH_DUE_DATE = "Gateway_WatchDueDate";
    public static final String EVENT_REMINDER_DUE = "Event_ReminderDue";
    public static final String TASK_REMIND_OWNER = "Task_RemindOwner";
    public static final String EVENT_PROMISE_DUE = "Event_PromiseDue";
    public static final String TASK_AGREE_NEW_DATE = "Task_AgreeNewDate";
    public static final String TASK_MOVE_DUE_DATE = "Task_MoveDueDate";
    public static final String TASK_TELL_CUSTOMER_NEW_DATE = "Task_TellCustomerNewDate";
    public static final String SUB_PROCESS_CANCELLATION = "SubProcess_Cancellation";
    public static final String EVENT_CANCELLATION_ASKED = "Event_CancellationAsked";
    public static final String TASK_CHECK_CANCEL_REASON = "Task_CheckCancelReason";
    public static final String TASK_TELL_CUSTOMER_CANCELLED = "Task_TellCustomerCancelled";
    public static final String EVENT_PROMISE_CANCELLED = "Event_PromiseCancelled";

    public static final String MESSAGE_PROMISE_CANCELLED = "PromiseCancelled";

    public static final String FORM_START = "promise-start";
    public static final String FORM_KEEP = "promise-keep";
    public static final String FORM_NEW_DATE = "promise-new-date";

    // Inputs
    public static final String CUSTOMER_ID = "customerId";
    public static final String REQUEST_KEY = "requestKey";
    public static final String PROMISE_TEXT = "promiseText";
    public static final String OWNER = "owner";
    /** A {@code java.util.Date} once checked; the owner's task carries it as its due date. */
    public static final String DUE_DATE = "dueDate";

    // Kept while the promise is open
    public static final String CUSTOMER_NAME = "customerName";
    public static final String REMINDER_AT = "reminderAt";
    public static final String DUE_DATE_CHANGES = "dueDateChanges";

    // Form fields of the owner's task (promise-keep)
    public static final String OUTCOME = "outcome";
    public static final String RESULT_TEXT = "resultText";

    // Form fields of the lead's task (promise-new-date); removed once the date is moved
    public static final String NEW_DUE_DATE = "newDueDate";
    public static final String NEW_DATE_REASON = "newDateReason";

    // Payload of the cancellation message
    public static final String CANCEL_REASON = "cancelReason";

    // Output
    public static final String PROMISE_OUTCOME = "promiseOutcome";
    public static final String OUTCOME_KEPT = "kept";
    public static final String OUTCOME_CANNOT_BE_DONE = "cannot-be-done";
    public static final String OUTCOME_CANCELLED = "cancelled";
    public static final List<String> OWNER_OUTCOMES = List.of(OUTCOME_KEPT, OUTCOME_CANNOT_BE_DONE);

    /**
     * Variables only a running promise may set. A caller that passes all its variables in could
     * hand over stale ones (another promise's outcome, a reason) that would satisfy a check or
     * pre-fill a form, so {@code Task_CheckPromise} removes them.
     */
    static final List<String> WORKING_VARIABLES = List.of(OUTCOME, RESULT_TEXT, NEW_DUE_DATE,
            NEW_DATE_REASON, CANCEL_REASON, PROMISE_OUTCOME);

    /** Customer message templates; the outcome's template is {@code promise-} + the outcome. */
    public static final String TEMPLATE_KEPT = "promise-kept";
    public static final String TEMPLATE_CANNOT_BE_DONE = "promise-cannot-be-done";
    public static final String TEMPLATE_NEW_DATE = "promise-new-date";
    public static final String TEMPLATE_CANCELLED = "promise-cancelled";

    public static final Pattern REQUEST_KEY_PATTERN = Pattern.compile("REQ-\\d{4}-\\d{6}");

    /** The priority the owner's task gets when the reminder fires (Camunda's default is 50). */
    public static final int REMINDED_PRIORITY = 75;

    private PromiseProcess() {
    }
}

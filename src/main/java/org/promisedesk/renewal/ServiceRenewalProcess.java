package org.promisedesk.renewal;

import java.util.List;

/**
 * The names {@code processes/service-renewal.bpmn} ("Renew a service") shares with code: element
 * ids, variables, messages, forms and templates. Change a name here and in the model together.
 *
 * <p><b>Started</b> by the daily scan ({@code renewal-scan}) with the business key
 * {@code SVC-<service id>-<expiry yyyy-MM-dd>} and the variables {@link #SERVICE_ID} and
 * {@link #EXPIRY_ON} ({@link RenewalStarter}); a payment or cancellation that comes before any
 * reminder starts one the same way and is then correlated to it. Each start inserts the row of
 * the {@code renewal} table in the same transaction; its unique key makes a second start fail.
 *
 * <p><b>Messages</b>, correlated to the process instance by {@link RenewalPayments} and
 * {@link RenewalCancellations}: {@link #MESSAGE_RENEWAL_PAID} with {@link #PAID_UNTIL} (and
 * optionally {@link #PAYMENT_REFERENCE}, {@link #PAYMENT_RECORDED_BY}); {@link #MESSAGE_RENEWAL_CANCELLED}
 * with an optional {@link #CANCEL_REASON}.
 */
public final class ServiceRenewalProcess {

    public static final String PROCESS_ID = "service-renewal";

    // Start
    public static final String EVENT_RENEWAL_DUE = "Event_RenewalDue";
    public static final String TASK_PLAN_REMINDERS = "Task_PlanReminders";

    // Reminding, grace, suspension and reclaim
    public static final String SUB_PROCESS_REMINDING = "SubProcess_Reminding";
    public static final String GATEWAY_REMIND_AND_CALL = "Gateway_RemindAndCall";
    public static final String SUB_PROCESS_REMINDERS = "SubProcess_Reminders";
    public static final String EVENT_REMINDER_DUE = "Event_ReminderDue";
    public static final String TASK_SEND_REMINDER = "Task_SendReminder";
    public static final String EVENT_EXPIRY_PASSED = "Event_ExpiryPassed";
    public static final String TASK_START_GRACE_PERIOD = "Task_StartGracePeriod";
    public static final String SUB_PROCESS_GRACE_REMINDERS = "SubProcess_GraceReminders";
    public static final String EVENT_GRACE_REMINDER_DUE = "Event_GraceReminderDue";
    public static final String TASK_SEND_GRACE_REMINDER = "Task_SendGraceReminder";
    public static final String EVENT_GRACE_PERIOD_OVER = "Event_GracePeriodOver";
    public static final String TASK_RECORD_SUSPENSION = "Task_RecordSuspension";
    public static final String TASK_SUSPEND_SERVICE = "Task_SuspendService";
    public static final String TASK_TELL_CUSTOMER_SUSPENDED = "Task_TellCustomerSuspended";
    public static final String EVENT_FINAL_NOTICE_DUE = "Event_FinalNoticeDue";
    public static final String TASK_SEND_FINAL_NOTICE = "Task_SendFinalNotice";
    public static final String EVENT_RETENTION_OVER = "Event_RetentionOver";
    public static final String TASK_RECORD_RECLAIM = "Task_RecordReclaim";
    public static final String TASK_RECLAIM_SERVICE = "Task_ReclaimService";
    public static final String TASK_TELL_CUSTOMER_RECLAIMED = "Task_TellCustomerReclaimed";
    public static final String EVENT_SERVICE_RECLAIMED = "Event_ServiceReclaimed";
    public static final String GATEWAY_KEY_ACCOUNT = "Gateway_KeyAccount";
    public static final String EVENT_SALES_CALL_DUE = "Event_SalesCallDue";
    public static final String TASK_CALL_CUSTOMER = "Task_CallCustomer";
    public static final String EVENT_CALL_DONE = "Event_CallDone";
    public static final String EVENT_NO_CALL_NEEDED = "Event_NoCallNeeded";
    public static final String EVENT_RENEWAL_ENDED_UNPAID = "Event_RenewalEndedUnpaid";

    // Paid
    public static final String EVENT_PAID = "Event_Paid";
    public static final String GATEWAY_PAYMENT_RECEIVED = "Gateway_PaymentReceived";
    public static final String TASK_RECORD_PAYMENT = "Task_RecordPayment";
    public static final String TASK_CONFIRM_PAYMENT = "Task_ConfirmPayment";
    public static final String GATEWAY_WAS_SUSPENDED = "Gateway_WasSuspended";
    public static final String TASK_REACTIVATE_SERVICE = "Task_ReactivateService";
    public static final String EVENT_RENEWAL_PAID = "Event_RenewalPaid";
    public static final String EVENT_SERVICE_BACK_ON = "Event_ServiceBackOn";

    // Cancelled by the customer
    public static final String EVENT_CANCELLED = "Event_Cancelled";
    public static final String TASK_RECORD_CANCELLATION = "Task_RecordCancellation";
    public static final String TASK_SAY_GOODBYE = "Task_SayGoodbye";
    public static final String GATEWAY_STILL_PAID_UP = "Gateway_StillPaidUp";
    public static final String GATEWAY_EXPIRY_OR_PAYMENT = "Gateway_ExpiryOrPayment";
    public static final String EVENT_PAID_PERIOD_OVER = "Event_PaidPeriodOver";
    public static final String EVENT_PAID_AFTER_ALL = "Event_PaidAfterAll";
    public static final String GATEWAY_CLOSE_SERVICE = "Gateway_CloseService";
    public static final String TASK_CLOSE_SERVICE = "Task_CloseService";
    public static final String TASK_DECOMMISSION_SERVICE = "Task_DecommissionService";
    public static final String EVENT_RENEWAL_CANCELLED = "Event_RenewalCancelled";

    public static final String MESSAGE_RENEWAL_PAID = "RenewalPaid";
    public static final String MESSAGE_RENEWAL_CANCELLED = "RenewalCancelled";

    public static final String FORM_CALL = "renewal-call";
    public static final String FORM_SUSPEND = "renewal-suspend";
    public static final String FORM_REACTIVATE = "renewal-reactivate";
    public static final String FORM_RECLAIM = "renewal-reclaim";
    public static final String FORM_DECOMMISSION = "renewal-decommission";

    public static final String TEMPLATE_REMINDER = "renewal-reminder";
    public static final String TEMPLATE_GRACE_REMINDER = "renewal-grace-reminder";
    public static final String TEMPLATE_SUSPENDED = "renewal-suspended";
    public static final String TEMPLATE_FINAL_NOTICE = "renewal-final-notice";
    public static final String TEMPLATE_RECLAIMED = "renewal-reclaimed";
    public static final String TEMPLATE_PAID = "renewal-paid";
    public static final String TEMPLATE_GOODBYE = "renewal-goodbye";

    // Start variables
    /** The service (subscription) id, a Long. */
    public static final String SERVICE_ID = "serviceId";
    /** The expiry date this renewal is about, {@code yyyy-MM-dd}. */
    public static final String EXPIRY_ON = "expiryOn";

    // Facts about the service and customer, for the letters, forms and Tasklist
    public static final String CUSTOMER_ID = "customerId";
    public static final String CUSTOMER_NAME = "customerName";
    public static final String RENEWAL_KEY = "renewalKey";
    public static final String SERVICE_NAME = "serviceName";
    public static final String PLAN = "plan";
    public static final String MONTHLY_PRICE = "monthlyPrice";
    /** The expiry date as a Date at noon (for letters and forms). */
    public static final String EXPIRY_DATE = "expiryDate";

    // The plan (Task_PlanReminders): all dates as java.util.Date
    /** Comma-separated ISO instants; the reminders loop over {@code ${renewalPlan.times(reminderTimes)}}. */
    public static final String REMINDER_TIMES = "reminderTimes";
    public static final String GRACE_REMINDER_TIMES = "graceReminderTimes";
    /** The element variable of both reminder loops: when this reminder is due. */
    public static final String REMINDER_AT = "reminderAt";
    public static final String KEY_ACCOUNT = "keyAccount";
    public static final String ACCOUNT_MANAGER = "accountManager";
    public static final String SALES_CALL_AT = "salesCallAt";
    public static final String SALES_CALL_DUE = "salesCallDue";
    /** The start of the first unpaid day. */
    public static final String LAPSED_AT = "lapsedAt";
    public static final String SUSPEND_AT = "suspendAt";
    public static final String FINAL_NOTICE_AT = "finalNoticeAt";
    public static final String RECLAIM_AT = "reclaimAt";

    // Form fields of the sales call (renewal-call)
    public static final String CALL_OUTCOME = "callOutcome";
    public static final String CALL_NOTES = "callNotes";
    public static final List<String> CALL_OUTCOMES = List.of("will-renew", "undecided", "will-not-renew",
            "not-reached");

    // Payment (message RenewalPaid)
    /** The new expiry date, {@code yyyy-MM-dd} (a Date is accepted and normalised). */
    public static final String PAID_UNTIL = "paidUntil";
    public static final String PAYMENT_REFERENCE = "paymentReference";
    public static final String PAYMENT_RECORDED_BY = "paymentRecordedBy";
    /** Set by Task_RecordPayment: the new expiry as a Date at noon, and whether it was suspended. */
    public static final String NEW_EXPIRY_DATE = "newExpiryDate";
    public static final String WAS_SUSPENDED = "wasSuspended";

    // Cancellation (message RenewalCancelled)
    public static final String CANCEL_REASON = "cancelReason";
    /** Set by Task_RecordCancellation: whether the paid period is still running. */
    public static final String STILL_PAID_UP = "stillPaidUp";

    /** The output: how the renewal ended. */
    public static final String RENEWAL_OUTCOME = "renewalOutcome";
    public static final String OUTCOME_PAID = "paid";
    public static final String OUTCOME_CANCELLED = "cancelled";
    public static final String OUTCOME_RECLAIMED = "reclaimed";

    private ServiceRenewalProcess() {
    }
}

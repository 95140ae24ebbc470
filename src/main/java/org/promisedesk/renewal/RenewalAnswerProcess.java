package org.promisedesk.renewal;

import java.util.List;

/**
 * The names {@code processes/renewal-answer.bpmn} ("Record a customer's renewal answer") shares
 * with code: the agents' Tasklist action for a payment or cancellation the customer tells us by
 * phone or e-mail. It does what {@code POST /api/services/{id}/renewals} does, through the same
 * code ({@link RenewalPayments}, {@link RenewalCancellations}).
 */
public final class RenewalAnswerProcess {

    public static final String PROCESS_ID = "renewal-answer";

    public static final String EVENT_ANSWER_RECEIVED = "Event_AnswerReceived";
    public static final String TASK_CHECK_ANSWER = "Task_CheckAnswer";
    public static final String GATEWAY_WHICH_ANSWER = "Gateway_WhichAnswer";
    public static final String TASK_RECORD_RENEWAL_PAYMENT = "Task_RecordRenewalPayment";
    public static final String EVENT_PAYMENT_RECORDED = "Event_PaymentRecorded";
    public static final String TASK_RECORD_RENEWAL_CANCELLATION = "Task_RecordRenewalCancellation";
    public static final String EVENT_CANCELLATION_RECORDED = "Event_CancellationRecorded";

    public static final String FORM_START = "renewal-answer";

    // Form fields
    public static final String SERVICE_ID = ServiceRenewalProcess.SERVICE_ID;
    public static final String ANSWER = "answer";
    public static final String ANSWER_PAID = "paid";
    public static final String ANSWER_CANCELLED = "cancelled";
    public static final List<String> ANSWERS = List.of(ANSWER_PAID, ANSWER_CANCELLED);
    public static final String PAID_UNTIL = ServiceRenewalProcess.PAID_UNTIL;
    public static final String PAYMENT_REFERENCE = ServiceRenewalProcess.PAYMENT_REFERENCE;
    public static final String CANCEL_REASON = ServiceRenewalProcess.CANCEL_REASON;

    // Output
    /** The business key of the renewal the answer went to. */
    public static final String RENEWAL_KEY = ServiceRenewalProcess.RENEWAL_KEY;

    private RenewalAnswerProcess() {
    }
}

package org.promisedesk.refusal;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The names {@code processes/refusal.bpmn} ("Refuse with an explanation") and
 * {@code processes/refusal-review.dmn} share with code: element ids, variables, values, the
 * message, the decision and the forms. Change a name here and in the model together.
 *
 * <p><b>Inputs</b> (start variables, from a call activity or the start form): {@link #REQUEST_KEY}
 * (or the business key), {@link #CUSTOMER_ID}, {@link #REQUEST_SUMMARY} (what was asked),
 * optionally {@link #REFUSED_BY} (a user id; default: who starts it) and a pre-filled
 * {@link #ALTERNATIVE} and {@link #REFERRAL}. {@code Task_CheckRefusal} rejects bad input with a
 * {@code BadUserRequestException} naming the fields, and nothing is started.
 *
 * <p><b>Output</b>: {@link #REFUSAL_OUTCOME}, one of {@link #OUTCOMES}; a calling process maps it
 * out with {@code <camunda:out source="refusalOutcome" target="refusalOutcome"/>}. Only
 * {@link #OUTCOME_OVERTURNED} means "do it after all".
 *
 * <p><b>Message</b>: {@link #MESSAGE_CUSTOMER_REPLIED} (variables {@link #REPLY_TEXT},
 * {@link #REPLY_FROM}, {@link #REPLY_MESSAGE_ID}, {@link #REPLY_FROM_CUSTOMER}), correlated by
 * business key while the refusal waits for the customer's answer (the mail package's
 * {@code CustomerReplies} contract).
 */
public final class RefusalProcess {

    public static final String PROCESS_ID = "refusal";
    public static final String DECISION_REVIEW = "refusal-review";

    public static final String EVENT_REFUSAL_REQUESTED = "Event_RefusalRequested";
    public static final String TASK_CHECK_REFUSAL = "Task_CheckRefusal";
    public static final String GATEWAY_DRAFT = "Gateway_Draft";
    public static final String TASK_DRAFT_REFUSAL = "Task_DraftRefusal";
    public static final String TASK_DECIDE_REVIEW = "Task_DecideReview";
    public static final String GATEWAY_REVIEW_NEEDED = "Gateway_ReviewNeeded";
    public static final String TASK_REVIEW_REFUSAL = "Task_ReviewRefusal";
    public static final String GATEWAY_REVIEW_DECISION = "Gateway_ReviewDecision";
    public static final String GATEWAY_LETTER = "Gateway_Letter";
    public static final String TASK_SEND_REFUSAL_LETTER = "Task_SendRefusalLetter";
    public static final String GATEWAY_AWAIT_ANSWER = "Gateway_AwaitAnswer";
    public static final String TASK_RECORD_ANSWER = "Task_RecordAnswer";
    public static final String EVENT_CUSTOMER_REPLIED = "Event_CustomerReplied";
    public static final String EVENT_NO_ANSWER_IN_TIME = "Event_NoAnswerInTime";
    public static final String TASK_READ_REPLY = "Task_ReadReply";
    public static final String TASK_CLOSE_BY_SILENCE = "Task_CloseBySilence";
    public static final String EVENT_ACCEPTED_BY_SILENCE = "Event_AcceptedBySilence";
    public static final String GATEWAY_ANSWER_GIVEN = "Gateway_AnswerGiven";
    public static final String GATEWAY_CUSTOMER_ANSWER = "Gateway_CustomerAnswer";
    public static final String GATEWAY_ACCEPTS_DECISION = "Gateway_AcceptsDecision";
    public static final String EVENT_REFUSAL_ACCEPTED = "Event_RefusalAccepted";
    public static final String TASK_KEEP_WAITING = "Task_KeepWaiting";
    public static final String TASK_CONFIRM_ALTERNATIVE = "Task_ConfirmAlternative";
    public static final String CALL_KEEP_ALTERNATIVE = "CallActivity_KeepAlternative";
    public static final String EVENT_ALTERNATIVE_DELIVERED = "Event_AlternativeDelivered";
    public static final String TASK_DECIDE_APPEAL = "Task_DecideAppeal";
    public static final String TASK_TELL_APPEAL_DECISION = "Task_TellAppealDecision";
    public static final String GATEWAY_AFTER_APPEAL = "Gateway_AfterAppeal";
    public static final String EVENT_APPEAL_DECIDED = "Event_AppealDecided";
    public static final String CALL_DO_WHAT_WAS_ASKED = "CallActivity_DoWhatWasAsked";
    public static final String EVENT_DONE_AFTER_ALL = "Event_DoneAfterAll";

    public static final String MESSAGE_CUSTOMER_REPLIED = "CustomerReplied";

    public static final String FORM_START = "refusal-start";
    public static final String FORM_DRAFT = "refusal-draft";
    public static final String FORM_REVIEW = "refusal-review";
    public static final String FORM_ANSWER = "refusal-answer";
    public static final String FORM_APPEAL = "refusal-appeal";

    // Inputs
    public static final String REQUEST_KEY = "requestKey";
    public static final String CUSTOMER_ID = "customerId";
    public static final String REQUEST_SUMMARY = "requestSummary";
    /** Who refuses: drafts the refusal and owns the follow-up promise. */
    public static final String REFUSED_BY = "refusedBy";

    // Set by Task_CheckRefusal
    public static final String CUSTOMER_NAME = "customerName";
    /** The customer's service profile ({@code VIP}, ...), an input of the review decision. */
    public static final String CUSTOMER_PROFILE = "customerProfile";
    /** Whether a process called this one (it then carries on after an overturned appeal). */
    public static final String CALLED_BY_PROCESS = "calledByProcess";

    // Form fields of the draft (refusal-draft)
    public static final String REASON_CATEGORY = "reasonCategory";
    public static final String EXPLANATION = "explanation";
    public static final String ALTERNATIVE = "alternative";
    public static final String REFERRAL = "referral";

    public static final String REASON_OUT_OF_SCOPE = "out-of-scope";
    public static final String REASON_TECHNICALLY_UNSAFE = "technically-unsafe";
    public static final String REASON_COST_OUT_OF_PROPORTION = "cost-out-of-proportion";
    public static final String REASON_NOT_POSSIBLE = "not-possible";
    public static final String REASON_NO_CAPACITY_NOW = "no-capacity-now";
    public static final String REASON_POLICY_LEGAL = "policy-legal";
    public static final List<String> REASON_CATEGORIES = List.of(REASON_OUT_OF_SCOPE, REASON_TECHNICALLY_UNSAFE,
            REASON_COST_OUT_OF_PROPORTION, REASON_NOT_POSSIBLE, REASON_NO_CAPACITY_NOW, REASON_POLICY_LEGAL);

    /** Output of the decision {@code refusal-review}. */
    public static final String REVIEW_NEEDED = "reviewNeeded";

    // Form fields of the lead's review (refusal-review); removed when the next draft is done
    public static final String REVIEW_DECISION = "reviewDecision";
    public static final String REVIEW_COMMENTS = "reviewComments";
    public static final String REVIEW_APPROVE = "approve";
    public static final String REVIEW_SEND_BACK = "send-back";
    public static final List<String> REVIEW_DECISIONS = List.of(REVIEW_APPROVE, REVIEW_SEND_BACK);

    /** Until when the customer may answer the letter; the silence timer fires then. */
    public static final String ANSWER_BY = "answerBy";

    // Payload of the message CustomerReplied
    public static final String REPLY_TEXT = "replyText";
    public static final String REPLY_FROM = "replyFrom";
    public static final String REPLY_MESSAGE_ID = "replyMessageId";
    /** False when the reply came from an address we did not write to: the agent checks before acting on it. */
    public static final String REPLY_FROM_CUSTOMER = "replyFromCustomer";

    // Form fields of the answer tasks (refusal-answer)
    public static final String CUSTOMER_ANSWER = "customerAnswer";
    public static final String ANSWER_NOTE = "answerNote";
    public static final String ANSWER_ACCEPT_ALTERNATIVE = "accept-alternative";
    public static final String ANSWER_ACCEPTED = "accepted";
    public static final String ANSWER_APPEAL = "appeal";
    public static final String ANSWER_OTHER = "other";
    public static final List<String> CUSTOMER_ANSWERS = List.of(ANSWER_ACCEPT_ALTERNATIVE, ANSWER_ACCEPTED,
            ANSWER_APPEAL, ANSWER_OTHER);

    // Form fields of the lead's appeal task (refusal-appeal)
    public static final String APPEAL_DECISION = "appealDecision";
    /** What the customer is told: the final explanation, or why we do it after all. */
    public static final String APPEAL_ANSWER = "appealAnswer";
    public static final String APPEAL_UPHOLD = "uphold";
    public static final String APPEAL_OVERTURN = "overturn";
    public static final List<String> APPEAL_DECISIONS = List.of(APPEAL_UPHOLD, APPEAL_OVERTURN);

    /** Due date of the promise that follows: the accepted alternative, or what was asked after all. */
    public static final String FOLLOW_UP_DUE_DATE = "followUpDueDate";
    /** {@code promiseOutcome} of that promise, mapped out of the call. */
    public static final String FOLLOW_UP_OUTCOME = "followUpOutcome";

    // Output
    public static final String REFUSAL_OUTCOME = "refusalOutcome";
    public static final String OUTCOME_ALTERNATIVE_ACCEPTED = "alternative-accepted";
    public static final String OUTCOME_ACCEPTED = "accepted";
    public static final String OUTCOME_UPHELD = "upheld";
    public static final String OUTCOME_OVERTURNED = "overturned";
    public static final String OUTCOME_ACCEPTED_BY_SILENCE = "accepted-by-silence";
    public static final List<String> OUTCOMES = List.of(OUTCOME_ALTERNATIVE_ACCEPTED, OUTCOME_ACCEPTED,
            OUTCOME_UPHELD, OUTCOME_OVERTURNED, OUTCOME_ACCEPTED_BY_SILENCE);
    /** The outcomes an appeal decision sets; {@code Task_TellAppealDecision} sends {@code refusal-} + one of them. */
    public static final List<String> APPEAL_OUTCOMES = List.of(OUTCOME_UPHELD, OUTCOME_OVERTURNED);

    /** Customer message templates; the appeal's is {@code refusal-} + the outcome. */
    public static final String TEMPLATE_LETTER = "refusal-letter";
    public static final String TEMPLATE_ALTERNATIVE_ACCEPTED = "refusal-alternative-accepted";
    public static final String TEMPLATE_UPHELD = "refusal-upheld";
    public static final String TEMPLATE_OVERTURNED = "refusal-overturned";

    public static final Pattern REQUEST_KEY_PATTERN = Pattern.compile("REQ-\\d{4}-\\d{6}");

    /**
     * Variables only a running refusal may set. A caller that passes all its variables in could
     * hand over stale ones (another refusal's outcome, a review decision) that would satisfy a
     * check or pre-fill a form, so {@code Task_CheckRefusal} removes them. The alternative and the
     * referral are inputs and stay.
     */
    static final List<String> WORKING_VARIABLES = List.of(REASON_CATEGORY, EXPLANATION, REVIEW_NEEDED,
            REVIEW_DECISION, REVIEW_COMMENTS, ANSWER_BY, REPLY_TEXT, REPLY_FROM, REPLY_MESSAGE_ID, REPLY_FROM_CUSTOMER,
            CUSTOMER_ANSWER, ANSWER_NOTE, APPEAL_DECISION, APPEAL_ANSWER, FOLLOW_UP_DUE_DATE, FOLLOW_UP_OUTCOME, REFUSAL_OUTCOME);

    private RefusalProcess() {
    }
}

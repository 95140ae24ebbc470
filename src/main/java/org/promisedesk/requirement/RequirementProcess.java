package org.promisedesk.requirement;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The names {@code processes/requirement-guidance.bpmn} ("Guide a requirement") and
 * {@code processes/requirement-triage.dmn} share with code: element ids, variables, values, the
 * message, the decisions and the forms. Change a name here and in the model together.
 *
 * <p><b>Inputs</b> (start variables, from a call activity or the start form): {@link #REQUEST_KEY}
 * (or the business key; started by hand without either, a new key is taken), {@link #CUSTOMER_ID}
 * (Long), {@link #STATED_REQUEST} (the customer's own words) and optionally {@link #SERVICE_ID}
 * (Long, a service of that customer). {@code Task_CheckRequirement} rejects bad input with a
 * {@code BadUserRequestException} naming the fields, and nothing is started.
 *
 * <p><b>Output</b>: {@link #REQUIREMENT_OUTCOME}, set at every end, one of {@link #OUTCOMES}:
 * <ul>
 * <li>{@value #OUTCOME_ACCEPT_NOW}: done now as a promise — decided so, accepted after an
 * overturned appeal, or paid work whose quote the customer accepted;</li>
 * <li>{@value #OUTCOME_SCHEDULE}: a promise with the committed date the customer was told;</li>
 * <li>{@value #OUTCOME_REFUSE_WITH_ALTERNATIVE}: refused through the {@code refusal} process (its
 * {@code refusalOutcome} is mapped out too);</li>
 * <li>{@value #OUTCOME_DECLINED}: referred to sales, the customer declined the quote;</li>
 * <li>{@value #OUTCOME_EXPIRED}: referred to sales, no answer to the quote in time.</li>
 * </ul>
 * A caller maps it out with {@code <camunda:out source="requirementOutcome" target="..."/>}.
 *
 * <p><b>Message</b>: {@link #MESSAGE_CUSTOMER_REPLIED}, correlated by business key while the
 * customer has the sales quote (the mail package's {@code CustomerReplies} contract).
 */
public final class RequirementProcess {

    public static final String PROCESS_ID = "requirement-guidance";
    public static final String DECISION_TRIAGE = "requirement-triage";
    public static final String DECISION_SCOPE = ServiceScope.DECISION_ID;

    public static final String EVENT_REQUIREMENT_RECEIVED = "Event_RequirementReceived";
    public static final String TASK_CHECK_REQUIREMENT = "Task_CheckRequirement";
    public static final String TASK_UNDERSTAND_NEED = "Task_UnderstandNeed";
    public static final String TASK_CHECK_SCOPE = "Task_CheckScope";
    public static final String TASK_PROPOSE_DECISION = "Task_ProposeDecision";
    public static final String TASK_CONFIRM_DECISION = "Task_ConfirmDecision";
    public static final String TASK_SEND_DECISION_LETTER = "Task_SendDecisionLetter";
    public static final String GATEWAY_DECISION = "Gateway_Decision";
    public static final String CALL_DO_IT_NOW = "CallActivity_DoItNow";
    public static final String EVENT_DONE_NOW = "Event_DoneNow";
    public static final String CALL_DO_IT_ON_DATE = "CallActivity_DoItOnDate";
    public static final String EVENT_DONE_ON_DATE = "Event_DoneOnDate";
    public static final String CALL_REFUSE = "CallActivity_Refuse";
    public static final String GATEWAY_APPEAL_OVERTURNED = "Gateway_AppealOverturned";
    public static final String EVENT_REFUSED = "Event_Refused";
    public static final String GATEWAY_PLAN_WORK = "Gateway_PlanWork";
    public static final String TASK_PLAN_WORK = "Task_PlanWork";
    public static final String TASK_SEND_ACCEPTANCE_LETTER = "Task_SendAcceptanceLetter";
    public static final String CALL_DO_IT_AFTER_ALL = "CallActivity_DoItAfterAll";
    public static final String EVENT_DONE_AFTER_ALL = "Event_DoneAfterAll";
    public static final String TASK_PREPARE_QUOTE = "Task_PrepareQuote";
    public static final String TASK_SEND_QUOTE = "Task_SendQuote";
    public static final String GATEWAY_AWAIT_QUOTE_ANSWER = "Gateway_AwaitQuoteAnswer";
    public static final String TASK_RECORD_QUOTE_ANSWER = "Task_RecordQuoteAnswer";
    public static final String EVENT_CUSTOMER_REPLIED = "Event_CustomerReplied";
    public static final String EVENT_NO_QUOTE_ANSWER = "Event_NoQuoteAnswer";
    public static final String TASK_READ_QUOTE_REPLY = "Task_ReadQuoteReply";
    public static final String GATEWAY_QUOTE_ANSWER_GIVEN = "Gateway_QuoteAnswerGiven";
    public static final String GATEWAY_QUOTE_ANSWER = "Gateway_QuoteAnswer";
    public static final String TASK_CONFIRM_DECLINE = "Task_ConfirmDecline";
    public static final String EVENT_QUOTE_DECLINED = "Event_QuoteDeclined";
    public static final String EVENT_QUOTE_EXPIRED = "Event_QuoteExpired";

    public static final String MESSAGE_CUSTOMER_REPLIED = "CustomerReplied";

    public static final String FORM_START = "requirement-start";
    public static final String FORM_ANALYSIS = "requirement-analysis";
    public static final String FORM_DECISION = "requirement-decision";
    public static final String FORM_PLAN = "requirement-plan";
    public static final String FORM_QUOTE = "requirement-quote";
    public static final String FORM_QUOTE_ANSWER = "requirement-quote-answer";

    // Inputs
    public static final String REQUEST_KEY = "requestKey";
    public static final String CUSTOMER_ID = "customerId";
    public static final String STATED_REQUEST = "statedRequest";
    public static final String SERVICE_ID = "serviceId";

    // Set by Task_CheckRequirement
    public static final String CUSTOMER_NAME = "customerName";
    /** The service in words ("CLOUD_VM vm-hk-1021, staging.northwind.example"), when one is named. */
    public static final String SERVICE_LABEL = "serviceLabel";

    // The architect's analysis (requirement-analysis)
    public static final String UNDERLYING_NEED = "underlyingNeed";
    public static final String BUSINESS_GOAL = "businessGoal";
    public static final String BENEFICIARIES = "beneficiaries";
    public static final String EFFORT_DAYS = "effortDays";
    /** Our cost in CNY. */
    public static final String COST = "cost";
    public static final String RISK = "risk";
    public static final String RISK_LOW = "low";
    public static final String RISK_MEDIUM = "medium";
    public static final String RISK_HIGH = "high";
    public static final List<String> RISKS = List.of(RISK_LOW, RISK_MEDIUM, RISK_HIGH);
    /** Input of {@code service-scope}; set from the service when one is named. */
    public static final String SERVICE_TYPE = ServiceScope.SERVICE_TYPE;
    public static final String ACTIVITY = ServiceScope.ACTIVITY;
    public static final String CUSTOMER_WILL_PAY = "customerWillPay";
    public static final String ALTERNATIVE = "alternative";
    /** Whether the alternative meets the real need better than what was asked. */
    public static final String BETTER_ALTERNATIVE = "betterAlternative";

    // Outputs of the decisions
    public static final String CONTRACT_SCOPE = "contractScope";
    public static final String SCOPE_NOTE = ServiceScope.SCOPE_NOTE;
    public static final String PROPOSED_OUTCOME = "proposedOutcome";
    public static final String PROPOSAL_REASON = "proposalReason";

    // The architect's decision (requirement-decision)
    /** Pre-filled with the proposal; the architect confirms or overrides it. */
    public static final String DECISION = "decision";
    /** Why, in words the customer's management understands; the letter quotes it. */
    public static final String DECISION_REASON = "decisionReason";
    /** Required when the decision differs from the proposal. */
    public static final String OVERRIDE_REASON = "overrideReason";
    public static final String DECISION_OVERRIDDEN = "decisionOverridden";
    /** Who decided: the architect who completed the decision. */
    public static final String ARCHITECT = "architect";
    /** Who does the work (accept now, schedule): a user id; default the architect. */
    public static final String PROMISE_OWNER = "promiseOwner";
    /** By when (accept now) or the committed date (schedule): a Date once checked. */
    public static final String DUE_DATE = "dueDate";
    public static final String DECIDED_AT = "decidedAt";

    public static final String OUTCOME_ACCEPT_NOW = "accept-now";
    public static final String OUTCOME_SCHEDULE = "schedule";
    public static final String OUTCOME_REFUSE_WITH_ALTERNATIVE = "refuse-with-alternative";
    public static final String OUTCOME_REFER_TO_SALES = "refer-to-sales";
    public static final String OUTCOME_DECLINED = "declined";
    public static final String OUTCOME_EXPIRED = "expired";
    /** What the triage proposes and the architect decides. */
    public static final List<String> DECISIONS = List.of(OUTCOME_ACCEPT_NOW, OUTCOME_SCHEDULE,
            OUTCOME_REFUSE_WITH_ALTERNATIVE, OUTCOME_REFER_TO_SALES);
    /** How the process ends (referral to sales ends as accept-now, declined or expired). */
    public static final List<String> OUTCOMES = List.of(OUTCOME_ACCEPT_NOW, OUTCOME_SCHEDULE,
            OUTCOME_REFUSE_WITH_ALTERNATIVE, OUTCOME_DECLINED, OUTCOME_EXPIRED);

    /** {@code promiseOutcome} of the promise, mapped out of the call. */
    public static final String WORK_OUTCOME = "workOutcome";
    /** {@code refusalOutcome} of the refusal, mapped out of the call. */
    public static final String REFUSAL_OUTCOME = "refusalOutcome";
    public static final String REFUSAL_OVERTURNED = "overturned";

    // Sales (requirement-quote, requirement-quote-answer)
    public static final String QUOTE_TEXT = "quoteText";
    /** The price in CNY. */
    public static final String QUOTE_PRICE = "quotePrice";
    public static final String QUOTE_ANSWER_BY = "quoteAnswerBy";
    public static final String QUOTE_ANSWER = "quoteAnswer";
    public static final String QUOTE_NOTE = "quoteNote";
    public static final String QUOTE_ACCEPTED = "accepted";
    public static final String QUOTE_DECLINED = "declined";
    public static final String QUOTE_OTHER = "other";
    public static final List<String> QUOTE_ANSWERS = List.of(QUOTE_ACCEPTED, QUOTE_DECLINED, QUOTE_OTHER);

    // Payload of the message CustomerReplied
    public static final String REPLY_TEXT = "replyText";
    public static final String REPLY_FROM = "replyFrom";
    public static final String REPLY_MESSAGE_ID = "replyMessageId";
    public static final String REPLY_FROM_CUSTOMER = "replyFromCustomer";

    // Output
    public static final String REQUIREMENT_OUTCOME = "requirementOutcome";

    public static final String TEMPLATE_DECISION = "requirement-decision";
    public static final String TEMPLATE_QUOTE = "requirement-quote";
    public static final String TEMPLATE_QUOTE_DECLINED = "requirement-quote-declined";

    public static final Pattern REQUEST_KEY_PATTERN = Pattern.compile("REQ-\\d{4}-\\d{6}");

    /** Variables only a running guidance may set; a caller's stale ones are removed at the start. */
    static final List<String> WORKING_VARIABLES = List.of(SERVICE_TYPE, ACTIVITY, SERVICE_LABEL, UNDERLYING_NEED,
            BUSINESS_GOAL, BENEFICIARIES, EFFORT_DAYS, COST, RISK, CUSTOMER_WILL_PAY, ALTERNATIVE, BETTER_ALTERNATIVE,
            CONTRACT_SCOPE, SCOPE_NOTE, PROPOSED_OUTCOME, PROPOSAL_REASON, DECISION, DECISION_REASON, OVERRIDE_REASON,
            DECISION_OVERRIDDEN, ARCHITECT, PROMISE_OWNER, DUE_DATE, DECIDED_AT, WORK_OUTCOME, REFUSAL_OUTCOME,
            QUOTE_TEXT, QUOTE_PRICE, QUOTE_ANSWER_BY, QUOTE_ANSWER, QUOTE_NOTE, REPLY_TEXT, REPLY_FROM,
            REPLY_MESSAGE_ID, REPLY_FROM_CUSTOMER, REQUIREMENT_OUTCOME);

    private RequirementProcess() {
    }
}

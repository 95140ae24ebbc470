package org.promisedesk.intake;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Names that {@code processes/intake.bpmn}, {@code processes/request-classification.dmn}, the
 * {@code intake-*} forms and templates share with code: element ids, variables, values, the
 * message, the decision and the forms. Change a name here and in the model together.
 *
 * <p><b>Start variables</b> (from {@code POST /api/requests}, inbound e-mail or the Tasklist start
 * form {@value #FORM_START}): {@link #REQUEST_KEY} (absent from Tasklist: the first step takes the
 * next key), {@link #CHANNEL}, {@link #CUSTOMER_ID} (or null), {@link #CONTACT_ADDRESS},
 * {@link #SUBJECT}, {@link #BODY}, {@link #PRIORITY} (optional, default P3),
 * {@link #INBOUND_MESSAGE_ID}. {@code Task_OpenRequest} rejects bad input with a
 * {@code BadUserRequestException} naming the fields, and nothing is started.
 *
 * <p><b>State</b> read by {@code GET /api/requests/{key}}: {@link #REQUEST_CLASS},
 * {@link #REQUEST_STATE}, the SLA variables, {@link #REOPEN_COUNT}, {@link #CLOSED_AT},
 * {@link #CLOSED_BY}.
 *
 * <p><b>Message</b>: {@link #MESSAGE_CUSTOMER_REPLIED}, correlated by business key while intake
 * waits for the customer's confirmation or the satisfaction survey.
 */
public final class IntakeProcess {

    public static final String PROCESS_ID = "intake";
    public static final String DECISION_CLASSIFICATION = "request-classification";

    // Main flow
    public static final String EVENT_CONTACT_LOGGED = "Event_ContactLogged";
    public static final String TASK_OPEN_REQUEST = "Task_OpenRequest";
    public static final String TASK_FIND_CUSTOMER = "Task_FindCustomer";
    public static final String TASK_SET_SERVICE_LEVEL = "Task_SetServiceLevel";
    public static final String SUB_PROCESS_REQUEST = "SubProcess_Request";
    public static final String EVENT_FIRST_RESPONSE_DUE = "Event_FirstResponseDue";
    public static final String EVENT_RESOLUTION_DUE = "Event_ResolutionDue";
    public static final String GATEWAY_FIRST_RESPONSE_GIVEN = "Gateway_FirstResponseGiven";
    public static final String EVENT_FIRST_RESPONSE_KEPT = "Event_FirstResponseKept";
    public static final String TASK_RECORD_FIRST_RESPONSE_BREACH = "Task_RecordFirstResponseBreach";
    public static final String TASK_RECORD_RESOLUTION_BREACH = "Task_RecordResolutionBreach";
    public static final String GATEWAY_BREACH = "Gateway_Breach";
    public static final String TASK_REVIEW_BREACH = "Task_ReviewBreach";
    public static final String EVENT_BREACH_REVIEWED = "Event_BreachReviewed";
    public static final String TASK_CLOSE_REQUEST = "Task_CloseRequest";
    public static final String GATEWAY_SURVEY_WANTED = "Gateway_SurveyWanted";
    public static final String EVENT_CLOSED_WITHOUT_SURVEY = "Event_ClosedWithoutSurvey";
    public static final String TASK_SEND_SURVEY = "Task_SendSurvey";
    public static final String TASK_RECORD_SURVEY_ANSWER = "Task_RecordSurveyAnswer";
    public static final String EVENT_SURVEY_REPLIED = "Event_SurveyReplied";
    public static final String EVENT_SURVEY_EXPIRED = "Event_SurveyExpired";
    public static final String EVENT_NO_SURVEY_ANSWER = "Event_NoSurveyAnswer";
    public static final String TASK_SAVE_SURVEY_REPLY = "Task_SaveSurveyReply";
    public static final String GATEWAY_SURVEY_READABLE = "Gateway_SurveyReadable";
    public static final String TASK_READ_SURVEY_REPLY = "Task_ReadSurveyReply";
    public static final String GATEWAY_SURVEY_DONE = "Gateway_SurveyDone";
    public static final String EVENT_SURVEY_ANSWERED = "Event_SurveyAnswered";

    // Inside SubProcess_Request
    public static final String EVENT_REQUEST_OPENED = "Event_RequestOpened";
    public static final String GATEWAY_CUSTOMER_KNOWN = "Gateway_CustomerKnown";
    public static final String TASK_IDENTIFY_CUSTOMER = "Task_IdentifyCustomer";
    public static final String TASK_REVISE_SERVICE_LEVEL = "Task_ReviseServiceLevel";
    public static final String GATEWAY_ACKNOWLEDGE = "Gateway_Acknowledge";
    public static final String TASK_ACKNOWLEDGE = "Task_Acknowledge";
    public static final String TASK_PROPOSE_CLASS = "Task_ProposeClass";
    public static final String TASK_CLASSIFY_REQUEST = "Task_ClassifyRequest";
    public static final String GATEWAY_IN_SCOPE = "Gateway_InScope";
    public static final String GATEWAY_REROUTE = "Gateway_Reroute";
    public static final String GATEWAY_ROUTE = "Gateway_Route";
    public static final String CALL_FAULT_ESCALATION = "CallActivity_FaultEscalation";
    public static final String CALL_REQUIREMENT_GUIDANCE = "CallActivity_RequirementGuidance";
    public static final String CALL_ICP_FILING = "CallActivity_IcpFiling";
    public static final String TASK_QUOTE_PRICE = "Task_QuotePrice";
    public static final String TASK_ANSWER_QUESTION = "Task_AnswerQuestion";
    public static final String GATEWAY_ESCALATE = "Gateway_Escalate";
    public static final String TASK_ANSWER_TECHNICALLY = "Task_AnswerTechnically";
    public static final String TASK_HANDLE_BILLING = "Task_HandleBilling";
    public static final String TASK_HANDLE_COMPLAINT = "Task_HandleComplaint";
    public static final String TASK_HANDLE_PEER_COOPERATION = "Task_HandlePeerCooperation";
    public static final String TASK_REPLY = "Task_Reply";
    public static final String GATEWAY_ANSWERED = "Gateway_Answered";
    public static final String GATEWAY_ANSWER_IN_SCOPE = "Gateway_AnswerInScope";
    public static final String TASK_SEND_ANSWER = "Task_SendAnswer";
    public static final String GATEWAY_WORK_ENDED = "Gateway_WorkEnded";
    public static final String GATEWAY_ASK_CUSTOMER = "Gateway_AskCustomer";
    public static final String EVENT_REPLIED = "Event_Replied";
    public static final String GATEWAY_REFUSE = "Gateway_Refuse";
    public static final String CALL_REFUSAL = "CallActivity_Refusal";
    public static final String GATEWAY_OVERTURNED = "Gateway_Overturned";
    public static final String TASK_RESUME_WORK = "Task_ResumeWork";
    public static final String EVENT_REFUSED = "Event_Refused";
    public static final String TASK_ASK_IF_SOLVED = "Task_AskIfSolved";
    public static final String TASK_RECORD_CONFIRMATION = "Task_RecordConfirmation";
    public static final String EVENT_CONFIRMATION_REPLIED = "Event_ConfirmationReplied";
    public static final String EVENT_NO_CONFIRMATION = "Event_NoConfirmation";
    public static final String TASK_READ_CONFIRMATION = "Task_ReadConfirmation";
    public static final String GATEWAY_CONFIRMED = "Gateway_Confirmed";
    public static final String GATEWAY_SOLVED = "Gateway_Solved";
    public static final String EVENT_SOLVED = "Event_Solved";
    public static final String TASK_REOPEN_REQUEST = "Task_ReopenRequest";
    public static final String TASK_CLOSE_SILENT_REQUEST = "Task_CloseSilentRequest";
    public static final String TASK_SEND_CLOSED_BY_SILENCE = "Task_SendClosedBySilence";
    public static final String EVENT_CLOSED_BY_SILENCE = "Event_ClosedBySilence";

    public static final String MESSAGE_CUSTOMER_REPLIED = "CustomerReplied";

    public static final String FORM_START = "intake-start";
    public static final String FORM_IDENTIFY = "intake-identify";
    public static final String FORM_CLASSIFY = "intake-classify";
    public static final String FORM_ANSWER = "intake-answer";
    public static final String FORM_CONFIRM = "intake-confirm";
    public static final String FORM_SURVEY = "intake-survey";
    public static final String FORM_SLA_BREACH = "intake-sla-breach";

    public static final String TEMPLATE_ACKNOWLEDGEMENT = "intake-acknowledgement";
    public static final String TEMPLATE_ANSWER = "intake-answer";
    public static final String TEMPLATE_SOLVED_QUESTION = "intake-solved-question";
    public static final String TEMPLATE_CLOSED_BY_SILENCE = "intake-closed-by-silence";
    public static final String TEMPLATE_SURVEY = "intake-survey";

    // Start variables
    public static final String REQUEST_KEY = "requestKey";
    public static final String CHANNEL = "channel";
    public static final String CUSTOMER_ID = "customerId";
    public static final String CONTACT_ADDRESS = "contactAddress";
    public static final String SUBJECT = "subject";
    public static final String BODY = "body";
    public static final String PRIORITY = "priority";
    public static final String INBOUND_MESSAGE_ID = "inboundMessageId";

    public static final List<String> CHANNELS = List.of("email", "api", "phone", "im", "web", "walk-in");
    public static final List<String> PRIORITIES = List.of("P1", "P2", "P3");
    public static final String DEFAULT_PRIORITY = "P3";
    public static final int SUBJECT_MAX = 200;
    public static final int BODY_MAX = 4000;

    // Set by the process
    /** When the contact arrived: the SLA clocks count from here. */
    public static final String RECEIVED_AT = "receivedAt";
    public static final String REQUESTED_PRIORITY = "requestedPriority";
    public static final String CUSTOMER_NAME = "customerName";
    public static final String CUSTOMER_PROFILE = "customerProfile";
    public static final String REQUEST_STATE = "requestState";
    public static final String REQUEST_CLASS = "requestClass";
    /** Output of the decision {@value #DECISION_CLASSIFICATION}: pre-fills the class in the form. */
    public static final String PROPOSED_CLASS = "proposedClass";
    /** The first service the customer has, for the called processes (may be null). */
    public static final String SERVICE_ID = "serviceId";

    public static final String STATE_NEW = "new";
    public static final String STATE_IDENTIFYING = "identifying";
    public static final String STATE_CLASSIFYING = "classifying";
    public static final String STATE_IN_PROGRESS = "in-progress";
    public static final String STATE_WAITING_ON_CUSTOMER = "waiting-on-customer";
    public static final String STATE_CONFIRMING = "confirming";
    public static final String STATE_CLOSED = "closed";
    public static final String STATE_CLOSED_BY_SILENCE = "closed-by-silence";

    public static final String CLASS_FAULT = "fault";
    public static final String CLASS_TECHNICAL_QUESTION = "technical-question";
    public static final String CLASS_PRICE_INQUIRY = "price-inquiry";
    public static final String CLASS_REQUIREMENT = "requirement";
    public static final String CLASS_ICP_FILING = "icp-filing";
    public static final String CLASS_RENEWAL_BILLING = "renewal-billing";
    public static final String CLASS_COMPLAINT = "complaint";
    public static final String CLASS_PEER_COOPERATION = "peer-cooperation";
    public static final String CLASS_CHIT_CHAT = "chit-chat";
    public static final List<String> CLASSES = List.of(CLASS_FAULT, CLASS_TECHNICAL_QUESTION, CLASS_PRICE_INQUIRY,
            CLASS_REQUIREMENT, CLASS_ICP_FILING, CLASS_RENEWAL_BILLING, CLASS_COMPLAINT, CLASS_PEER_COOPERATION,
            CLASS_CHIT_CHAT);

    // SLA
    public static final String FIRST_RESPONSE_DUE = "firstResponseDue";
    public static final String RESOLUTION_DUE = "resolutionDue";
    public static final String FIRST_RESPONSE_AT = "firstResponseAt";
    public static final String SLA_BREACHED = "slaBreached";
    /** JSON list of the clocks missed: {@value #BREACH_FIRST_RESPONSE}, {@value #BREACH_RESOLUTION}. */
    public static final String SLA_BREACHES = "slaBreaches";
    public static final String SLA_PAUSED_SINCE = "slaPausedSince";
    /** ISO duration of working time the clocks stood still. */
    public static final String SLA_PAUSED_TOTAL = "slaPausedTotal";
    public static final String BREACH_FIRST_RESPONSE = "first-response";
    public static final String BREACH_RESOLUTION = "resolution";

    // Form fields of intake-identify
    /** {@value #IDENTIFY_EXISTING} (then {@link #CUSTOMER_ID}) or {@value #IDENTIFY_REGISTER} (a prospect). */
    public static final String IDENTIFICATION = "identification";
    public static final String IDENTIFY_EXISTING = "existing";
    public static final String IDENTIFY_REGISTER = "register";
    public static final List<String> IDENTIFICATIONS = List.of(IDENTIFY_EXISTING, IDENTIFY_REGISTER);
    public static final String PROSPECT_NAME = "prospectName";
    public static final String PROSPECT_EMAIL = "prospectEmail";
    public static final String PROSPECT_PHONE = "prospectPhone";
    public static final String PROSPECT_IM_HANDLE = "prospectImHandle";
    public static final String PROSPECT_LANGUAGE = "prospectLanguage";
    public static final String PROSPECT_KIND = "prospectKind";

    // Form fields of intake-classify and the answer tasks
    public static final String OUT_OF_SCOPE = "outOfScope";
    /** Why it is out of scope: pre-fills the refusal's summary. */
    public static final String SCOPE_NOTE = "scopeNote";
    public static final String WORK_OUTCOME = "workOutcome";
    public static final String OUTCOME_ANSWERED = "answered";
    public static final String OUTCOME_ESCALATE = "escalate-to-tech";
    public static final String OUTCOME_OUT_OF_SCOPE = "out-of-scope";
    public static final List<String> WORK_OUTCOMES = List.of(OUTCOME_ANSWERED, OUTCOME_ESCALATE, OUTCOME_OUT_OF_SCOPE);
    /** What the customer is told: {@value #TEMPLATE_ANSWER}. */
    public static final String ANSWER_TEXT = "answerText";
    /** Who answered last: owns a refusal and agent promises. */
    public static final String HANDLED_BY = "handledBy";

    // The optional "promise something" group of every agent form
    public static final String AGENT_PROMISE_TEXT = "agentPromiseText";
    public static final String AGENT_PROMISE_DUE = "agentPromiseDue";
    /** How many promises agents made on this request. */
    public static final String AGENT_PROMISES = "agentPromises";

    // Called processes
    public static final String SYMPTOM = "symptom";
    public static final String STATED_REQUEST = "statedRequest";
    public static final String REQUEST_SUMMARY = "requestSummary";
    public static final String REFUSED_BY = "refusedBy";
    public static final String REFUSAL_OUTCOME = "refusalOutcome";
    public static final String REFUSAL_OVERTURNED = "overturned";
    public static final String FAULT_OUTCOME = "faultOutcome";
    public static final String FAULT_RESPONSIBILITY = "faultResponsibility";
    public static final String ROOT_CAUSE = "rootCause";
    public static final String REQUIREMENT_OUTCOME = "requirementOutcome";
    public static final String FILING_OUTCOME = "filingOutcome";

    // Confirmation
    public static final String CONFIRM_BY = "confirmBy";
    /** Form field of intake-confirm: {@value #CONFIRM_SOLVED} or {@value #CONFIRM_NOT_SOLVED}. */
    public static final String CONFIRMATION = "confirmation";
    public static final String CONFIRM_SOLVED = "solved";
    public static final String CONFIRM_NOT_SOLVED = "not-solved";
    public static final List<String> CONFIRMATIONS = List.of(CONFIRM_SOLVED, CONFIRM_NOT_SOLVED);
    public static final String CONFIRMATION_NOTE = "confirmationNote";
    public static final String SOLVED = "solved";
    public static final String REOPEN_COUNT = "reopenCount";
    public static final String CLOSED_AT = "closedAt";
    public static final String CLOSED_BY = "closedBy";
    public static final String CLOSED_BY_CUSTOMER = "customer";
    public static final String CLOSED_BY_AGENT = "agent";
    public static final String CLOSED_BY_SILENCE = "silence";

    // Survey
    public static final String SURVEY_BY = "surveyBy";
    public static final String SURVEY_SCORE = "surveyScore";
    public static final String SURVEY_COMMENT = "surveyComment";
    /** Whether a score 1-5 was found at the start of the customer's reply. */
    public static final String SURVEY_READABLE = "surveyReadable";

    // Payload of the message CustomerReplied
    public static final String REPLY_TEXT = "replyText";
    public static final String REPLY_FROM = "replyFrom";
    public static final String REPLY_MESSAGE_ID = "replyMessageId";
    public static final String REPLY_FROM_CUSTOMER = "replyFromCustomer";

    public static final Pattern REQUEST_KEY_PATTERN = Pattern.compile("REQ-\\d{4}-\\d{6}");

    private IntakeProcess() {
    }
}

package org.promisedesk.fault;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The names {@code processes/fault-escalation.bpmn} ("Escalate a fault to tech") and
 * {@code processes/fault-responsibility.dmn} share with code: element ids, variables, values, the
 * message, decisions, forms and templates. Change a name here and in the model together.
 *
 * <p><b>Inputs</b> (a call activity, e.g. from {@code intake}, or the start form):
 * {@link #REQUEST_KEY} (or the business key), {@link #CUSTOMER_ID}, {@link #SERVICE_ID} (may be
 * null: an agent then picks the service, or the checks are skipped), {@link #SYMPTOM},
 * {@link #PRIORITY} ({@code P1}|{@code P2}|{@code P3}, default {@code P3}).
 *
 * <p><b>Outputs</b>: {@link #FAULT_RESPONSIBILITY} (one of {@link #RESPONSIBILITIES}),
 * {@link #FAULT_OUTCOME} (one of {@link #OUTCOMES}) and {@link #ROOT_CAUSE}; a caller maps them
 * out with {@code <camunda:out source="faultOutcome" target="faultOutcome"/>}.
 *
 * <p><b>Message</b>: {@link #MESSAGE_CUSTOMER_REPLIED} while the process waits for consent.
 */
public final class FaultEscalationProcess {

    public static final String PROCESS_ID = "fault-escalation";
    public static final String DECISION_RESPONSIBILITY = "fault-responsibility";
    public static final String DECISION_SERVICE_SCOPE = "service-scope";

    // Start and first-line checks
    public static final String EVENT_FAULT_REPORTED = "Event_FaultReported";
    public static final String TASK_CHECK_FAULT = "Task_CheckFault";
    public static final String GATEWAY_SERVICE_KNOWN = "Gateway_ServiceKnown";
    public static final String TASK_CHOOSE_SERVICE = "Task_ChooseService";
    public static final String GATEWAY_SERVICE_CHOSEN = "Gateway_ServiceChosen";
    public static final String TASK_SKIP_CHECKS = "Task_SkipChecks";
    public static final String GATEWAY_RUN_CHECKS = "Gateway_RunChecks";
    public static final String TASK_CHECK_DOMAIN_RESOLUTION = "Task_CheckDomainResolution";
    public static final String TASK_CHECK_REACHABILITY = "Task_CheckReachability";
    public static final String TASK_CHECK_HTTP_STATUS = "Task_CheckHttpStatus";
    public static final String GATEWAY_CHECKED = "Gateway_Checked";
    public static final String TASK_DECIDE_RESPONSIBILITY = "Task_DecideResponsibility";
    public static final String GATEWAY_WHO_IS_RESPONSIBLE = "Gateway_WhoIsResponsible";

    // Customer side
    public static final String TASK_EXPLAIN_AND_ASSIST = "Task_ExplainAndAssist";
    public static final String GATEWAY_ASSIST_WANTED = "Gateway_AssistWanted";
    public static final String TASK_DECIDE_ASSIST_SCOPE = "Task_DecideAssistScope";
    public static final String GATEWAY_ASSIST_SCOPE = "Gateway_AssistScope";
    public static final String GATEWAY_ASSIST = "Gateway_Assist";
    public static final String TASK_ASSIST_CUSTOMER = "Task_AssistCustomer";
    public static final String CALL_REFUSE_ASSISTANCE = "CallActivity_RefuseAssistance";
    public static final String GATEWAY_REFUSAL_OVERTURNED = "Gateway_RefusalOverturned";
    public static final String GATEWAY_EXPLAIN = "Gateway_Explain";
    public static final String TASK_SEND_EXPLANATION = "Task_SendExplanation";
    public static final String EVENT_EXPLAINED = "Event_Explained";

    // Ours or unknown
    public static final String TASK_SET_RESOLUTION_DEADLINE = "Task_SetResolutionDeadline";
    public static final String TASK_TELL_CUSTOMER_INVESTIGATING = "Task_TellCustomerInvestigating";
    public static final String SUB_PROCESS_RESOLUTION = "SubProcess_Resolution";
    public static final String EVENT_RESOLUTION_STARTED = "Event_ResolutionStarted";
    public static final String GATEWAY_FIX = "Gateway_Fix";
    public static final String TASK_FIX_FAULT = "Task_FixFault";
    public static final String GATEWAY_NEXT_STEP = "Gateway_NextStep";
    public static final String GATEWAY_SELF_RELIANT = "Gateway_SelfReliant";
    public static final String TASK_SEND_SCRIPT = "Task_SendScript";
    public static final String TASK_ASK_CONSENT = "Task_AskConsent";
    public static final String TASK_RECORD_CONSENT = "Task_RecordConsent";
    public static final String EVENT_CONSENT_REPLIED = "Event_ConsentReplied";
    public static final String EVENT_NO_CONSENT_IN_TIME = "Event_NoConsentInTime";
    public static final String TASK_READ_CONSENT_REPLY = "Task_ReadConsentReply";
    public static final String TASK_RECORD_NO_CONSENT = "Task_RecordNoConsent";
    public static final String GATEWAY_CONSENT_RECORDED = "Gateway_ConsentRecorded";
    public static final String GATEWAY_CONSENT_GIVEN = "Gateway_ConsentGiven";
    public static final String TASK_PERFORM_OPERATION = "Task_PerformOperation";
    public static final String TASK_TELL_CUSTOMER_VISIT = "Task_TellCustomerVisit";
    public static final String TASK_RECORD_VISIT_REPORT = "Task_RecordVisitReport";
    public static final String EVENT_FAULT_FIXED = "Event_FaultFixed";
    public static final String SUB_PROCESS_TIER_2 = "SubProcess_Tier2";
    public static final String EVENT_RESOLUTION_OVERDUE = "Event_ResolutionOverdue";
    public static final String TASK_ESCALATE_TO_LEADS = "Task_EscalateToLeads";
    public static final String EVENT_TIER_2_HANDLED = "Event_Tier2Handled";
    public static final String SUB_PROCESS_TIER_3 = "SubProcess_Tier3";
    public static final String EVENT_ON_CALL_DUE = "Event_OnCallDue";
    public static final String TASK_ESCALATE_TO_ON_CALL = "Task_EscalateToOnCall";
    public static final String EVENT_TIER_3_HANDLED = "Event_Tier3Handled";
    public static final String SUB_PROCESS_PROGRESS = "SubProcess_ProgressUpdates";
    public static final String EVENT_PROGRESS_DUE = "Event_ProgressDue";
    public static final String TASK_SEND_PROGRESS_UPDATE = "Task_SendProgressUpdate";
    public static final String EVENT_PROGRESS_SENT = "Event_ProgressSent";
    public static final String TASK_ASSESS_INCIDENT = "Task_AssessIncident";
    public static final String TASK_TELL_RESOLUTION = "Task_TellResolution";
    public static final String GATEWAY_MAJOR = "Gateway_Major";
    public static final String TASK_START_INCIDENT_REPORT = "Task_StartIncidentReport";
    public static final String EVENT_FAULT_RESOLVED = "Event_FaultResolved";
    public static final String EVENT_MAJOR_FAULT_RESOLVED = "Event_MajorFaultResolved";

    public static final String MESSAGE_CUSTOMER_REPLIED = "CustomerReplied";

    public static final String FORM_START = "fault-start";
    public static final String FORM_CHOOSE_SERVICE = "fault-choose-service";
    public static final String FORM_EXPLAIN = "fault-explain";
    public static final String FORM_ASSIST = "fault-assist";
    public static final String FORM_FIX = "fault-fix";
    public static final String FORM_CONSENT = "fault-consent";
    public static final String FORM_OPERATION = "fault-operation";
    public static final String FORM_VISIT_REPORT = "fault-visit-report";
    public static final String FORM_ESCALATION = "fault-escalation";

    public static final String TEMPLATE_EXPLANATION = "fault-explanation";
    public static final String TEMPLATE_INVESTIGATING = "fault-investigating";
    public static final String TEMPLATE_PROGRESS = "fault-progress";
    public static final String TEMPLATE_CONSENT_REQUEST = "fault-consent-request";
    public static final String TEMPLATE_SCRIPT = "fault-script";
    public static final String TEMPLATE_VISIT_SCHEDULED = "fault-visit-scheduled";
    /** The resolution's template is this prefix + the final responsibility, one per responsibility. */
    public static final String TEMPLATE_RESOLVED_PREFIX = "fault-resolved-";

    // Inputs (the contract with intake)
    public static final String REQUEST_KEY = "requestKey";
    public static final String CUSTOMER_ID = "customerId";
    public static final String SERVICE_ID = "serviceId";
    public static final String SYMPTOM = "symptom";
    public static final String PRIORITY = "priority";
    public static final String P1 = "P1";
    public static final String P2 = "P2";
    public static final String P3 = "P3";
    public static final List<String> PRIORITIES = List.of(P1, P2, P3);

    // Set by Task_CheckFault (and Task_ChooseService)
    public static final String CUSTOMER_NAME = "customerName";
    public static final String CUSTOMER_PROFILE = "customerProfile";
    public static final String REPORTED_AT = "reportedAt";
    public static final String SERVICE_KNOWN = "serviceKnown";
    public static final String SERVICE_TYPE = "serviceType";
    public static final String DOMAIN = "domain";
    public static final String IP_ADDRESS = "ipAddress";
    public static final String SERVER_NAME = "serverName";
    /** How the customer knows the service: its domain, else its server, else "service 12". */
    public static final String SERVICE_LABEL = "serviceLabel";

    // Check results
    public static final String DNS_RESULT = "dnsResult";
    public static final String RESOLVED_ADDRESSES = "resolvedAddresses";
    public static final String DNS_RESOLVES_TO_US = "resolves-to-us";
    public static final String DNS_RESOLVES_ELSEWHERE = "resolves-elsewhere";
    /** Resolves, and we have no address on record to compare with (a domain registration). */
    public static final String DNS_RESOLVES = "resolves";
    public static final String DNS_DOES_NOT_RESOLVE = "does-not-resolve";
    public static final String DNS_LOOKUP_FAILED = "lookup-failed";
    public static final String DNS_NO_DOMAIN = "no-domain";
    public static final String TCP_RESULT = "tcpResult";
    public static final String OPEN_PORTS = "openPorts";
    public static final String TCP_OPEN = "open";
    public static final String TCP_REFUSED = "refused";
    public static final String TCP_TIMEOUT = "timeout";
    public static final String TCP_NO_ADDRESS = "no-address";
    public static final String HTTP_RESULT = "httpResult";
    public static final String HTTP_STATUS = "httpStatus";
    public static final String HTTP_OK = "ok";
    public static final String HTTP_FORBIDDEN = "forbidden";
    public static final String HTTP_NOT_FOUND = "not-found";
    public static final String HTTP_SERVER_ERROR = "server-error";
    public static final String HTTP_CLIENT_ERROR = "client-error";
    public static final String HTTP_NO_ANSWER = "no-answer";
    /** Any check not run: no service named, or (HTTP) no port answered. */
    public static final String NOT_CHECKED = "not-checked";

    // Output of fault-responsibility (and the tech's final word)
    public static final String FAULT_RESPONSIBILITY = "faultResponsibility";
    public static final String EXPLANATION_KEY = "explanationKey";
    /** The decision's whole result (singleResult), unpacked by {@code TakeDiagnosis}. */
    public static final String DIAGNOSIS = "diagnosis";
    public static final String OUR_NETWORK = "our-network";
    public static final String OUR_HARDWARE = "our-hardware";
    public static final String CUSTOMER_DNS = "customer-dns";
    public static final String CUSTOMER_APPLICATION = "customer-application";
    public static final String THIRD_PARTY = "third-party";
    public static final String UNKNOWN = "unknown";
    public static final List<String> RESPONSIBILITIES = List.of(OUR_NETWORK, OUR_HARDWARE, CUSTOMER_DNS,
            CUSTOMER_APPLICATION, THIRD_PARTY, UNKNOWN);
    public static final List<String> CUSTOMER_SIDE = List.of(CUSTOMER_DNS, CUSTOMER_APPLICATION, THIRD_PARTY);

    // Customer side (fault-explain, fault-assist)
    public static final String ASSIST_ACTIVITY = "assistActivity";
    public static final String ASSIST_NONE = "none";
    public static final List<String> ASSIST_ACTIVITIES = List.of(ASSIST_NONE, "dns-records", "application-debugging",
            "backup-restore", "listed-software-install", "other-software-install", "os-reinstall", "reboot",
            "database-tuning", "custom-development");
    public static final String EXPLAINED_BY = "explainedBy";
    /** Input of the decision service-scope. */
    public static final String ACTIVITY = "activity";
    public static final String ASSIST_SCOPE_RESULT = "assistScopeResult";
    public static final String ASSIST_SCOPE = "assistScope";
    public static final String ASSIST_SCOPE_NOTE = "assistScopeNote";
    public static final String SCOPE_INCLUDED = "included";
    public static final String SCOPE_PAID = "paid";
    public static final String SCOPE_OUT = "out-of-scope";
    /** What the refusal quotes as the request, and its referral for paid work. */
    public static final String ASSIST_REQUEST = "assistRequest";
    public static final String ASSIST_REFERRAL = "assistReferral";
    public static final String ASSIST_RESULT = "assistResult";
    public static final String REFUSAL_OUTCOME = "refusalOutcome";

    // Ours or unknown: deadlines and escalation
    public static final String RESOLVE_BY = "resolveBy";
    public static final String ON_CALL_AT = "onCallAt";
    public static final String ON_CALL_LEAD = "onCallLead";
    public static final String PROGRESS_INTERVAL = "progressInterval";
    /** The timer cycle of the progress updates: {@code R/} + the interval, repeating until the fault is fixed. */
    public static final String PROGRESS_CYCLE = "progressCycle";
    public static final String ESCALATION_TIER = "escalationTier";
    public static final String ESCALATION_NOTE = "escalationNote";
    public static final String PROGRESS_UPDATES = "progressUpdates";
    /** When the customer hears from us next at the latest; every message that promises an update names it. */
    public static final String NEXT_UPDATE_AT = "nextUpdateAt";
    public static final String PROGRESS_STAGE = "progressStage";
    public static final String DEADLINE_MISSED = "deadlineMissed";
    public static final String STAGE_INVESTIGATING = "investigating";
    public static final String STAGE_WAITING_FOR_CONSENT = "waiting-for-consent";
    public static final String STAGE_OPERATING = "operating";
    public static final String STAGE_ON_SITE = "on-site";

    // The tech's task (fault-fix)
    public static final String TECH_ACTION = "techAction";
    public static final String ACTION_CONTINUE = "continue";
    public static final String ACTION_INTRUSIVE = "intrusive-operation";
    public static final String ACTION_ON_SITE = "on-site-engineer";
    public static final String ACTION_RESOLVED = "resolved";
    public static final List<String> TECH_ACTIONS = List.of(ACTION_CONTINUE, ACTION_INTRUSIVE, ACTION_ON_SITE,
            ACTION_RESOLVED);
    public static final String STATUS_NOTE = "statusNote";
    public static final String PROPOSED_OPERATION = "proposedOperation";
    public static final List<String> OPERATIONS = List.of("reboot", "restore-from-backup", "reinstall");
    public static final String OPERATION_RISK = "operationRisk";
    public static final String OPERATION_PLAN = "operationPlan";
    public static final String SCRIPT_SENT = "scriptSent";

    // Consent (fault-consent)
    public static final String CONSENT_BY = "consentBy";
    public static final String CONSENT_DECISION = "consentDecision";
    public static final String CONSENT_GIVEN = "given";
    public static final String CONSENT_DECLINED = "declined";
    public static final String CONSENT_NONE = "none";
    public static final List<String> CONSENT_ANSWERS = List.of(CONSENT_GIVEN, CONSENT_DECLINED);
    public static final String CONSENT_CHANNEL = "consentChannel";
    public static final List<String> CONSENT_CHANNELS = List.of("email", "phone", "im", "in-person");
    public static final String CONSENT_GIVEN_BY = "consentGivenBy";
    public static final String CONSENT_RECORDED_BY = "consentRecordedBy";
    public static final String CONSENT_RECORDED_AT = "consentRecordedAt";
    public static final String OPERATION_RESULT = "operationResult";

    // On-site engineer
    public static final String VISIT_AT = "visitAt";
    public static final String ON_SITE_ENGINEER = "onSiteEngineer";
    /** The engineer's name as the customer is told it. */
    public static final String ON_SITE_ENGINEER_NAME = "onSiteEngineerName";
    public static final String VISIT_REPORT = "visitReport";

    // Payload of the message CustomerReplied
    public static final String REPLY_TEXT = "replyText";
    public static final String REPLY_FROM = "replyFrom";
    public static final String REPLY_MESSAGE_ID = "replyMessageId";
    public static final String REPLY_FROM_CUSTOMER = "replyFromCustomer";

    // Resolution
    public static final String ROOT_CAUSE = "rootCause";
    public static final String FIX = "fix";
    public static final String RESOLVED_BY = "resolvedBy";
    public static final String RESOLVED_AT = "resolvedAt";
    public static final String OUTAGE_MINUTES = "outageMinutes";
    public static final String SAME_SERVER_CUSTOMERS = "sameServerCustomers";
    public static final String MAJOR_INCIDENT = "majorIncident";
    public static final String MAJOR_REASONS = "majorReasons";
    public static final String INCIDENT_REPORT_ID = "incidentReportId";

    // Output
    public static final String FAULT_OUTCOME = "faultOutcome";
    public static final String OUTCOME_EXPLAINED = "explained";
    public static final String OUTCOME_ASSISTED = "assisted";
    public static final String OUTCOME_REFUSED = "refused";
    public static final String OUTCOME_RESOLVED = "resolved";
    public static final List<String> OUTCOMES = List.of(OUTCOME_EXPLAINED, OUTCOME_ASSISTED, OUTCOME_REFUSED,
            OUTCOME_RESOLVED);

    public static final Pattern REQUEST_KEY_PATTERN = Pattern.compile("REQ-\\d{4}-\\d{6}");

    /** Variables only a running fault escalation sets; a caller's stale copies are removed at the start. */
    static final List<String> WORKING_VARIABLES = List.of(DNS_RESULT, RESOLVED_ADDRESSES, TCP_RESULT, OPEN_PORTS,
            HTTP_RESULT, HTTP_STATUS, FAULT_RESPONSIBILITY, EXPLANATION_KEY, DIAGNOSIS, ASSIST_ACTIVITY, ASSIST_SCOPE,
            ASSIST_SCOPE_NOTE, ASSIST_RESULT, REFUSAL_OUTCOME, RESOLVE_BY, ON_CALL_AT, ESCALATION_TIER, TECH_ACTION,
            STATUS_NOTE, PROPOSED_OPERATION, CONSENT_DECISION, ROOT_CAUSE, FIX, FAULT_OUTCOME, MAJOR_INCIDENT,
            REPLY_TEXT, REPLY_FROM, REPLY_MESSAGE_ID, REPLY_FROM_CUSTOMER);

    private FaultEscalationProcess() {
    }
}

package org.promisedesk.incident;

import java.util.List;

/**
 * The names {@code processes/post-incident-report.bpmn} ("Post-incident report") shares with
 * code: element ids, variables, the message, forms and templates. Change a name here and in the
 * model together.
 *
 * <p><b>Start</b>: the start form {@link #FORM_START}, or the message
 * {@link #MESSAGE_INCIDENT_REPORT_NEEDED} (see {@link IncidentReports}), with {@link #INCIDENT_TITLE},
 * {@link #REQUEST_KEY} (optional; the business key), {@link #RESOLVED_BY}, {@link #AFFECTED_CUSTOMER_IDS},
 * {@link #SERVICE_IDS} (optional), {@link #INCIDENT_START}, {@link #INCIDENT_END}.
 * {@code Task_RecordIncident} rejects bad input naming the fields, and nothing is started.
 *
 * <p><b>Output</b>: the {@code incident} row {@link #INCIDENT_ID} with its published report
 * ({@code GET /api/incidents/{id}/report}), and {@link #ALL_ACTIONS_KEPT}.
 */
public final class PostIncidentReportProcess {

    public static final String PROCESS_ID = "post-incident-report";

    public static final String EVENT_REPORT_REQUESTED = "Event_ReportRequested";
    public static final String EVENT_INCIDENT_REPORT_NEEDED = "Event_IncidentReportNeeded";
    public static final String GATEWAY_INCIDENT_REPORTED = "Gateway_IncidentReported";
    public static final String TASK_RECORD_INCIDENT = "Task_RecordIncident";
    public static final String GATEWAY_DRAFT_ROUND = "Gateway_DraftRound";
    public static final String SUB_PROCESS_DRAFTING = "SubProcess_Drafting";
    public static final String EVENT_DRAFTING_STARTED = "Event_DraftingStarted";
    public static final String TASK_SET_DRAFT_DEADLINE = "Task_SetDraftDeadline";
    public static final String GATEWAY_DRAFT_AND_WATCH = "Gateway_DraftAndWatch";
    public static final String TASK_DRAFT_REPORT = "Task_DraftReport";
    public static final String EVENT_DRAFT_SUBMITTED = "Event_DraftSubmitted";
    public static final String EVENT_DRAFT_REMINDER_DUE = "Event_DraftReminderDue";
    public static final String TASK_REMIND_DRAFTER = "Task_RemindDrafter";
    public static final String EVENT_DRAFT_OVERDUE = "Event_DraftOverdue";
    public static final String TASK_FOLLOW_UP_LATE_DRAFT = "Task_FollowUpLateDraft";
    public static final String EVENT_LATE_DRAFT_FOLLOWED_UP = "Event_LateDraftFollowedUp";
    public static final String TASK_REVIEW_REPORT = "Task_ReviewReport";
    public static final String GATEWAY_REVIEW_DECISION = "Gateway_ReviewDecision";
    public static final String TASK_PUBLISH_INCIDENT_REPORT = "Task_PublishIncidentReport";
    public static final String TASK_SEND_REPORT = "Task_SendReport";
    public static final String CALL_ACTIVITY_KEEP_ACTIONS = "CallActivity_KeepActions";
    public static final String TASK_SUM_UP_ACTIONS = "Task_SumUpActions";
    public static final String TASK_SEND_CLOSING_NOTE = "Task_SendClosingNote";
    public static final String EVENT_INCIDENT_CLOSED = "Event_IncidentClosed";

    public static final String MESSAGE_INCIDENT_REPORT_NEEDED = "IncidentReportNeeded";

    public static final String FORM_START = "incident-start";
    public static final String FORM_DRAFT = "incident-draft";
    public static final String FORM_LATE_DRAFT = "incident-late-draft";
    public static final String FORM_REVIEW = "incident-review";

    public static final String TEMPLATE_REPORT = "incident-report";
    public static final String TEMPLATE_ACTIONS_DONE = "incident-actions-done";

    // Inputs
    public static final String INCIDENT_TITLE = "incidentTitle";
    public static final String REQUEST_KEY = "requestKey";
    /** User id of the engineer who resolved the incident; drafts the report. */
    public static final String RESOLVED_BY = "resolvedBy";
    /** A list of ids or a comma-separated text; once checked, a list of Long (JSON). */
    public static final String AFFECTED_CUSTOMER_IDS = "affectedCustomerIds";
    /** Subscription ids, like customers; optional. Their customers count as affected. */
    public static final String SERVICE_IDS = "serviceIds";
    /** A Date, or ISO text as Camunda Forms submit it; a Date once checked. */
    public static final String INCIDENT_START = "incidentStart";
    public static final String INCIDENT_END = "incidentEnd";

    // Set by Task_RecordIncident
    public static final String INCIDENT_ID = "incidentId";
    public static final String CUSTOMER_NAMES = "customerNames";
    public static final String AFFECTED_SERVICES = "affectedServices";
    public static final String RESOLVED_BY_NAME = "resolvedByName";
    /** Who drafts the report: {@link #RESOLVED_BY}, until a lead hands the late draft to someone else. */
    public static final String DRAFTER = "drafter";
    /** The customer the action promises are made to: the first affected customer. */
    public static final String PROMISE_CUSTOMER_ID = "promiseCustomerId";
    public static final String DURATION_MINUTES = "durationMinutes";

    // Each drafting round (Task_SetDraftDeadline)
    public static final String DRAFT_ROUND = "draftRound";
    public static final String DRAFT_DUE_DATE = "draftDueDate";
    public static final String DRAFT_REMINDER_AT = "draftReminderAt";

    // The draft (form incident-draft): timeline and actions are Camunda Forms dynamic lists (Json)
    public static final String TIMELINE = "timeline";
    public static final String IMPACT = "impact";
    public static final String ROOT_CAUSE = "rootCause";
    public static final String RESOLUTION = "resolution";
    public static final String ACTIONS = "actions";
    public static final String AT = "at";
    public static final String TEXT = "text";
    public static final String KIND = "kind";
    public static final String OWNER = "owner";
    public static final String DUE_DATE = "dueDate";
    public static final String KIND_CORRECTIVE = "corrective";
    public static final String KIND_PREVENTIVE = "preventive";
    public static final List<String> KINDS = List.of(KIND_CORRECTIVE, KIND_PREVENTIVE);

    /** The submitted draft as Markdown, for the lead's review form. */
    public static final String DRAFT_PREVIEW = "draftPreview";

    // The lead's follow-up of a late draft (form incident-late-draft)
    public static final String LATE_DRAFT_NOTE = "lateDraftNote";
    public static final String REASSIGN_TO = "reassignTo";

    // The review (form incident-review)
    public static final String REVIEW_DECISION = "reviewDecision";
    public static final String REVIEW_COMMENTS = "reviewComments";
    public static final String DECISION_APPROVE = "approve";
    public static final String DECISION_CHANGES = "changes";
    public static final List<String> DECISIONS = List.of(DECISION_APPROVE, DECISION_CHANGES);

    // Publication: what the templates read (lists of maps, JSON-serialized)
    public static final String REPORT_TIMELINE = "reportTimeline";
    public static final String REPORT_ACTIONS = "reportActions";
    public static final String ACTION_IDS = "actionIds";
    /** The element variable of the promise call: one row of {@code incident_action}. */
    public static final String ACTION_ID = "actionId";
    public static final String PROMISE_OUTCOME = "promiseOutcome";
    public static final String PROMISE_RESULT = "promiseResult";
    public static final String PROMISE_CANCEL_REASON = "promiseCancelReason";
    /** The element variable of the customer messages. */
    public static final String CUSTOMER_ID = "customerId";

    // Closing
    public static final String CLOSED_ACTIONS = "closedActions";
    public static final String ALL_ACTIONS_KEPT = "allActionsKept";

    /** The priority of the lead's task for a late draft, and of a reminded draft (Camunda's default is 50). */
    public static final int LATE_PRIORITY = 80;
    public static final int REMINDED_PRIORITY = 75;

    private PostIncidentReportProcess() {
    }
}

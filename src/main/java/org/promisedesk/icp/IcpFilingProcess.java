package org.promisedesk.icp;

import java.util.List;

/**
 * The names {@code processes/icp-filing.bpmn} ("ICP filing assistance") shares with code: element
 * ids, variables, messages and forms. Change a name here and in the model together.
 *
 * <p><b>Inputs</b> (start variables, from the start form or a calling process):
 * {@link #CUSTOMER_ID}, {@link #REQUEST_KEY} (or the business key) and the materials
 * {@link #MATERIAL_FIELDS}. {@code Task_OpenFiling} refuses a start without a known customer or
 * request key, or for a domain already in another open filing, with a
 * {@code BadUserRequestException}; nothing is started. Incomplete or invalid materials do start:
 * the customer is asked for corrections.
 *
 * <p><b>Output</b>: {@link #FILING_OUTCOME} ({@link #OUTCOME_APPROVED} with {@link #ICP_NUMBER},
 * or {@link #OUTCOME_ABANDONED}).
 *
 * <p><b>Messages</b>: {@link #MESSAGE_CUSTOMER_REPLIED} (from e-mail, by business key) while
 * waiting for corrections or the photo; {@link #MESSAGE_PHOTO_RECEIVED} (from
 * {@code POST /api/icp-filings/{id}/photo}, by process instance id).
 */
public final class IcpFilingProcess {

    public static final String PROCESS_ID = "icp-filing";

    // Main path
    public static final String EVENT_FILING_REQUESTED = "Event_FilingRequested";
    public static final String TASK_OPEN_FILING = "Task_OpenFiling";
    public static final String GATEWAY_CHECK_AGAIN = "Gateway_CheckAgain";
    public static final String TASK_CHECK_MATERIALS = "Task_CheckMaterials";
    public static final String GATEWAY_MATERIALS_VALID = "Gateway_MaterialsValid";
    public static final String TASK_REVIEW_MATERIALS = "Task_ReviewMaterials";
    public static final String GATEWAY_REVIEW_DECISION = "Gateway_ReviewDecision";
    public static final String GATEWAY_PHOTO_ACCEPTED = "Gateway_PhotoAccepted";
    public static final String EVENT_GO_TO_SUBMISSION = "Event_GoToSubmission";

    // Photo
    public static final String GATEWAY_ASK_PHOTO = "Gateway_AskPhoto";
    public static final String TASK_SET_PHOTO_DEADLINE = "Task_SetPhotoDeadline";
    public static final String TASK_ASK_FOR_PHOTO = "Task_AskForPhoto";
    public static final String SUB_PROCESS_AWAIT_PHOTO = "SubProcess_AwaitPhoto";
    public static final String EVENT_PHOTO_WAIT_STARTED = "Event_PhotoWaitStarted";
    public static final String GATEWAY_PHOTO_WAIT_FORK = "Gateway_PhotoWaitFork";
    public static final String TASK_AWAIT_PHOTO = "Task_AwaitPhoto";
    public static final String EVENT_PHOTO_ARRIVED = "Event_PhotoArrived";
    public static final String EVENT_FIRST_PHOTO_REMINDER_DUE = "Event_FirstPhotoReminderDue";
    public static final String TASK_REMIND_PHOTO_FIRST = "Task_RemindPhotoFirst";
    public static final String EVENT_SECOND_PHOTO_REMINDER_DUE = "Event_SecondPhotoReminderDue";
    public static final String TASK_REMIND_PHOTO_SECOND = "Task_RemindPhotoSecond";
    public static final String EVENT_PHOTO_REMINDERS_SENT = "Event_PhotoRemindersSent";
    public static final String EVENT_PHOTO_REPLIED = "Event_PhotoReplied";
    public static final String EVENT_PHOTO_OVERDUE = "Event_PhotoOverdue";
    public static final String EVENT_GO_TO_ABANDON_PHOTO = "Event_GoToAbandonPhoto";
    public static final String TASK_SAVE_PHOTO_FROM_REPLY = "Task_SavePhotoFromReply";
    public static final String GATEWAY_PHOTO_IN_REPLY = "Gateway_PhotoInReply";
    public static final String TASK_READ_PHOTO_REPLY = "Task_ReadPhotoReply";
    public static final String GATEWAY_AFTER_PHOTO_REPLY = "Gateway_AfterPhotoReply";
    public static final String GATEWAY_PHOTO_IN_HAND = "Gateway_PhotoInHand";
    public static final String GATEWAY_ASK_AGAIN = "Gateway_AskAgain";
    public static final String GATEWAY_PHOTO_TO_CHECK = "Gateway_PhotoToCheck";
    public static final String TASK_CHECK_PHOTO = "Task_CheckPhoto";
    public static final String GATEWAY_PHOTO_USABLE = "Gateway_PhotoUsable";

    // Submission and decision
    public static final String EVENT_RESUME_SUBMISSION = "Event_ResumeSubmission";
    public static final String GATEWAY_READY_TO_SUBMIT = "Gateway_ReadyToSubmit";
    public static final String TASK_SUBMIT_FILING = "Task_SubmitFiling";
    public static final String TASK_RECORD_SUBMISSION = "Task_RecordSubmission";
    public static final String TASK_TELL_CUSTOMER_SUBMITTED = "Task_TellCustomerSubmitted";
    public static final String SUB_PROCESS_AWAIT_DECISION = "SubProcess_AwaitDecision";
    public static final String EVENT_DECISION_WAIT_STARTED = "Event_DecisionWaitStarted";
    public static final String GATEWAY_NEXT_CHECK = "Gateway_NextCheck";
    public static final String TASK_SCHEDULE_STATUS_CHECK = "Task_ScheduleStatusCheck";
    public static final String EVENT_STATUS_CHECK_DUE = "Event_StatusCheckDue";
    public static final String TASK_CHECK_FILING_STATUS = "Task_CheckFilingStatus";
    public static final String GATEWAY_DECIDED = "Gateway_Decided";
    public static final String EVENT_DECISION_KNOWN = "Event_DecisionKnown";
    public static final String EVENT_DECISION_OVERDUE = "Event_DecisionOverdue";
    public static final String TASK_FOLLOW_UP_OVERDUE_FILING = "Task_FollowUpOverdueFiling";
    public static final String EVENT_OVERDUE_FOLLOWED_UP = "Event_OverdueFollowedUp";
    public static final String GATEWAY_FILING_DECISION = "Gateway_FilingDecision";
    public static final String TASK_RECORD_ICP_NUMBER = "Task_RecordIcpNumber";
    public static final String TASK_TELL_CUSTOMER_APPROVED = "Task_TellCustomerApproved";
    public static final String EVENT_FILING_APPROVED = "Event_FilingApproved";
    public static final String TASK_RECORD_REJECTION = "Task_RecordRejection";
    public static final String EVENT_GO_TO_CORRECTIONS = "Event_GoToCorrections";

    // Corrections
    public static final String EVENT_CORRECTIONS_AFTER_REJECTION = "Event_CorrectionsAfterRejection";
    public static final String GATEWAY_CORRECTIONS_NEEDED = "Gateway_CorrectionsNeeded";
    public static final String TASK_SET_CORRECTION_DEADLINE = "Task_SetCorrectionDeadline";
    public static final String TASK_ASK_FOR_CORRECTIONS = "Task_AskForCorrections";
    public static final String SUB_PROCESS_AWAIT_CORRECTIONS = "SubProcess_AwaitCorrections";
    public static final String EVENT_CORRECTION_WAIT_STARTED = "Event_CorrectionWaitStarted";
    public static final String GATEWAY_CORRECTION_WAIT_FORK = "Gateway_CorrectionWaitFork";
    public static final String TASK_ENTER_CORRECTIONS = "Task_EnterCorrections";
    public static final String EVENT_CORRECTIONS_ENTERED = "Event_CorrectionsEntered";
    public static final String EVENT_FIRST_CORRECTION_REMINDER_DUE = "Event_FirstCorrectionReminderDue";
    public static final String TASK_REMIND_CORRECTIONS_FIRST = "Task_RemindCorrectionsFirst";
    public static final String EVENT_SECOND_CORRECTION_REMINDER_DUE = "Event_SecondCorrectionReminderDue";
    public static final String TASK_REMIND_CORRECTIONS_SECOND = "Task_RemindCorrectionsSecond";
    public static final String EVENT_CORRECTION_REMINDERS_SENT = "Event_CorrectionRemindersSent";
    public static final String EVENT_CORRECTIONS_REPLIED = "Event_CorrectionsReplied";
    public static final String EVENT_CORRECTIONS_OVERDUE = "Event_CorrectionsOverdue";
    public static final String TASK_ENTER_REPLIED_CORRECTIONS = "Task_EnterRepliedCorrections";
    public static final String GATEWAY_CORRECTIONS_ENTERED = "Gateway_CorrectionsEntered";
    public static final String EVENT_GO_TO_ABANDON_CORRECTIONS = "Event_GoToAbandonCorrections";

    // Abandonment
    public static final String EVENT_ABANDON_FILING = "Event_AbandonFiling";
    public static final String TASK_CLOSE_ABANDONED_FILING = "Task_CloseAbandonedFiling";
    public static final String TASK_TELL_CUSTOMER_ABANDONED = "Task_TellCustomerAbandoned";
    public static final String EVENT_FILING_ABANDONED = "Event_FilingAbandoned";

    // Messages
    /** The shared reply message of the messaging feature: {@code replyText}, {@code replyFrom}, {@code replyMessageId}. */
    public static final String MESSAGE_CUSTOMER_REPLIED = "CustomerReplied";
    public static final String MESSAGE_PHOTO_RECEIVED = "IcpPhotoReceived";

    // Forms
    public static final String FORM_MATERIALS = "icp-materials";
    public static final String FORM_CORRECTIONS = "icp-corrections";
    public static final String FORM_REVIEW = "icp-review";
    public static final String FORM_PHOTO_REPLY = "icp-photo-reply";
    public static final String FORM_PHOTO_CHECK = "icp-photo-check";
    public static final String FORM_SUBMIT = "icp-submit";
    public static final String FORM_STATUS = "icp-status";
    public static final String FORM_OVERDUE = "icp-overdue";

    // Inputs
    public static final String CUSTOMER_ID = "customerId";
    public static final String REQUEST_KEY = "requestKey";

    // The materials (start form, correction forms)
    public static final String SUBJECT_TYPE = "subjectType";
    public static final String SUBJECT_NAME = "subjectName";
    public static final String CERTIFICATE_TYPE = "certificateType";
    public static final String CERTIFICATE_NUMBER = "certificateNumber";
    public static final String RESPONSIBLE_NAME = "responsibleName";
    public static final String RESPONSIBLE_ID_NUMBER = "responsibleIdNumber";
    public static final String RESPONSIBLE_MOBILE = "responsibleMobile";
    public static final String RESPONSIBLE_EMAIL = "responsibleEmail";
    public static final String WEBSITE_NAME = "websiteName";
    /** Domains separated by commas, spaces or lines; stored back normalised, {@code ", "}-separated. */
    public static final String DOMAINS = "domains";
    public static final String HOSTING_SERVICE_ID = "hostingServiceId";
    public static final String NOTES = "notes";

    public static final List<String> MATERIAL_FIELDS = List.of(SUBJECT_TYPE, SUBJECT_NAME, CERTIFICATE_TYPE,
            CERTIFICATE_NUMBER, RESPONSIBLE_NAME, RESPONSIBLE_ID_NUMBER, RESPONSIBLE_MOBILE, RESPONSIBLE_EMAIL,
            WEBSITE_NAME, DOMAINS, HOSTING_SERVICE_ID);

    public static final String SUBJECT_ENTERPRISE = "enterprise";
    public static final String SUBJECT_INDIVIDUAL = "individual";
    public static final String CERTIFICATE_USCC = "uscc";
    public static final String CERTIFICATE_RESIDENT_ID = "resident-id";

    // Kept by the process
    public static final String FILING_ID = "filingId";
    public static final String CUSTOMER_NAME = "customerName";
    public static final String HOSTING_IP = "hostingIp";
    public static final String MATERIALS_VALID = "materialsValid";
    /** For agents (Tasklist): one English line per problem, naming the field. */
    public static final String MATERIAL_PROBLEMS = "materialProblems";
    /** For the correction e-mail: one line per problem, {@code field|code|value}; the templates word it. */
    public static final String CORRECTION_ITEMS = "correctionItems";
    /** Why the customer is asked for corrections; the template is {@code icp-corrections-} + it. */
    public static final String CORRECTION_REASON = "correctionReason";
    public static final String REASON_INVALID = "invalid";
    public static final String REASON_SENT_BACK = "sent-back";
    public static final String REASON_REJECTED = "rejected";
    public static final List<String> CORRECTION_REASONS = List.of(REASON_INVALID, REASON_SENT_BACK, REASON_REJECTED);

    // Waiting for the customer (corrections or photo)
    public static final String FIRST_REMINDER_AT = "firstReminderAt";
    public static final String SECOND_REMINDER_AT = "secondReminderAt";
    public static final String REPLY_DUE_AT = "replyDueAt";
    /** What the customer was last asked for: {@link #WAITING_FOR_CORRECTIONS} or {@link #WAITING_FOR_PHOTO}. */
    public static final String WAITING_FOR = "waitingFor";
    public static final String WAITING_FOR_CORRECTIONS = "corrections";
    public static final String WAITING_FOR_PHOTO = "photo";

    // Reply message payload (messaging feature), plus an optional photo attachment
    public static final String REPLY_TEXT = "replyText";
    public static final String REPLY_FROM = "replyFrom";
    public static final String REPLY_MESSAGE_ID = "replyMessageId";
    /** A Camunda file variable with an image the customer attached to the reply, if the mail feature passes one. */
    public static final String REPLY_PHOTO = "replyPhoto";

    // Review (icp-review)
    public static final String REVIEW_DECISION = "reviewDecision";
    public static final String REVIEW_APPROVE = "approve";
    public static final String REVIEW_SEND_BACK = "send-back";
    public static final String REVIEW_COMMENTS = "reviewComments";

    // Photo
    public static final String PHOTO_REQUESTED_AT = "photoRequestedAt";
    public static final String PHOTO_ACCEPTED = "photoAccepted";
    public static final String PHOTO_IN_HAND = "photoInHand";
    /** Why the customer must send a photo again (the last check's reason); in the next photo request. */
    public static final String PHOTO_RETAKE_REASON = "photoRetakeReason";
    public static final String REPLY_PHOTO_PROBLEM = "replyPhotoProblem";
    public static final String PHOTO_REPLY_ACTION = "photoReplyAction";
    public static final String ACTION_UPLOADED = "uploaded";
    public static final String ACTION_ASK_AGAIN = "ask-again";
    public static final String PHOTO_DECISION = "photoDecision";
    public static final String PHOTO_ACCEPT = "accept";
    public static final String PHOTO_REJECT = "reject";
    public static final String PHOTO_REJECT_REASON = "photoRejectReason";
    public static final String PHOTO_CHECKED_BY = "photoCheckedBy";

    // Submission and status
    public static final String SUBMISSION_NUMBER = "submissionNumber";
    public static final String SUBMITTED_AT = "submittedAt";
    public static final String ESCALATE_AT = "escalateAt";
    public static final String NEXT_STATUS_CHECK_AT = "nextStatusCheckAt";
    public static final String STATUS_CHECKS = "statusChecks";
    public static final String FILING_STATUS = "filingStatus";
    public static final String STATUS_PENDING = "pending";
    public static final String STATUS_APPROVED = "approved";
    public static final String STATUS_REJECTED = "rejected";
    public static final List<String> FILING_STATUSES = List.of(STATUS_PENDING, STATUS_APPROVED, STATUS_REJECTED);
    public static final String ICP_NUMBER = "icpNumber";
    public static final String REJECTION_REASONS = "rejectionReasons";
    public static final String NEW_PHOTO_NEEDED = "newPhotoNeeded";
    public static final String FOLLOW_UP_NOTE = "followUpNote";

    // Output
    public static final String FILING_OUTCOME = "filingOutcome";
    public static final String OUTCOME_APPROVED = "approved";
    public static final String OUTCOME_ABANDONED = "abandoned";
    public static final String SERVICES_UPDATED = "servicesUpdated";

    /**
     * Variables only a running filing may set; a caller passing all its variables in could hand
     * over stale ones (another filing's decision, an ICP number), so {@code Task_OpenFiling}
     * removes them.
     */
    static final List<String> WORKING_VARIABLES = List.of(MATERIALS_VALID, MATERIAL_PROBLEMS, CORRECTION_ITEMS,
            CORRECTION_REASON, REVIEW_DECISION, REVIEW_COMMENTS, PHOTO_ACCEPTED, PHOTO_IN_HAND, PHOTO_RETAKE_REASON,
            PHOTO_REPLY_ACTION, PHOTO_DECISION, PHOTO_REJECT_REASON, SUBMISSION_NUMBER, FILING_STATUS, ICP_NUMBER,
            REJECTION_REASONS, NEW_PHOTO_NEEDED, FILING_OUTCOME, REPLY_TEXT, REPLY_FROM, REPLY_MESSAGE_ID, REPLY_PHOTO);

    // Customer message templates
    public static final String TEMPLATE_CORRECTIONS_PREFIX = "icp-corrections-";
    public static final String TEMPLATE_CORRECTION_REMINDER = "icp-correction-reminder";
    public static final String TEMPLATE_PHOTO_REQUEST = "icp-photo-request";
    public static final String TEMPLATE_PHOTO_REMINDER = "icp-photo-reminder";
    public static final String TEMPLATE_SUBMITTED = "icp-submitted";
    public static final String TEMPLATE_APPROVED = "icp-approved";
    public static final String TEMPLATE_ABANDONED = "icp-abandoned";

    private IcpFilingProcess() {
    }
}

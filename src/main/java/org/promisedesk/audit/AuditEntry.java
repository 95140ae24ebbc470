package org.promisedesk.audit;

import java.time.Instant;
import java.util.Map;

/**
 * One thing that happened to a request: when, what kind, in which process instance, at which
 * step, who did it, a one-line summary and the details (form fields, decision inputs, …).
 */
public record AuditEntry(Instant time, Kind kind, String process, String processInstanceId, String activity,
        String user, String summary, Map<String, Object> details) {

    public enum Kind {
        PROCESS_STARTED, PROCESS_ENDED, ACTIVITY_STARTED, ACTIVITY_ENDED,
        TASK_CREATED, TASK_ASSIGNMENT, TASK_COMPLETED, TASK_DELETED,
        VARIABLE_CHANGED, FORM_DATA, DECISION, INCIDENT_CREATED, INCIDENT_ENDED,
        USER_OPERATION, EMAIL_SENT, EMAIL_RECEIVED
    }
}

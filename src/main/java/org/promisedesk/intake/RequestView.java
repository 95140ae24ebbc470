package org.promisedesk.intake;

import java.time.Instant;
import java.util.List;

/**
 * What {@code GET /api/requests/{key}} answers: the request's state, customer and SLA, every step
 * its process instances wait at now, and its open promises. Absent values are left out.
 */
record RequestView(String key, String state, String requestClass, Customer customer, String channel,
        String subject, String priority, Instant openedAt, Instant closedAt, String closedBy, Sla sla,
        List<Waiting> waiting, List<OpenPromise> promises) {

    record Customer(Long id, String name) {
    }

    record Sla(Instant firstResponseDue, Instant resolutionDue, Instant firstResponseAt, Boolean breached,
            List<String> breaches, Instant pausedSince) {
    }

    /** One step waiting now; {@code kind} is user-task, message or timer. */
    record Waiting(String processId, String processInstanceId, String activityId, String activityName, String kind,
            String assignee, List<String> candidateGroups, Instant due) {
    }

    record OpenPromise(String processInstanceId, String text, String owner, Instant due, boolean overdue) {
    }
}

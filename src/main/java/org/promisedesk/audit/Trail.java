package org.promisedesk.audit;

import java.time.Instant;
import java.util.List;

/** The audit trail of one request: its process instances and what happened, in order. */
public record Trail(String requestKey, List<Instance> processInstances, List<AuditEntry> entries) {

    public record Instance(String id, String process, String processName, String processDefinitionId,
            String businessKey, String calledBy, String state, Instant started, Instant ended) {
    }
}

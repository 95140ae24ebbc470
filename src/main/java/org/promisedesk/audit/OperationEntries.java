package org.promisedesk.audit;

import static org.promisedesk.audit.ActivityEntries.details;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.promisedesk.audit.AuditEntry.Kind;
import org.springframework.stereotype.Component;

/**
 * What logged-in users did through Tasklist, Cockpit or the APIs: claims, completions,
 * reassignments, due-date changes, retries, … — one entry per changed property, as Camunda's
 * operation log records them (it records only authenticated users).
 */
@Component
class OperationEntries implements AuditSource {

    private final HistoryService historyService;

    OperationEntries(HistoryService historyService) {
        this.historyService = historyService;
    }

    @Override
    public List<AuditEntry> entries(RequestInstances request) {
        List<AuditEntry> entries = new ArrayList<>();
        for (String instanceId : request.ids()) {
            for (UserOperationLogEntry operation : historyService.createUserOperationLogQuery()
                    .processInstanceId(instanceId).list()) {
                String change = operation.getProperty() == null ? ""
                        : ": " + operation.getProperty() + " " + operation.getOrgValue() + " → " + operation.getNewValue();
                entries.add(new AuditEntry(Times.of(operation.getTimestamp()), Kind.USER_OPERATION,
                        request.processOf(instanceId), instanceId, null, operation.getUserId(),
                        operation.getOperationType() + " " + operation.getEntityType() + change,
                        details("operation", operation.getOperationType(), "entity", operation.getEntityType(),
                                "property", operation.getProperty(), "from", operation.getOrgValue(),
                                "to", operation.getNewValue(), "taskId", operation.getTaskId(),
                                "category", operation.getCategory(), "operationId", operation.getOperationId())));
            }
        }
        return entries;
    }
}

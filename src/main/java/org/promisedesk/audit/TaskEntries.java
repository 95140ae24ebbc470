package org.promisedesk.audit;

import static org.promisedesk.audit.ActivityEntries.details;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricIdentityLinkLog;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.promisedesk.audit.AuditEntry.Kind;
import org.springframework.stereotype.Component;

/**
 * Each user task: created (for whom), every claim, delegation and reassignment (who did it to
 * whom), and completed — by whom, from the operation log, which records the logged-in user.
 */
@Component
class TaskEntries implements AuditSource {

    private final HistoryService historyService;

    TaskEntries(HistoryService historyService) {
        this.historyService = historyService;
    }

    @Override
    public List<AuditEntry> entries(RequestInstances request) {
        List<AuditEntry> entries = new ArrayList<>();
        for (String instanceId : request.ids()) {
            String process = request.processOf(instanceId);
            for (HistoricTaskInstance task : historyService.createHistoricTaskInstanceQuery()
                    .processInstanceId(instanceId).list()) {
                entries.add(new AuditEntry(Times.of(task.getStartTime()), Kind.TASK_CREATED, process, instanceId,
                        task.getTaskDefinitionKey(), null, "Task created: " + task.getName(),
                        details("taskId", task.getId(), "assignee", task.getAssignee(), "due", task.getDueDate(),
                                "priority", task.getPriority())));
                historyService.createHistoricIdentityLinkLogQuery().taskId(task.getId()).list()
                        .forEach(link -> entries.add(assignment(process, task, link)));
                if (task.getEndTime() != null) {
                    entries.add(ended(process, task));
                }
            }
        }
        return entries;
    }

    private static AuditEntry assignment(String process, HistoricTaskInstance task, HistoricIdentityLinkLog link) {
        String whom = link.getUserId() != null ? "user " + link.getUserId() : "group " + link.getGroupId();
        String summary = ("add".equals(link.getOperationType()) ? "Added " : "Removed ") + whom + " as "
                + link.getType() + " of " + task.getName();
        return new AuditEntry(Times.of(link.getTime()), Kind.TASK_ASSIGNMENT, process, task.getProcessInstanceId(),
                task.getTaskDefinitionKey(), link.getAssignerId(), summary,
                details("taskId", task.getId(), "type", link.getType(), "operation", link.getOperationType(),
                        "userId", link.getUserId(), "groupId", link.getGroupId()));
    }

    private AuditEntry ended(String process, HistoricTaskInstance task) {
        boolean completed = "completed".equals(task.getDeleteReason());
        String by = completed ? completedBy(task) : null;
        return new AuditEntry(Times.of(task.getEndTime()), completed ? Kind.TASK_COMPLETED : Kind.TASK_DELETED,
                process, task.getProcessInstanceId(), task.getTaskDefinitionKey(), by,
                (completed ? "Task completed: " : "Task ended: ") + task.getName(),
                details("taskId", task.getId(), "assignee", task.getAssignee(), "reason", task.getDeleteReason(),
                        "durationMillis", task.getDurationInMillis()));
    }

    private String completedBy(HistoricTaskInstance task) {
        return historyService.createUserOperationLogQuery().taskId(task.getId())
                .operationType(UserOperationLogEntry.OPERATION_TYPE_COMPLETE).list().stream()
                .map(UserOperationLogEntry::getUserId).filter(user -> user != null).findFirst()
                .orElse(task.getAssignee());
    }
}

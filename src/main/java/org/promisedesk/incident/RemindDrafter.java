package org.promisedesk.incident;

import static org.promisedesk.incident.PostIncidentReportProcess.DRAFT_DUE_DATE;
import static org.promisedesk.incident.PostIncidentReportProcess.REMINDED_PRIORITY;

import java.util.Date;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** {@code Task_RemindDrafter}: a comment on the draft task saying when it is due, and a higher priority. */
@Component
class RemindDrafter implements JavaDelegate {

    private static final Logger log = LoggerFactory.getLogger(RemindDrafter.class);

    private final TaskService taskService;
    private final IncidentSettings settings;

    RemindDrafter(TaskService taskService, IncidentSettings settings) {
        this.taskService = taskService;
        this.settings = settings;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Date due = (Date) execution.getVariable(DRAFT_DUE_DATE);
        String processInstanceId = execution.getProcessInstanceId();
        DraftTask.change(taskService, processInstanceId, task -> {
            taskService.createComment(task.getId(), processInstanceId,
                    "Reminder: the post-incident report is due at " + Times.format(due.toInstant(), settings.timeZone()));
            if (task.getPriority() < REMINDED_PRIORITY) {
                taskService.setPriority(task.getId(), REMINDED_PRIORITY);
            }
            log.info("Request {}: reminded {} that the incident report is due", execution.getProcessBusinessKey(),
                    task.getAssignee());
        });
    }
}

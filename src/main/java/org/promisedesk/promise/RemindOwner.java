package org.promisedesk.promise;

import static org.promisedesk.promise.PromiseProcess.DUE_DATE;
import static org.promisedesk.promise.PromiseProcess.REMINDED_PRIORITY;

import java.util.Date;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * {@code Task_RemindOwner}: a comment on the owner's task saying when it is due, and a higher
 * priority so that it rises in the owner's Tasklist.
 */
@Component
class RemindOwner implements JavaDelegate {

    private static final Logger log = LoggerFactory.getLogger(RemindOwner.class);

    private final TaskService taskService;

    RemindOwner(TaskService taskService) {
        this.taskService = taskService;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Date dueDate = (Date) execution.getVariable(DUE_DATE);
        String processInstanceId = execution.getProcessInstanceId();
        boolean reminded = OwnerTask.change(taskService, processInstanceId, task -> {
            taskService.createComment(task.getId(), processInstanceId,
                    "Reminder: due at " + DueDates.format(dueDate));
            if (task.getPriority() < REMINDED_PRIORITY) {
                taskService.setPriority(task.getId(), REMINDED_PRIORITY);
            }
            log.info("Request {}: reminded {} that promise {} is due at {}", execution.getProcessBusinessKey(),
                    task.getAssignee(), processInstanceId, DueDates.format(dueDate));
        });
        if (!reminded) {
            log.info("Request {}: promise {} has no open task to remind of, it is being closed",
                    execution.getProcessBusinessKey(), processInstanceId);
        }
    }
}

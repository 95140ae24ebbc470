package org.promisedesk.promise;

import static org.promisedesk.promise.PromiseProcess.DUE_DATE;
import static org.promisedesk.promise.PromiseProcess.DUE_DATE_CHANGES;
import static org.promisedesk.promise.PromiseProcess.NEW_DATE_REASON;
import static org.promisedesk.promise.PromiseProcess.NEW_DUE_DATE;
import static org.promisedesk.promise.PromiseProcess.REMINDER_AT;

import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * {@code Task_MoveDueDate}: makes the date the lead agreed the promise's due date — the variable
 * the timers read, and the due date of the owner's open task, with a comment saying why. The
 * lead's form fields are removed afterwards (the history keeps them), so that the next overdue
 * round starts with an empty form and cannot reuse this round's answers.
 */
@Component
class MoveDueDate implements JavaDelegate {

    private static final Logger log = LoggerFactory.getLogger(MoveDueDate.class);

    private final TaskService taskService;
    private final DueDates dueDates;

    MoveDueDate(TaskService taskService, DueDates dueDates) {
        this.taskService = taskService;
        this.dueDates = dueDates;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Date oldDueDate = (Date) execution.getVariable(DUE_DATE);
        Date newDueDate = DueDates.parse(execution.getVariable(NEW_DUE_DATE));
        String reason = (String) execution.getVariable(NEW_DATE_REASON);
        Integer changes = (Integer) execution.getVariable(DUE_DATE_CHANGES);

        execution.setVariable(DUE_DATE, newDueDate);
        execution.setVariable(REMINDER_AT, dueDates.reminderAt(newDueDate));
        execution.setVariable(DUE_DATE_CHANGES, changes == null ? 1 : changes + 1);
        execution.removeVariables(List.of(NEW_DUE_DATE, NEW_DATE_REASON));

        String processInstanceId = execution.getProcessInstanceId();
        OwnerTask.change(taskService, processInstanceId, task -> {
            task.setDueDate(newDueDate);
            taskService.saveTask(task);
            taskService.createComment(task.getId(), processInstanceId, "Due date moved from "
                    + DueDates.format(oldDueDate) + " to " + DueDates.format(newDueDate) + ": " + reason);
        });
        log.info("Request {}: promise {} due date moved from {} to {}", execution.getProcessBusinessKey(),
                processInstanceId, DueDates.format(oldDueDate), DueDates.format(newDueDate));
    }
}

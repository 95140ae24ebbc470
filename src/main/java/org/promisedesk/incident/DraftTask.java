package org.promisedesk.incident;

import static org.promisedesk.incident.PostIncidentReportProcess.TASK_DRAFT_REPORT;

import java.util.function.Consumer;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.task.Task;

/** The engineer's open draft task ({@code Task_DraftReport}), for steps that change it. */
final class DraftTask {

    /**
     * Applies {@code change} to the open draft task, if there is one, and tells whether there was.
     * Without the current user's authorizations: the process changes its own task, also in the
     * transaction of a lead who may not.
     */
    static boolean change(TaskService taskService, String processInstanceId, Consumer<Task> change) {
        return Context.getCommandContext().runWithoutAuthorization(() -> {
            Task task = taskService.createTaskQuery().processInstanceId(processInstanceId)
                    .taskDefinitionKey(TASK_DRAFT_REPORT).singleResult();
            if (task == null) {
                return false;
            }
            change.accept(task);
            return true;
        });
    }

    private DraftTask() {
    }
}

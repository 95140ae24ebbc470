package org.promisedesk.promise;

import static org.promisedesk.promise.PromiseProcess.TASK_KEEP_PROMISE;

import java.util.function.Consumer;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.task.Task;

/** The owner's open task of a promise ({@code Task_KeepPromise}), for steps that change it. */
final class OwnerTask {

    /**
     * Applies {@code change} to the owner's open task, if there is one, and tells whether there
     * was. It runs without the current user's authorizations: the process changes its own task,
     * also when the step runs in the transaction of a user who may not (a lead agreeing a new date).
     */
    static boolean change(TaskService taskService, String processInstanceId, Consumer<Task> change) {
        return Context.getCommandContext().runWithoutAuthorization(() -> {
            Task task = taskService.createTaskQuery().processInstanceId(processInstanceId)
                    .taskDefinitionKey(TASK_KEEP_PROMISE).singleResult();
            if (task == null) {
                return false;
            }
            change.accept(task);
            return true;
        });
    }

    private OwnerTask() {
    }
}

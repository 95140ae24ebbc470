package org.promisedesk.intake;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;

/** Who completes a task: the logged-in user, else the task's assignee, else null (the team). */
final class Actors {

    private Actors() {
    }

    static String of(DelegateTask task) {
        Authentication current = Context.getCommandContext().getAuthentication();
        if (current != null && current.getUserId() != null) {
            return current.getUserId();
        }
        return task.getAssignee();
    }
}

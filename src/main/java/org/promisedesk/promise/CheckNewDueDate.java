package org.promisedesk.promise;

import static org.promisedesk.promise.PromiseProcess.NEW_DATE_REASON;
import static org.promisedesk.promise.PromiseProcess.NEW_DUE_DATE;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Completion of {@code Task_AgreeNewDate}: the lead must give a new due date in the future and
 * say what went wrong; otherwise the completion is rejected and the task stays open. The date is
 * kept as a {@code java.util.Date} whatever form it was submitted in.
 */
@Component
class CheckNewDueDate implements TaskListener {

    @Override
    public void notify(DelegateTask task) {
        List<String> problems = new ArrayList<>();
        Date newDueDate = DueDates.future(task.getVariable(NEW_DUE_DATE), NEW_DUE_DATE, problems);
        String reason = Explanations.valid(task.getVariable(NEW_DATE_REASON));
        if (reason == null) {
            problems.add(Explanations.rule(NEW_DATE_REASON) + " saying what went wrong");
        }
        if (!problems.isEmpty()) {
            throw new BadUserRequestException("The new date cannot be agreed: " + String.join("; ", problems));
        }
        // Normalised; set only when that changed something, so the history shows what was submitted once.
        if (!newDueDate.equals(task.getVariable(NEW_DUE_DATE))) {
            task.setVariable(NEW_DUE_DATE, newDueDate);
        }
        if (!reason.equals(task.getVariable(NEW_DATE_REASON))) {
            task.setVariable(NEW_DATE_REASON, reason);
        }
    }
}

package org.promisedesk.fault;

import static org.promisedesk.fault.FaultEscalationProcess.VISIT_REPORT;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Completion of {@code Task_RecordVisitReport}: the on-site engineer's report of the visit. */
@Component
class CheckVisitReport implements TaskListener {

    @Override
    public void notify(DelegateTask task) {
        String report = Texts.atLeast(task.getVariable(VISIT_REPORT), Texts.NOTE_MIN);
        if (report == null) {
            throw new BadUserRequestException("The visit cannot be recorded: " + Texts.rule(VISIT_REPORT)
                    + " saying what was found and done on site");
        }
        Texts.normalise(task, VISIT_REPORT, report);
    }
}

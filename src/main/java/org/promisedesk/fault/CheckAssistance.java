package org.promisedesk.fault;

import static org.promisedesk.fault.FaultEscalationProcess.ASSIST_RESULT;
import static org.promisedesk.fault.FaultEscalationProcess.FAULT_OUTCOME;
import static org.promisedesk.fault.FaultEscalationProcess.OUTCOME_ASSISTED;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Completion of {@code Task_AssistCustomer}: what was done for the customer, which the explanation tells them. */
@Component
class CheckAssistance implements TaskListener {

    @Override
    public void notify(DelegateTask task) {
        String result = Texts.atLeast(task.getVariable(ASSIST_RESULT), Texts.NOTE_MIN);
        if (result == null) {
            throw new BadUserRequestException("The help cannot be recorded: " + Texts.rule(ASSIST_RESULT)
                    + " saying what was done for the customer");
        }
        Texts.normalise(task, ASSIST_RESULT, result);
        task.setVariable(FAULT_OUTCOME, OUTCOME_ASSISTED);
    }
}

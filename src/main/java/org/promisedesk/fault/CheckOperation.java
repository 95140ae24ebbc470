package org.promisedesk.fault;

import static org.promisedesk.fault.FaultEscalationProcess.CONSENT_DECISION;
import static org.promisedesk.fault.FaultEscalationProcess.CONSENT_GIVEN;
import static org.promisedesk.fault.FaultEscalationProcess.OPERATION_RESULT;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Creation and completion of {@code Task_PerformOperation}: it exists only with the customer's
 * consent recorded (the model's only way in; checked again here), and is done with what happened.
 */
@Component
class CheckOperation implements TaskListener {

    @Override
    public void notify(DelegateTask task) {
        if (!CONSENT_GIVEN.equals(task.getVariable(CONSENT_DECISION))) {
            throw new ProcessEngineException("Request " + task.getExecution().getProcessBusinessKey()
                    + ": no intrusive operation without the customer's recorded consent");
        }
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            return;
        }
        String result = Texts.atLeast(task.getVariable(OPERATION_RESULT), Texts.NOTE_MIN);
        if (result == null) {
            throw new BadUserRequestException("The operation cannot be recorded: " + Texts.rule(OPERATION_RESULT)
                    + " saying what was done and how it went");
        }
        Texts.normalise(task, OPERATION_RESULT, result);
    }
}

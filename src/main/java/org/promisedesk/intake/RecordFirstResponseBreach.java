package org.promisedesk.intake;

import static org.promisedesk.intake.IntakeProcess.BREACH_FIRST_RESPONSE;
import static org.promisedesk.intake.IntakeProcess.FIRST_RESPONSE_DUE;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code Task_RecordFirstResponseBreach}: nobody responded by {@code firstResponseDue}; the flag is set. */
@Component
class RecordFirstResponseBreach implements JavaDelegate {

    @Override
    public void execute(DelegateExecution execution) {
        Breaches.record(execution, BREACH_FIRST_RESPONSE, execution.getVariable(FIRST_RESPONSE_DUE));
    }
}

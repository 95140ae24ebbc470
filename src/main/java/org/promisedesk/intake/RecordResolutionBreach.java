package org.promisedesk.intake;

import static org.promisedesk.intake.IntakeProcess.BREACH_RESOLUTION;
import static org.promisedesk.intake.IntakeProcess.RESOLUTION_DUE;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code Task_RecordResolutionBreach}: the request is still open at {@code resolutionDue}; the flag is set. */
@Component
class RecordResolutionBreach implements JavaDelegate {

    @Override
    public void execute(DelegateExecution execution) {
        Breaches.record(execution, BREACH_RESOLUTION, execution.getVariable(RESOLUTION_DUE));
    }
}

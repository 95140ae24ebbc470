package org.promisedesk.intake;

import static org.promisedesk.intake.IntakeProcess.CLOSED_BY;
import static org.promisedesk.intake.IntakeProcess.CLOSED_BY_SILENCE;
import static org.promisedesk.intake.IntakeProcess.CONFIRM_BY;
import static org.promisedesk.intake.IntakeProcess.REQUEST_STATE;
import static org.promisedesk.intake.IntakeProcess.STATE_CLOSED_BY_SILENCE;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * {@code Task_CloseSilentRequest}: no answer to "is it solved?" by {@code confirmBy}. Silence is
 * not consent: the request is recorded as closed by silence, not as solved, and the customer is
 * told that a reply still reaches us.
 */
@Component
class CloseSilentRequest implements JavaDelegate {

    private static final Logger log = LoggerFactory.getLogger(CloseSilentRequest.class);

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable(CLOSED_BY, CLOSED_BY_SILENCE);
        execution.setVariable(REQUEST_STATE, STATE_CLOSED_BY_SILENCE);
        log.info("Request {}: no answer by {}; closed by silence", execution.getProcessBusinessKey(),
                execution.getVariable(CONFIRM_BY));
    }
}

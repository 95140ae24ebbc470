package org.promisedesk.refusal;

import static org.promisedesk.refusal.RefusalProcess.ANSWER_BY;
import static org.promisedesk.refusal.RefusalProcess.OUTCOME_ACCEPTED_BY_SILENCE;
import static org.promisedesk.refusal.RefusalProcess.REFUSAL_OUTCOME;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * {@code Task_CloseBySilence}: the customer did not answer by the deadline the letter named. The
 * letter told them silence means acceptance, so the refusal closes as accepted and nothing more
 * is sent.
 */
@Component
class CloseBySilence implements JavaDelegate {

    private static final Logger log = LoggerFactory.getLogger(CloseBySilence.class);

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable(REFUSAL_OUTCOME, OUTCOME_ACCEPTED_BY_SILENCE);
        log.info("Request {}: no answer to refusal {} by {}; closed as {}", execution.getProcessBusinessKey(),
                execution.getProcessInstanceId(), execution.getVariable(ANSWER_BY), OUTCOME_ACCEPTED_BY_SILENCE);
    }
}

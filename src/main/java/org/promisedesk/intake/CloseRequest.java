package org.promisedesk.intake;

import static org.promisedesk.intake.IntakeProcess.CLOSED_AT;
import static org.promisedesk.intake.IntakeProcess.CLOSED_BY;
import static org.promisedesk.intake.IntakeProcess.CLOSED_BY_AGENT;
import static org.promisedesk.intake.IntakeProcess.REQUEST_STATE;
import static org.promisedesk.intake.IntakeProcess.STATE_CLOSED;
import static org.promisedesk.intake.IntakeProcess.STATE_CLOSED_BY_SILENCE;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * {@code Task_CloseRequest}: the request is done. {@code closedBy} is customer (they said solved),
 * silence, or else agent (a reply to chit-chat, a refusal that stands); {@code closedAt} now; a
 * running SLA pause is counted into {@code slaPausedTotal}.
 */
@Component
class CloseRequest implements JavaDelegate {

    private static final Logger log = LoggerFactory.getLogger(CloseRequest.class);

    private final SlaClocks clocks;

    CloseRequest(SlaClocks clocks) {
        this.clocks = clocks;
    }

    @Override
    public void execute(DelegateExecution execution) {
        clocks.endPause(execution);
        if (execution.getVariable(CLOSED_BY) == null) {
            execution.setVariable(CLOSED_BY, CLOSED_BY_AGENT);
        }
        if (!STATE_CLOSED_BY_SILENCE.equals(execution.getVariable(REQUEST_STATE))) {
            execution.setVariable(REQUEST_STATE, STATE_CLOSED);
        }
        execution.setVariable(CLOSED_AT, ClockUtil.getCurrentTime());
        log.info("Request {}: closed by {}", execution.getProcessBusinessKey(), execution.getVariable(CLOSED_BY));
    }
}

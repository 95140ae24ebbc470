package org.promisedesk.intake;

import static org.promisedesk.intake.IntakeProcess.OUT_OF_SCOPE;
import static org.promisedesk.intake.IntakeProcess.REOPEN_COUNT;
import static org.promisedesk.intake.IntakeProcess.REQUEST_CLASS;
import static org.promisedesk.intake.IntakeProcess.REQUEST_STATE;
import static org.promisedesk.intake.IntakeProcess.RESOLUTION_DUE;
import static org.promisedesk.intake.IntakeProcess.STATE_IN_PROGRESS;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * {@code Task_ReopenRequest}: the customer says it is not solved. The SLA clocks run again, their
 * due dates moved by the working time we waited for the customer; the request goes back to the
 * work of the same class. Nothing is lost: the history keeps every earlier step and answer.
 */
@Component
class ReopenRequest implements JavaDelegate {

    private static final Logger log = LoggerFactory.getLogger(ReopenRequest.class);

    private final SlaClocks clocks;

    ReopenRequest(SlaClocks clocks) {
        this.clocks = clocks;
    }

    @Override
    public void execute(DelegateExecution execution) {
        clocks.resume(execution);
        int count = execution.getVariable(REOPEN_COUNT) instanceof Number n ? n.intValue() + 1 : 1;
        execution.setVariable(REOPEN_COUNT, count);
        execution.setVariable(OUT_OF_SCOPE, false);
        execution.setVariable(REQUEST_STATE, STATE_IN_PROGRESS);
        log.info("Request {}: not solved, reopened ({} time(s)) as {}; resolution now due {}",
                execution.getProcessBusinessKey(), count, execution.getVariable(REQUEST_CLASS),
                execution.getVariable(RESOLUTION_DUE));
    }
}

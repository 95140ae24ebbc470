package org.promisedesk.intake;

import static org.promisedesk.intake.IntakeProcess.OUT_OF_SCOPE;
import static org.promisedesk.intake.IntakeProcess.REQUEST_CLASS;
import static org.promisedesk.intake.IntakeProcess.REQUEST_STATE;
import static org.promisedesk.intake.IntakeProcess.STATE_IN_PROGRESS;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** {@code Task_ResumeWork}: a lead overturned the refusal, so the request goes back to its class's work, in scope. */
@Component
class ResumeWork implements JavaDelegate {

    private static final Logger log = LoggerFactory.getLogger(ResumeWork.class);

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable(OUT_OF_SCOPE, false);
        execution.setVariable(REQUEST_STATE, STATE_IN_PROGRESS);
        log.info("Request {}: refusal overturned; back to the {} work", execution.getProcessBusinessKey(),
                execution.getVariable(REQUEST_CLASS));
    }
}

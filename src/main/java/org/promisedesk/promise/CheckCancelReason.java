package org.promisedesk.promise;

import static org.promisedesk.promise.PromiseProcess.CANCEL_REASON;
import static org.promisedesk.promise.PromiseProcess.OUTCOME_CANCELLED;
import static org.promisedesk.promise.PromiseProcess.PROMISE_OUTCOME;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * {@code Task_CheckCancelReason}: a promise is cancelled only with a reason. It runs in the
 * transaction of the message correlation, so without one the correlation fails with a
 * {@link BadUserRequestException} and the promise stays as it was.
 */
@Component
class CheckCancelReason implements JavaDelegate {

    private static final Logger log = LoggerFactory.getLogger(CheckCancelReason.class);

    @Override
    public void execute(DelegateExecution execution) {
        String reason = Explanations.valid(execution.getVariable(CANCEL_REASON));
        if (reason == null) {
            throw new BadUserRequestException("The promise cannot be cancelled: "
                    + Explanations.rule(CANCEL_REASON) + " saying why");
        }
        execution.setVariable(CANCEL_REASON, reason);
        execution.setVariable(PROMISE_OUTCOME, OUTCOME_CANCELLED);
        log.info("Request {}: promise {} cancelled: {}", execution.getProcessBusinessKey(),
                execution.getProcessInstanceId(), reason);
    }
}

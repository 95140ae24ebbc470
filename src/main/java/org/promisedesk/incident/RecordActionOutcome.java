package org.promisedesk.incident;

import static org.promisedesk.incident.PostIncidentReportProcess.ACTION_ID;
import static org.promisedesk.incident.PostIncidentReportProcess.PROMISE_CANCEL_REASON;
import static org.promisedesk.incident.PostIncidentReportProcess.PROMISE_OUTCOME;
import static org.promisedesk.incident.PostIncidentReportProcess.PROMISE_RESULT;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * End of each {@code CallActivity_KeepActions} instance: the promise's outcome and what the
 * customer was told (mapped out locally: the result, or the reason it was cancelled) go on the action's row, for the closing note and the audit.
 */
@Component
class RecordActionOutcome implements ExecutionListener {

    private static final Logger log = LoggerFactory.getLogger(RecordActionOutcome.class);

    private final IncidentActions actions;

    RecordActionOutcome(IncidentActions actions) {
        this.actions = actions;
    }

    @Override
    public void notify(DelegateExecution execution) {
        Object actionId = execution.getVariable(ACTION_ID);
        Object outcome = execution.getVariableLocal(PROMISE_OUTCOME);
        if (!(actionId instanceof Number id) || !(outcome instanceof String value)) {
            return; // the call ended without a result: the incident process itself was cancelled
        }
        Object result = execution.getVariableLocal(PROMISE_RESULT);
        if (result == null) {
            result = execution.getVariableLocal(PROMISE_CANCEL_REASON);
        }
        actions.recordOutcome(id.longValue(), value, result instanceof String text ? text : null,
                ClockUtil.getCurrentTime().toInstant());
        log.info("Request {}: incident action {} closed as {}", execution.getProcessBusinessKey(), id, value);
    }
}

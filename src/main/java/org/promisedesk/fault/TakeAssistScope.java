package org.promisedesk.fault;

import static org.promisedesk.fault.FaultEscalationProcess.ASSIST_SCOPE;
import static org.promisedesk.fault.FaultEscalationProcess.ASSIST_SCOPE_NOTE;
import static org.promisedesk.fault.FaultEscalationProcess.ASSIST_SCOPE_RESULT;
import static org.promisedesk.fault.FaultEscalationProcess.SCOPE_OUT;

import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * End of {@code Task_DecideAssistScope}: the result of {@code service-scope} becomes
 * {@code assistScope} ({@code included}, {@code paid}, {@code out-of-scope}) and
 * {@code assistScopeNote}. No rule for the case counts as out of scope: the refusal that follows
 * is reviewed and explained, never silent.
 */
@Component
class TakeAssistScope implements ExecutionListener {

    private static final Logger log = LoggerFactory.getLogger(TakeAssistScope.class);

    @Override
    public void notify(DelegateExecution execution) {
        Object result = execution.getVariable(ASSIST_SCOPE_RESULT);
        Map<?, ?> scope = result instanceof Map<?, ?> map ? map : Map.of();
        Object value = scope.get("scope");
        execution.setVariable(ASSIST_SCOPE, value instanceof String text && !text.isBlank() ? text : SCOPE_OUT);
        if (scope.get("scopeNote") instanceof String note && !note.isBlank()) {
            execution.setVariable(ASSIST_SCOPE_NOTE, note);
        }
        execution.removeVariable(ASSIST_SCOPE_RESULT);
        log.info("Request {}: help with {} is {}", execution.getProcessBusinessKey(),
                execution.getVariable(FaultEscalationProcess.ACTIVITY), execution.getVariable(ASSIST_SCOPE));
    }
}

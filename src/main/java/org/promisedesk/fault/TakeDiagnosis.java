package org.promisedesk.fault;

import static org.promisedesk.fault.FaultEscalationProcess.DIAGNOSIS;
import static org.promisedesk.fault.FaultEscalationProcess.EXPLANATION_KEY;
import static org.promisedesk.fault.FaultEscalationProcess.FAULT_RESPONSIBILITY;
import static org.promisedesk.fault.FaultEscalationProcess.RESPONSIBILITIES;
import static org.promisedesk.fault.FaultEscalationProcess.UNKNOWN;

import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * End of {@code Task_DecideResponsibility}: the decision's one result becomes the plain variables
 * {@code faultResponsibility} and {@code explanationKey}. No matching rule, or a value the process
 * does not know (an edited table), counts as {@code unknown}: tech looks at it.
 */
@Component
class TakeDiagnosis implements ExecutionListener {

    private static final Logger log = LoggerFactory.getLogger(TakeDiagnosis.class);

    @Override
    public void notify(DelegateExecution execution) {
        Object result = execution.getVariable(DIAGNOSIS);
        Map<?, ?> diagnosis = result instanceof Map<?, ?> map ? map : Map.of();
        Object responsibility = diagnosis.get(FAULT_RESPONSIBILITY);
        Object key = diagnosis.get(EXPLANATION_KEY);
        execution.setVariable(FAULT_RESPONSIBILITY,
                RESPONSIBILITIES.contains(responsibility) ? responsibility : UNKNOWN);
        execution.setVariable(EXPLANATION_KEY, key instanceof String text && !text.isBlank() ? text : "unclear");
        execution.removeVariable(DIAGNOSIS);
        log.info("Request {}: responsibility {} ({})", execution.getProcessBusinessKey(),
                execution.getVariable(FAULT_RESPONSIBILITY), execution.getVariable(EXPLANATION_KEY));
    }
}

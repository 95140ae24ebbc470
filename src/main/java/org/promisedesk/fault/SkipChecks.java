package org.promisedesk.fault;

import static org.promisedesk.fault.FaultEscalationProcess.DNS_RESULT;
import static org.promisedesk.fault.FaultEscalationProcess.HTTP_RESULT;
import static org.promisedesk.fault.FaultEscalationProcess.NOT_CHECKED;
import static org.promisedesk.fault.FaultEscalationProcess.TCP_RESULT;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code Task_SkipChecks}: no service to check; every check result says so, and the decision gives "unknown". */
@Component
class SkipChecks implements JavaDelegate {

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable(DNS_RESULT, NOT_CHECKED);
        execution.setVariable(TCP_RESULT, NOT_CHECKED);
        execution.setVariable(HTTP_RESULT, NOT_CHECKED);
    }
}

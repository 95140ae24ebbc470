package org.promisedesk.fault;

import static org.promisedesk.fault.FaultEscalationProcess.CONSENT_BY;
import static org.promisedesk.fault.FaultEscalationProcess.CONSENT_DECISION;
import static org.promisedesk.fault.FaultEscalationProcess.CONSENT_NONE;
import static org.promisedesk.fault.FaultEscalationProcess.CONSENT_RECORDED_AT;
import static org.promisedesk.fault.FaultEscalationProcess.PROPOSED_OPERATION;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * {@code Task_RecordNoConsent}: no answer by {@code consentBy}. Silence is not consent: the
 * operation is not done, and tech looks for another way.
 */
@Component
class RecordNoConsent implements JavaDelegate {

    private static final Logger log = LoggerFactory.getLogger(RecordNoConsent.class);

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable(CONSENT_DECISION, CONSENT_NONE);
        execution.setVariable(CONSENT_RECORDED_AT, ClockUtil.getCurrentTime());
        log.info("Request {}: no consent to {} by {}; not done", execution.getProcessBusinessKey(),
                execution.getVariable(PROPOSED_OPERATION), execution.getVariable(CONSENT_BY));
    }
}

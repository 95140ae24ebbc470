package org.promisedesk.fault;

import static org.promisedesk.fault.FaultEscalationProcess.CONSENT_BY;
import static org.promisedesk.fault.FaultEscalationProcess.CONSENT_CHANNEL;
import static org.promisedesk.fault.FaultEscalationProcess.CONSENT_DECISION;
import static org.promisedesk.fault.FaultEscalationProcess.CONSENT_GIVEN_BY;
import static org.promisedesk.fault.FaultEscalationProcess.CONSENT_RECORDED_AT;
import static org.promisedesk.fault.FaultEscalationProcess.CONSENT_RECORDED_BY;
import static org.promisedesk.fault.FaultEscalationProcess.OPERATION_RESULT;
import static org.promisedesk.fault.FaultEscalationProcess.REPLY_FROM;
import static org.promisedesk.fault.FaultEscalationProcess.REPLY_FROM_CUSTOMER;
import static org.promisedesk.fault.FaultEscalationProcess.REPLY_MESSAGE_ID;
import static org.promisedesk.fault.FaultEscalationProcess.REPLY_TEXT;

import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * Start of {@code Task_AskConsent}, inside its job: until when the customer can consent
 * ({@code consentBy}, {@code promise-desk.fault.consent-window}); the e-mail names it and the
 * timer fires at it. An earlier round's consent is removed (the history keeps it): every
 * operation needs its own.
 */
@Component
class SetConsentDeadline implements ExecutionListener {

    private final FaultSettings settings;

    SetConsentDeadline(FaultSettings settings) {
        this.settings = settings;
    }

    @Override
    public void notify(DelegateExecution execution) {
        execution.removeVariables(List.of(CONSENT_DECISION, CONSENT_CHANNEL, CONSENT_GIVEN_BY, CONSENT_RECORDED_BY,
                CONSENT_RECORDED_AT, OPERATION_RESULT, REPLY_TEXT, REPLY_FROM, REPLY_MESSAGE_ID, REPLY_FROM_CUSTOMER));
        execution.setVariable(CONSENT_BY, Date.from(ClockUtil.getCurrentTime().toInstant().plus(settings.consentWindow())));
    }
}

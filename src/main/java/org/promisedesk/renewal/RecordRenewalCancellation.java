package org.promisedesk.renewal;

import static org.promisedesk.renewal.RenewalAnswerProcess.CANCEL_REASON;
import static org.promisedesk.renewal.RenewalAnswerProcess.RENEWAL_KEY;
import static org.promisedesk.renewal.RenewalAnswerProcess.SERVICE_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code Task_RecordRenewalCancellation}: the agent records that the customer does not renew. */
@Component
class RecordRenewalCancellation implements JavaDelegate {

    private final RenewalCancellations cancellations;

    RecordRenewalCancellation(RenewalCancellations cancellations) {
        this.cancellations = cancellations;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Object reason = execution.getVariable(CANCEL_REASON);
        String renewalKey = cancellations.cancel((Long) execution.getVariable(SERVICE_ID),
                reason instanceof String text ? text : null);
        execution.setVariable(RENEWAL_KEY, renewalKey);
    }
}

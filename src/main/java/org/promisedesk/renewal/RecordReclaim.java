package org.promisedesk.renewal;

import static org.promisedesk.renewal.ServiceRenewalProcess.OUTCOME_RECLAIMED;
import static org.promisedesk.renewal.ServiceRenewalProcess.RENEWAL_OUTCOME;
import static org.promisedesk.renewal.ServiceRenewalProcess.SERVICE_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.promisedesk.customer.ServiceState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * {@code Task_RecordReclaim}: the retention period after suspension is over unpaid. The service
 * is EXPIRED for good (a payment no longer brings it back), and tech gets the task to reclaim
 * its data and resources.
 */
@Component
class RecordReclaim implements JavaDelegate {

    private static final Logger log = LoggerFactory.getLogger(RecordReclaim.class);

    private final Renewals renewals;
    private final ServiceExpiry services;

    RecordReclaim(Renewals renewals, ServiceExpiry services) {
        this.renewals = renewals;
        this.services = services;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long serviceId = (Long) execution.getVariable(SERVICE_ID);
        services.setState(serviceId, ServiceState.EXPIRED);
        renewals.setState(execution.getProcessBusinessKey(), Renewal.State.RECLAIMED);
        execution.setVariable(RENEWAL_OUTCOME, OUTCOME_RECLAIMED);
        log.info("Renewal {}: retention period over unpaid, service {} expired and to be reclaimed",
                execution.getProcessBusinessKey(), serviceId);
    }
}

package org.promisedesk.renewal;

import static org.promisedesk.renewal.ServiceRenewalProcess.SERVICE_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.promisedesk.customer.ServiceState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * {@code Task_RecordSuspension}: the grace period is over unpaid. The service is SUSPENDED in our
 * records at once (agents see it), and tech gets the task to switch it off.
 */
@Component
class RecordSuspension implements JavaDelegate {

    private static final Logger log = LoggerFactory.getLogger(RecordSuspension.class);

    private final Renewals renewals;
    private final ServiceExpiry services;

    RecordSuspension(Renewals renewals, ServiceExpiry services) {
        this.renewals = renewals;
        this.services = services;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long serviceId = (Long) execution.getVariable(SERVICE_ID);
        services.setState(serviceId, ServiceState.SUSPENDED);
        renewals.setState(execution.getProcessBusinessKey(), Renewal.State.SUSPENDED);
        log.info("Renewal {}: grace period over unpaid, service {} suspended", execution.getProcessBusinessKey(),
                serviceId);
    }
}

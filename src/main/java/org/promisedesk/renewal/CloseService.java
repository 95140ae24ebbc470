package org.promisedesk.renewal;

import static org.promisedesk.renewal.ServiceRenewalProcess.SERVICE_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.promisedesk.customer.ServiceState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * {@code Task_CloseService}: a service the customer cancelled is CANCELLED once its paid period is
 * over (at once when it was already over), and tech gets the task to take it down.
 */
@Component
class CloseService implements JavaDelegate {

    private static final Logger log = LoggerFactory.getLogger(CloseService.class);

    private final Renewals renewals;
    private final ServiceExpiry services;

    CloseService(Renewals renewals, ServiceExpiry services) {
        this.renewals = renewals;
        this.services = services;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long serviceId = (Long) execution.getVariable(SERVICE_ID);
        services.setState(serviceId, ServiceState.CANCELLED);
        renewals.recordEnd(execution.getProcessBusinessKey());
        log.info("Renewal {}: service {} closed after the customer's cancellation", execution.getProcessBusinessKey(),
                serviceId);
    }
}

package org.promisedesk.renewal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * {@code Task_StartGracePeriod}: the expiry date passed unpaid. The service keeps running (it
 * stays ACTIVE) until the grace period is over; the renewal records that it is in grace.
 */
@Component
class StartGracePeriod implements JavaDelegate {

    private static final Logger log = LoggerFactory.getLogger(StartGracePeriod.class);

    private final Renewals renewals;

    StartGracePeriod(Renewals renewals) {
        this.renewals = renewals;
    }

    @Override
    public void execute(DelegateExecution execution) {
        renewals.setState(execution.getProcessBusinessKey(), Renewal.State.GRACE);
        log.info("Renewal {}: expired unpaid, grace period started", execution.getProcessBusinessKey());
    }
}

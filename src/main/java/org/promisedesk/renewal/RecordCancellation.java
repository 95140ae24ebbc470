package org.promisedesk.renewal;

import static org.promisedesk.renewal.ServiceRenewalProcess.CANCEL_REASON;
import static org.promisedesk.renewal.ServiceRenewalProcess.LAPSED_AT;
import static org.promisedesk.renewal.ServiceRenewalProcess.OUTCOME_CANCELLED;
import static org.promisedesk.renewal.ServiceRenewalProcess.RENEWAL_OUTCOME;
import static org.promisedesk.renewal.ServiceRenewalProcess.STILL_PAID_UP;

import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.promisedesk.customer.ServiceState;
import org.promisedesk.customer.Subscription;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * {@code Task_RecordCancellation}: the customer does not renew. No more reminders; the service
 * keeps running until the end of what was paid for ({@code stillPaidUp}), or is closed at once
 * when that is already over (in the grace period or suspended).
 */
@Component
class RecordCancellation implements JavaDelegate {

    private static final Logger log = LoggerFactory.getLogger(RecordCancellation.class);

    private final ServiceFacts facts;
    private final RenewalPlan plan;
    private final Renewals renewals;

    RecordCancellation(ServiceFacts facts, RenewalPlan plan, Renewals renewals) {
        this.facts = facts;
        this.plan = plan;
        this.renewals = renewals;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Renewal renewal = facts.renewalOf(execution);
        Subscription service = facts.load(execution, renewal).service();
        if (service.state() == ServiceState.EXPIRED || service.state() == ServiceState.CANCELLED) {
            throw RenewalRejected.conflict("Service " + service.id() + " is " + service.state() + " already");
        }
        boolean stillPaidUp = !plan.today().isAfter(renewal.expiryDate());
        renewals.setState(renewal.businessKey(), Renewal.State.CANCELLED);
        execution.setVariable(STILL_PAID_UP, stillPaidUp);
        execution.setVariable(LAPSED_AT, Date.from(plan.schedule(renewal.expiryDate(), false).lapsedAt()));
        execution.setVariable(RENEWAL_OUTCOME, OUTCOME_CANCELLED);
        log.info("Renewal {}: cancelled by the customer ({}), service {} {}", renewal.businessKey(),
                execution.getVariable(CANCEL_REASON), service.id(),
                stillPaidUp ? "runs until " + renewal.expiryDate() : "is closed now");
    }
}

package org.promisedesk.renewal;

import static org.promisedesk.renewal.ServiceRenewalProcess.MESSAGE_RENEWAL_PAID;
import static org.promisedesk.renewal.ServiceRenewalProcess.PAID_UNTIL;
import static org.promisedesk.renewal.ServiceRenewalProcess.PAYMENT_RECORDED_BY;
import static org.promisedesk.renewal.ServiceRenewalProcess.PAYMENT_REFERENCE;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.promisedesk.customer.Subscription;
import org.promisedesk.customer.Subscriptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Records a renewal payment, for the API and the agents' Tasklist action alike: the message
 * {@code RenewalPaid} goes to the renewal of the service's current expiry date when one is
 * waiting; otherwise (paid before any reminder) it starts one, claiming its {@code renewal} row
 * first. A payment already recorded up to the same date is answered as such and starts and sends
 * nothing again.
 */
@Component
class RenewalPayments {

    record Payment(long serviceId, String renewalKey, LocalDate previousExpiry, LocalDate paidUntil,
            boolean alreadyRecorded) {
    }

    private static final Logger log = LoggerFactory.getLogger(RenewalPayments.class);

    private final Subscriptions subscriptions;
    private final Renewals renewals;
    private final RenewalPlan plan;
    private final RuntimeService runtimeService;
    private final RenewalStarter starter;
    private final EngineWork engine;

    RenewalPayments(Subscriptions subscriptions, Renewals renewals, RenewalPlan plan, RuntimeService runtimeService,
            RenewalStarter starter, EngineWork engine) {
        this.subscriptions = subscriptions;
        this.renewals = renewals;
        this.plan = plan;
        this.runtimeService = runtimeService;
        this.starter = starter;
        this.engine = engine;
    }

    /**
     * @throws RenewalRejected for an unknown service, a bad {@code paidUntil}, or a service that
     *         can no longer be renewed
     */
    Payment record(long serviceId, Object paidUntilValue, String reference, String recordedBy) {
        return engine.withoutAuthorization(() -> recordNow(serviceId, paidUntilValue, reference, recordedBy));
    }

    private Payment recordNow(long serviceId, Object paidUntilValue, String reference, String recordedBy) {
        Subscription service = subscriptions.findById(serviceId).orElseThrow(() -> RenewalRejected.unknownService(serviceId));
        LocalDate paidUntil = PaymentRules.paidUntil(paidUntilValue, plan);
        Optional<Renewal> earlier = renewals.findPayment(serviceId, paidUntil);
        if (earlier.isPresent()) {
            log.info("Renewal {}: payment until {} was recorded before, not again", earlier.get().businessKey(), paidUntil);
            return new Payment(serviceId, earlier.get().businessKey(), earlier.get().expiryDate(), paidUntil, true);
        }
        PaymentRules.check(paidUntil, service, plan.today());

        Map<String, Object> variables = new HashMap<>();
        variables.put(PAID_UNTIL, paidUntil.toString());
        if (recordedBy != null) {
            variables.put(PAYMENT_RECORDED_BY, recordedBy);
        }
        if (reference != null && !reference.isBlank()) {
            variables.put(PAYMENT_REFERENCE, reference.strip());
        }
        Renewal renewal = renewals.find(serviceId, service.expiryDate()).orElse(null);
        if (renewal == null) {
            // Paid before any reminder: this expiry date gets its renewal now, and the payment ends it.
            starter.claimAndStart(serviceId, service.expiryDate(), Renewal.StartedBy.PAYMENT);
            renewal = renewals.find(serviceId, service.expiryDate()).orElseThrow();
            log.info("Renewal {}: paid before any reminder", renewal.businessKey());
        }
        correlate(renewal, variables);
        return new Payment(serviceId, renewal.businessKey(), service.expiryDate(), paidUntil, false);
    }

    private void correlate(Renewal renewal, Map<String, Object> variables) {
        if (!renewal.state().awaitsPayment() || renewal.processInstanceId() == null) {
            throw RenewalRejected.conflict("Renewal " + renewal.businessKey() + " is " + renewal.state()
                    + " and does not take a payment");
        }
        try {
            runtimeService.createMessageCorrelation(MESSAGE_RENEWAL_PAID)
                    .processInstanceId(renewal.processInstanceId())
                    .setVariables(variables)
                    .correlateWithResult();
        } catch (MismatchingMessageCorrelationException e) {
            throw RenewalRejected.conflict("Renewal " + renewal.businessKey() + " is not waiting for a payment now");
        }
    }
}

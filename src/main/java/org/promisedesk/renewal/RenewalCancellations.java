package org.promisedesk.renewal;

import static org.promisedesk.renewal.ServiceRenewalProcess.CANCEL_REASON;
import static org.promisedesk.renewal.ServiceRenewalProcess.MESSAGE_RENEWAL_CANCELLED;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.promisedesk.customer.ServiceState;
import org.promisedesk.customer.Subscription;
import org.promisedesk.customer.Subscriptions;
import org.springframework.stereotype.Component;

/**
 * Records that a customer does not renew: the message {@code RenewalCancelled} goes to the
 * renewal of the service's current expiry date; when none has started yet, one is started first
 * (so that the scan starts no reminders for that date later).
 */
@Component
class RenewalCancellations {

    private final Subscriptions subscriptions;
    private final Renewals renewals;
    private final RuntimeService runtimeService;
    private final RenewalStarter starter;
    private final EngineWork engine;

    RenewalCancellations(Subscriptions subscriptions, Renewals renewals, RuntimeService runtimeService,
            RenewalStarter starter, EngineWork engine) {
        this.subscriptions = subscriptions;
        this.renewals = renewals;
        this.runtimeService = runtimeService;
        this.starter = starter;
        this.engine = engine;
    }

    /** The key of the cancelled renewal. */
    String cancel(long serviceId, String reason) {
        return engine.withoutAuthorization(() -> cancelNow(serviceId, reason));
    }

    private String cancelNow(long serviceId, String reason) {
        Subscription service = subscriptions.findById(serviceId).orElseThrow(() -> RenewalRejected.unknownService(serviceId));
        if (service.state() == ServiceState.EXPIRED || service.state() == ServiceState.CANCELLED) {
            throw RenewalRejected.conflict("Service " + serviceId + " is " + service.state() + " already");
        }
        Map<String, Object> variables = new HashMap<>();
        if (reason != null && !reason.isBlank()) {
            variables.put(CANCEL_REASON, reason.strip());
        }
        Renewal renewal = renewals.find(serviceId, service.expiryDate()).orElse(null);
        if (renewal == null) {
            // Before any reminder: this expiry date gets its renewal now, so that the scan starts none later.
            starter.claimAndStart(serviceId, service.expiryDate(), Renewal.StartedBy.CANCELLATION);
            renewal = renewals.find(serviceId, service.expiryDate()).orElseThrow();
        }
        if (!renewal.state().cancellable() || renewal.processInstanceId() == null) {
            throw RenewalRejected.conflict("Renewal " + renewal.businessKey() + " is " + renewal.state()
                    + " and cannot be cancelled");
        }
        try {
            runtimeService.createMessageCorrelation(MESSAGE_RENEWAL_CANCELLED)
                    .processInstanceId(renewal.processInstanceId())
                    .setVariables(variables)
                    .correlateWithResult();
        } catch (MismatchingMessageCorrelationException e) {
            throw RenewalRejected.conflict("Renewal " + renewal.businessKey() + " cannot be cancelled now");
        }
        return renewal.businessKey();
    }
}

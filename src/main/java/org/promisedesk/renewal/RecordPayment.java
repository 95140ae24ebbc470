package org.promisedesk.renewal;

import static org.promisedesk.renewal.ServiceRenewalProcess.NEW_EXPIRY_DATE;
import static org.promisedesk.renewal.ServiceRenewalProcess.OUTCOME_PAID;
import static org.promisedesk.renewal.ServiceRenewalProcess.PAID_UNTIL;
import static org.promisedesk.renewal.ServiceRenewalProcess.PAYMENT_RECORDED_BY;
import static org.promisedesk.renewal.ServiceRenewalProcess.PAYMENT_REFERENCE;
import static org.promisedesk.renewal.ServiceRenewalProcess.RENEWAL_OUTCOME;
import static org.promisedesk.renewal.ServiceRenewalProcess.WAS_SUSPENDED;

import java.time.LocalDate;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.promisedesk.customer.ServiceState;
import org.promisedesk.customer.Subscription;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * {@code Task_RecordPayment}: the customer paid. It runs in the transaction of the message
 * {@code RenewalPaid}, so a payment that breaks the {@link PaymentRules} fails the correlation
 * and changes nothing. Otherwise the service runs until {@code paidUntil} and is ACTIVE again,
 * and the renewal is PAID.
 */
@Component
class RecordPayment implements JavaDelegate {

    private static final Logger log = LoggerFactory.getLogger(RecordPayment.class);

    private final ServiceFacts facts;
    private final RenewalPlan plan;
    private final ServiceExpiry services;
    private final Renewals renewals;

    RecordPayment(ServiceFacts facts, RenewalPlan plan, ServiceExpiry services, Renewals renewals) {
        this.facts = facts;
        this.plan = plan;
        this.services = services;
        this.renewals = renewals;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Renewal renewal = facts.renewalOf(execution);
        Subscription service = facts.load(execution, renewal).service();
        LocalDate paidUntil = PaymentRules.paidUntil(execution.getVariable(PAID_UNTIL), plan);
        PaymentRules.check(paidUntil, service, plan.today());
        boolean wasSuspended = service.state() == ServiceState.SUSPENDED;
        String recordedBy = text(execution.getVariable(PAYMENT_RECORDED_BY));
        String reference = text(execution.getVariable(PAYMENT_REFERENCE));

        services.renew(service.id(), paidUntil);
        renewals.recordPayment(renewal.businessKey(), paidUntil, recordedBy, reference);
        execution.setVariable(PAID_UNTIL, paidUntil.toString());
        execution.setVariable(NEW_EXPIRY_DATE, plan.dayForDisplay(paidUntil));
        execution.setVariable(WAS_SUSPENDED, wasSuspended);
        execution.setVariable(RENEWAL_OUTCOME, OUTCOME_PAID);
        log.info("Renewal {}: paid, service {} now expires {} (was {}{}), recorded by {}", renewal.businessKey(),
                service.id(), paidUntil, service.expiryDate(), wasSuspended ? ", suspended" : "", recordedBy);
    }

    private static String text(Object value) {
        return value instanceof String text && !text.isBlank() ? text.strip() : null;
    }
}

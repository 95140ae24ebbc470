package org.promisedesk.renewal;

import static org.promisedesk.renewal.RenewalAnswerProcess.PAID_UNTIL;
import static org.promisedesk.renewal.RenewalAnswerProcess.PAYMENT_REFERENCE;
import static org.promisedesk.renewal.RenewalAnswerProcess.RENEWAL_KEY;
import static org.promisedesk.renewal.RenewalAnswerProcess.SERVICE_ID;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * {@code Task_RecordRenewalPayment}: the agent's payment goes where the API's goes
 * ({@link RenewalPayments}), in the transaction of the start: a payment the rules reject starts
 * nothing, and the agent sees why.
 */
@Component
class RecordRenewalPayment implements JavaDelegate {

    private final RenewalPayments payments;
    private final IdentityService identityService;

    RecordRenewalPayment(RenewalPayments payments, IdentityService identityService) {
        this.payments = payments;
        this.identityService = identityService;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Authentication user = identityService.getCurrentAuthentication();
        Object reference = execution.getVariable(PAYMENT_REFERENCE);
        RenewalPayments.Payment payment = payments.record((Long) execution.getVariable(SERVICE_ID),
                execution.getVariable(PAID_UNTIL), reference instanceof String text ? text : null,
                user == null ? null : user.getUserId());
        execution.setVariable(RENEWAL_KEY, payment.renewalKey());
        execution.setVariable(PAID_UNTIL, payment.paidUntil().toString());
    }
}

package org.promisedesk.renewal;

import static org.promisedesk.renewal.ServiceRenewalProcess.PAID_UNTIL;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Date;

import org.promisedesk.customer.ServiceState;
import org.promisedesk.customer.Subscription;

/**
 * What a payment must be, wherever it comes from (the API, Tasklist, a message): a date the
 * service is paid until, not in the past and after its current expiry date, for a service that
 * has not been reclaimed or closed.
 */
final class PaymentRules {

    /** {@code yyyy-MM-dd} (what the API and a Camunda Forms date field send), or a Date. */
    static LocalDate paidUntil(Object value, RenewalPlan plan) {
        if (value == null || value instanceof String text && text.isBlank()) {
            throw RenewalRejected.badInput(PAID_UNTIL, "is required: the date the service is paid until, like 2027-12-05");
        }
        if (value instanceof Date date) {
            return plan.dayOf(date);
        }
        if (value instanceof LocalDate day) {
            return day;
        }
        try {
            return LocalDate.parse(value.toString().strip());
        } catch (DateTimeParseException e) {
            throw RenewalRejected.badInput(PAID_UNTIL, "'" + value + "' is not a date like 2027-12-05");
        }
    }

    static void check(LocalDate paidUntil, Subscription service, LocalDate today) {
        if (service.state() == ServiceState.EXPIRED || service.state() == ServiceState.CANCELLED) {
            throw RenewalRejected.conflict("Service " + service.id() + " is " + service.state()
                    + ": it has been " + (service.state() == ServiceState.EXPIRED ? "reclaimed" : "closed")
                    + " and a payment cannot bring it back");
        }
        if (paidUntil.isBefore(today)) {
            throw RenewalRejected.badInput(PAID_UNTIL, paidUntil + " is in the past");
        }
        if (!paidUntil.isAfter(service.expiryDate())) {
            throw RenewalRejected.badInput(PAID_UNTIL, paidUntil + " must be after the current expiry date "
                    + service.expiryDate() + " of service " + service.id());
        }
    }

    private PaymentRules() {
    }
}

package org.promisedesk.renewal;

import java.time.LocalDate;

/** A row of the {@code renewal} table: one service and the expiry date the renewal is about. */
record Renewal(
        long id,
        long serviceId,
        LocalDate expiryDate,
        String businessKey,
        String processInstanceId,
        State state,
        StartedBy startedBy,
        LocalDate paidUntil) {

    enum State {
        /** Before expiry: reminders going out. */
        REMINDING,
        GRACE,
        SUSPENDED,
        PAID,
        /** The customer cancelled; the service runs until its expiry, then it is closed. */
        CANCELLED,
        RECLAIMED;

        /** Still waiting for the money: a payment goes to this renewal's process instance. */
        boolean awaitsPayment() {
            return this == REMINDING || this == GRACE || this == SUSPENDED || this == CANCELLED;
        }

        boolean cancellable() {
            return this == REMINDING || this == GRACE || this == SUSPENDED;
        }
    }

    enum StartedBy { SCAN, PAYMENT, CANCELLATION }

    /** {@code SVC-12-2026-12-05}: the business key of the renewal of service 12 expiring on 5 December 2026. */
    static String businessKey(long serviceId, LocalDate expiryDate) {
        return "SVC-" + serviceId + "-" + expiryDate;
    }
}

package org.promisedesk.renewal;

import java.time.LocalDate;

import org.promisedesk.customer.ServiceState;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What a renewal changes on a service (the {@code subscription} table, read through
 * {@code customer.Subscriptions}): its expiry date and its state.
 */
@Repository
class ServiceExpiry {

    private final JdbcClient jdbc;

    ServiceExpiry(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Paid: the service runs until {@code paidUntil}, and is active again if it was suspended. */
    void renew(long serviceId, LocalDate paidUntil) {
        jdbc.sql("UPDATE subscription SET expiry_date = :paidUntil, state = 'ACTIVE' WHERE id = :id")
                .param("paidUntil", paidUntil).param("id", serviceId).update();
    }

    void setState(long serviceId, ServiceState state) {
        jdbc.sql("UPDATE subscription SET state = :state WHERE id = :id")
                .param("state", state.name()).param("id", serviceId).update();
    }
}

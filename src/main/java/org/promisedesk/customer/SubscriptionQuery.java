package org.promisedesk.customer;

import java.time.LocalDate;

/**
 * Filters for {@link Subscriptions#search}; a {@code null} field does not filter.
 * {@code expiringBefore} is exclusive: services whose expiry date is earlier than it.
 */
public record SubscriptionQuery(Long customerId, LocalDate expiringBefore, ServiceState state) {

    public static SubscriptionQuery all() {
        return new SubscriptionQuery(null, null, null);
    }
}

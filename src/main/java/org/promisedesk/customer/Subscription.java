package org.promisedesk.customer;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A service a customer subscribes to; {@code expiryDate} is the last day paid for. */
public record Subscription(
        long id,
        long customerId,
        ServiceType type,
        String domain,
        String ipAddress,
        String serverName,
        String plan,
        BigDecimal monthlyPrice,
        LocalDate startDate,
        LocalDate expiryDate,
        ServiceState state,
        String icpNumber) {
}

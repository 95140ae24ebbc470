package org.promisedesk.customer;

public enum ServiceState {
    ACTIVE,
    SUSPENDED,
    /** Past its expiry date and unpaid, still in the grace period. */
    EXPIRED,
    CANCELLED
}

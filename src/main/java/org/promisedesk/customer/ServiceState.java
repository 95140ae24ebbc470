package org.promisedesk.customer;

public enum ServiceState {
    ACTIVE,
    SUSPENDED,
    /** Unpaid past its grace period and retention: reclaimed (the renewal process sets it). */
    EXPIRED,
    CANCELLED
}

package org.promisedesk.customer;

public enum CustomerKind {
    ENTERPRISE,
    /** An individual webmaster. */
    INDIVIDUAL,
    /** A reseller or peer provider. */
    RESELLER
}

package org.promisedesk.customer;

/** How a customer wants to be served, from field experience. */
public enum ServiceProfile {
    /** We give scripts and instructions, they operate. */
    SELF_RELIANT,
    /** We operate for them. */
    DEPENDENT,
    /** Raise priority and send more frequent updates. */
    UNDER_PRESSURE,
    VIP
}

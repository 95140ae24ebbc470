package org.promisedesk.customer;

public enum ServiceType {
    VIRTUAL_HOST,
    DEDICATED_RENTAL,
    COLOCATION,
    CLOUD_VM,
    DOMAIN,
    DATABASE_SUPPORT
}

package org.promisedesk.icp;

import java.util.Set;

import org.promisedesk.customer.ServiceState;
import org.promisedesk.customer.ServiceType;

/** What the filing needs to know of a customer's service; {@code domain} in ASCII form, or null. */
record HostedService(long id, long customerId, ServiceType type, String domain, String ipAddress,
        ServiceState state, String icpNumber) {

    /** Service types that run a website on an IP address of ours. */
    static final Set<ServiceType> HOSTING = Set.of(ServiceType.VIRTUAL_HOST, ServiceType.DEDICATED_RENTAL,
            ServiceType.COLOCATION, ServiceType.CLOUD_VM);

    boolean hostsWebsites() {
        return HOSTING.contains(type) && ipAddress != null && !ipAddress.isBlank();
    }

    /**
     * Expired and cancelled services are no place for a website; a suspended one is, since hosting
     * is often suspended until the filing is approved.
     */
    boolean ended() {
        return state == ServiceState.EXPIRED || state == ServiceState.CANCELLED;
    }

    /** The filed domain is this service's domain, one of its subdomains, or its parent. */
    boolean covers(String domain) {
        return this.domain != null
                && (DomainNames.within(this.domain, domain) || DomainNames.within(domain, this.domain));
    }
}

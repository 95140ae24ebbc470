package org.promisedesk.platform;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code promise-desk.security.*} (docs/configuration.md): whether Camunda's first-administrator
 * setup page may be used, and how many failed logins one source address may make before it waits.
 */
@ConfigurationProperties("promise-desk.security")
record SecuritySettings(@DefaultValue("false") boolean adminSetup, @DefaultValue LoginThrottle loginThrottle) {

    /** At most {@code maxFailures} failed logins from one address per {@code window}; then it waits out the window. */
    record LoginThrottle(@DefaultValue("10") int maxFailures, @DefaultValue("PT5M") Duration window) {
    }
}

package org.promisedesk.platform;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * One log line when the start-up's own work (models, groups, filters, the administrator check) is
 * done: Spring Boot's "Started …" comes before it, and that work can still fail and end the JVM
 * (e.g. when the database goes away meanwhile). Supervisors and the cluster test wait for this line.
 */
@Component
class ReadyLog {

    static final String READY = "Promise Desk is ready";

    private static final Logger log = LoggerFactory.getLogger(ReadyLog.class);

    @EventListener(ApplicationReadyEvent.class)
    void ready() {
        log.info(READY);
    }
}

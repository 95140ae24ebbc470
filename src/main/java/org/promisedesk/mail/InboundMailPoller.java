package org.promisedesk.mail;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Reads the support mailbox every {@code promise-desk.mail.inbound.poll-interval}, only when
 * {@code promise-desk.mail.inbound.host} is set. Several nodes may poll the same mailbox: each
 * e-mail is still handled once ({@link InboundMail}). It starts once the application is ready:
 * a new request needs the models deployed (platform.ModelDeployment runs at start-up).
 */
@Component
@EnableScheduling
@ConditionalOnProperty(prefix = "promise-desk.mail.inbound", name = "host")
class InboundMailPoller {

    private static final Logger log = LoggerFactory.getLogger(InboundMailPoller.class);

    private final SupportMailbox mailbox;
    private volatile boolean ready;

    InboundMailPoller(SupportMailbox mailbox) {
        this.mailbox = mailbox;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        ready = true;
    }

    @Scheduled(fixedDelayString = "${promise-desk.mail.inbound.poll-interval:PT1M}")
    void poll() {
        if (!ready) {
            return;
        }
        try {
            int handled = mailbox.poll();
            if (handled > 0) {
                log.info("Support mailbox: {} e-mail(s) handled", handled);
            }
        } catch (Exception e) {
            // The messages stay unread in the mailbox; the next poll tries again.
            log.warn("Support mailbox cannot be read now: {}", e.toString());
        }
    }
}

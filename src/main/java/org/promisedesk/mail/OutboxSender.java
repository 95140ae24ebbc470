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
 * Every {@code promise-desk.mail.outbox.poll-interval}, sends the queued messages whose time has
 * come: those whose first attempt right after their step failed, and those of a sender that died
 * holding them. Every node runs it; a message is claimed by one ({@link MessageDelivery}). Tests
 * switch it off ({@code promise-desk.mail.outbox.scheduled=false}) and call
 * {@link MessageDelivery#deliverDue()} when their clock says so.
 */
@Component
@EnableScheduling
@ConditionalOnProperty(prefix = "promise-desk.mail.outbox", name = "scheduled", matchIfMissing = true)
class OutboxSender {

    private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);

    private final MessageDelivery delivery;
    private volatile boolean ready;

    OutboxSender(MessageDelivery delivery) {
        this.delivery = delivery;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        ready = true;
    }

    @Scheduled(fixedDelayString = "${promise-desk.mail.outbox.poll-interval:PT10S}")
    void sendDue() {
        if (!ready) {
            return;
        }
        try {
            int sent = delivery.deliverDue();
            if (sent > 0) {
                log.info("Outbox: {} queued e-mail(s) sent", sent);
            }
        } catch (RuntimeException e) {
            log.warn("Outbox cannot be read now, next look in one interval: {}", e.toString());
        }
    }
}

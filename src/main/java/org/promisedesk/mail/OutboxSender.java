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

    /** Passes of one look at most: a backlog goes out batch after batch, yet the look ends. */
    private static final int MAX_PASSES = 20;

    private final MessageDelivery delivery;
    private final int batchSize;
    private volatile boolean ready;

    OutboxSender(MessageDelivery delivery, MailSettings settings) {
        this.delivery = delivery;
        this.batchSize = settings.outbox().batchSize();
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
            // A full batch sent means more may be waiting (after an outage): go on without waiting
            // for the next interval.
            int sent = 0;
            int pass = 0;
            int last;
            do {
                last = delivery.deliverDue();
                sent += last;
            } while (last >= batchSize && ++pass < MAX_PASSES);
            if (sent > 0) {
                log.info("Outbox: {} queued e-mail(s) sent", sent);
            }
        } catch (RuntimeException e) {
            log.warn("Outbox cannot be read now, next look in one interval: {}", e.toString());
        }
    }
}

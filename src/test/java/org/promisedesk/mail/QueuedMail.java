package org.promisedesk.mail;

import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * For tests outside this package: the outbox's scheduled sender, run when the test's clock says so
 * (the test profile switches the schedule off), and how many of a request's messages are unsent.
 */
@Component
@Profile("test")
public class QueuedMail {

    private final MessageDelivery delivery;
    private final OutboundMessages messages;

    QueuedMail(MessageDelivery delivery, OutboundMessages messages) {
        this.delivery = delivery;
        this.messages = messages;
    }

    /** What the sender does on its schedule: every message whose time has come. */
    public int deliverDue() {
        return delivery.deliverDue();
    }

    public long unsentOf(String requestKey) {
        return messages.ofRequest(requestKey).stream().filter(m -> m.state() != OutboundMessage.State.SENT).count();
    }
}

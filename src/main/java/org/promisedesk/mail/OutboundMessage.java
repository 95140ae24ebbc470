package org.promisedesk.mail;

import java.time.Instant;

/** A row of {@code customer_message}: one e-mail to a customer, being sent or sent. */
record OutboundMessage(
        String messageKey,
        String requestKey,
        String processInstanceId,
        String activityId,
        String template,
        long customerId,
        String recipient,
        String language,
        String subject,
        String messageId,
        String bodyText,
        String bodyHtml,
        State state,
        int attempts,
        Instant createdAt,
        Instant sentAt) {

    enum State { SENDING, SENT }

    /** What the process history shows of it ({@code lastCustomerMessage}). */
    String summary() {
        return "template=" + template + "; customer=" + customerId + "; to=" + recipient + "; lang=" + language
                + "; messageId=" + messageId;
    }
}

package org.promisedesk.mail;

import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A row of {@code customer_message}: one e-mail to a customer, queued, being sent or sent, with its
 * rows of {@code customer_message_attachment} (none, usually). {@code attempts} counts the times it
 * was handed to the SMTP server.
 */
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
        Instant sentAt,
        List<MailAttachment> attachments) {

    enum State { PENDING, SENDING, SENT }

    OutboundMessage {
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    /** This message as recorded once it has been sent at {@code sentAt}. */
    OutboundMessage sent(Instant sentAt) {
        return new OutboundMessage(messageKey, requestKey, processInstanceId, activityId, template, customerId,
                recipient, language, subject, messageId, bodyText, bodyHtml, State.SENT, attempts, createdAt, sentAt,
                attachments);
    }

    /** What the process history shows of it ({@code lastCustomerMessage}; short enough for a text variable). */
    String summary() {
        String names = attachments.stream().map(MailAttachment::fileName).collect(Collectors.joining(", "));
        return "template=" + template + "; customer=" + customerId + "; to=" + recipient + "; lang=" + language
                + "; messageId=" + messageId + (names.isEmpty() ? "" : "; attachments="
                        + (names.length() > 1000 ? names.substring(0, 1000) + "…" : names));
    }
}

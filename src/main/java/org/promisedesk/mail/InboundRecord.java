package org.promisedesk.mail;

import java.time.Instant;

/** A row of {@code inbound_message}. */
record InboundRecord(
        String messageId,
        Instant receivedAt,
        String from,
        String subject,
        long sizeBytes,
        String requestKey,
        Long customerId,
        Disposition disposition,
        boolean senderMismatch,
        String note,
        String attachments,
        String rawText,
        String replyText,
        String taskId) {

    InboundRecord withTask(String id) {
        return new InboundRecord(messageId, receivedAt, from, subject, sizeBytes, requestKey, customerId, disposition,
                senderMismatch, note, attachments, rawText, replyText, id);
    }
}

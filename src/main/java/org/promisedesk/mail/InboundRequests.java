package org.promisedesk.mail;

import java.util.List;
import java.util.Optional;

/**
 * Where an e-mail that belongs to no request goes: the code path of {@code POST /api/requests}.
 * {@code intake.IntakeFromMail} implements it, starting {@code intake} under a new request key. It
 * runs in the transaction that records the e-mail.
 */
public interface InboundRequests {

    /** The new request's key, or empty when the e-mail is only recorded. */
    Optional<String> open(NewRequestMail mail);

    /**
     * @param customerId null when no customer has the sender's address: identify them later
     * @param body the text, quoted history included; attachments are only named
     */
    record NewRequestMail(String from, Long customerId, String subject, String body, String messageId,
            List<String> attachments) {
    }
}

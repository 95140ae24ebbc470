package org.promisedesk.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

/**
 * A message that keeps the Message-ID we chose and recorded: Jakarta Mail would otherwise make
 * up a new one on every send, and a retry could not be recognised in the archive, nor threaded.
 */
final class IdentifiedMimeMessage extends MimeMessage {

    private final String messageId;

    IdentifiedMimeMessage(Session session, String messageId) {
        super(session);
        this.messageId = messageId;
    }

    @Override
    protected void updateMessageID() throws MessagingException {
        setHeader("Message-ID", messageId);
    }
}

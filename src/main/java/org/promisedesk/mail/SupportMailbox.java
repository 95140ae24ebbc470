package org.promisedesk.mail;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.search.FlagTerm;

/**
 * One pass over the support mailbox ({@code promise-desk.mail.inbound.*}): every unread message is
 * handled ({@link InboundMail}), then marked as read, or moved to {@code processed-folder}.
 * Reading does not mark a message read by itself (the body is fetched with PEEK), so one whose
 * handling broke off is read again on the next pass — and its record keeps it from being handled
 * twice.
 */
@Component
class SupportMailbox {

    private static final Logger log = LoggerFactory.getLogger(SupportMailbox.class);

    private final MailSettings.Inbound settings;
    private final InboundMail inboundMail;

    SupportMailbox(MailSettings settings, InboundMail inboundMail) {
        this.settings = settings.inbound();
        this.inboundMail = inboundMail;
    }

    /** The number of messages handled; throws when the mailbox cannot be reached. */
    int poll() throws MessagingException {
        try (Store store = ImapStores.connect(settings.imap())) {
            Folder inbox = store.getFolder(settings.folder());
            inbox.open(Folder.READ_WRITE);
            Folder processed = processedFolder(store);
            int handled = 0;
            try {
                for (Message message : inbox.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false))) {
                    inboundMail.handle((MimeMessage) message);
                    done(message, processed);
                    handled++;
                }
            } finally {
                inbox.close(processed != null);
            }
            return handled;
        }
    }

    private Folder processedFolder(Store store) throws MessagingException {
        if (settings.processedFolder() == null || settings.processedFolder().isBlank()) {
            return null;
        }
        Folder folder = store.getFolder(settings.processedFolder());
        if (!folder.exists() && !folder.create(Folder.HOLDS_MESSAGES)) {
            throw new MessagingException("Cannot create folder " + settings.processedFolder());
        }
        return folder;
    }

    private void done(Message message, Folder processed) throws MessagingException {
        if (processed != null) {
            message.getFolder().copyMessages(new Message[] {message}, processed);
            message.setFlag(Flags.Flag.DELETED, true);
        } else {
            message.setFlag(Flags.Flag.SEEN, true);
        }
        log.debug("E-mail {} done in the support mailbox", message.getMessageNumber());
    }
}

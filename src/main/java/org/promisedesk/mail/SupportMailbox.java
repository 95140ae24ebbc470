package org.promisedesk.mail;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.search.FlagTerm;

/**
 * One pass over the support mailbox ({@code promise-desk.mail.inbound.*}): every unread message is
 * handled ({@link InboundMail}), then marked as read, or moved to {@code processed-folder}.
 * Reading does not mark a message read by itself (the body is fetched with PEEK), so one whose
 * handling broke off is read again on the next pass — and its record keeps it from being handled
 * twice. A message is marked only once its record is committed, and one message that cannot even
 * be recorded (the database away) is left unread without stopping the pass: the next message is
 * read all the same.
 */
@Component
class SupportMailbox {

    private static final Logger log = LoggerFactory.getLogger(SupportMailbox.class);

    /** How often a pass reopens the folder after the server closed it. */
    private static final int MAX_REOPENS = 3;

    private final MailSettings.Inbound settings;
    private final InboundMail inboundMail;

    SupportMailbox(MailSettings settings, InboundMail inboundMail) {
        this.settings = settings.inbound();
        this.inboundMail = inboundMail;
    }

    /** The number of messages handled; throws when the mailbox cannot be reached. */
    int poll() throws MessagingException {
        try (Store store = ImapStores.connect(settings.imap())) {
            Folder processed = processedFolder(store);
            Folder inbox = open(store);
            int handled = 0;
            int reopened = 0;
            try {
                // By UID, so that the pass can go on in a reopened folder where it broke off.
                for (long uid : unread(inbox)) {
                    if (!inbox.isOpen()) {
                        // the server dropped us (some do on a message they cannot parse themselves)
                        if (++reopened > MAX_REOPENS) {
                            log.warn("Support mailbox closed by the server {} times; the rest on the next poll",
                                    reopened);
                            break;
                        }
                        inbox = open(store);
                    }
                    Message message = ((UIDFolder) inbox).getMessageByUID(uid);
                    if (message != null && handle(message, processed)) {
                        handled++;
                    }
                }
            } finally {
                if (inbox.isOpen()) {
                    inbox.close(processed != null);
                }
            }
            return handled;
        }
    }

    private Folder open(Store store) throws MessagingException {
        Folder inbox = store.getFolder(settings.folder());
        inbox.open(Folder.READ_WRITE);
        return inbox;
    }

    /** Neither read nor already moved (deleted, waiting for the expunge). */
    private static long[] unread(Folder inbox) throws MessagingException {
        Flags seenOrDeleted = new Flags(Flags.Flag.SEEN);
        seenOrDeleted.add(Flags.Flag.DELETED);
        Message[] messages = inbox.search(new FlagTerm(seenOrDeleted, false));
        long[] uids = new long[messages.length];
        for (int i = 0; i < messages.length; i++) {
            uids[i] = ((UIDFolder) inbox).getUID(messages[i]);
        }
        return uids;
    }

    /** True when it was recorded (now or before) and marked done. */
    private boolean handle(Message message, Folder processed) {
        try {
            inboundMail.handle((MimeMessage) message);
        } catch (Exception | StackOverflowError e) {
            log.error("E-mail {} in the support mailbox could not be recorded; left unread for the next poll",
                    message.getMessageNumber(), e);
            return false;
        }
        try {
            done(message, processed);
            return true;
        } catch (MessagingException e) {
            // Recorded: the next poll finds the record and only marks it.
            log.warn("E-mail {} recorded but not marked done: {}", message.getMessageNumber(), e.toString());
            return false;
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

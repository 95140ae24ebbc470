package org.promisedesk.mail;

import org.springframework.stereotype.Component;

import jakarta.mail.Folder;
import jakarta.mail.MessagingException;
import jakarta.mail.Store;
import jakarta.mail.search.HeaderTerm;

/**
 * The mailbox that gets a BCC of every message ({@code promise-desk.mail.archive.*}). After an
 * attempt whose outcome is unknown (the connection broke after the server may have taken the
 * message), it answers whether the message went out: it did if the archive copy arrived.
 */
@Component
class MessageArchive {

    enum Answer { ACCEPTED, NOT_FOUND, NO_ARCHIVE }

    private final MailSettings.Archive archive;

    MessageArchive(MailSettings settings) {
        this.archive = settings.archive();
    }

    /** Throws when the archive cannot be asked: the job fails and asks again on its retry. */
    Answer find(String messageId) {
        if (!archive.searchable()) {
            return Answer.NO_ARCHIVE;
        }
        try (Store store = ImapStores.connect(archive.imap())) {
            Folder folder = store.getFolder(archive.imap().folder());
            folder.open(Folder.READ_ONLY);
            try {
                return folder.search(new HeaderTerm("Message-ID", messageId)).length > 0
                        ? Answer.ACCEPTED : Answer.NOT_FOUND;
            } finally {
                folder.close(false);
            }
        } catch (MessagingException e) {
            throw new IllegalStateException("Cannot search the archive for " + messageId, e);
        }
    }
}

package org.promisedesk.mail;

import java.util.Properties;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;

/**
 * Opens an IMAP connection, with timeouts so that a hanging server cannot hold a thread forever,
 * and without marking what is read as read.
 */
final class ImapStores {

    private static final String TIMEOUT_MILLIS = "30000";

    static Store connect(MailSettings.Imap imap) throws MessagingException {
        String protocol = imap.ssl() ? "imaps" : "imap";
        Properties properties = new Properties();
        properties.put("mail." + protocol + ".connectiontimeout", TIMEOUT_MILLIS);
        properties.put("mail." + protocol + ".timeout", TIMEOUT_MILLIS);
        properties.put("mail." + protocol + ".writetimeout", TIMEOUT_MILLIS);
        // Reading a message must not mark it read: that is done once it has been handled.
        properties.put("mail." + protocol + ".peek", "true");
        Store store = Session.getInstance(properties).getStore(protocol);
        store.connect(imap.host(), imap.port(), imap.username(), imap.password());
        return store;
    }

    private ImapStores() {
    }
}

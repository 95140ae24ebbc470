package org.promisedesk.mail;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/**
 * Mail that must not be answered or turned into work: automatic replies (RFC 3834
 * {@code Auto-Submitted}, {@code Precedence: bulk|junk|list}, {@code X-Autoreply}, delivery
 * reports) and loops (our own sender or Message-ID come back, too many {@code Received} hops).
 * Header checks only: nothing of the body is read.
 */
final class MailScreening {

    private final Set<String> ownAddresses;
    private final String ownMessageIdSuffix;
    private final int maxReceived;

    MailScreening(MailSettings settings) {
        this.ownAddresses = new HashSet<>(List.of(lower(settings.fromAddress().getAddress()),
                lower(settings.replyToAddress().getAddress())));
        if (settings.archive().address() != null && !settings.archive().address().isBlank()) {
            ownAddresses.add(lower(settings.archive().address().strip()));
        }
        this.ownMessageIdSuffix = "@" + lower(settings.messageIdHost()) + ">";
        this.maxReceived = settings.inbound().maxReceivedHeaders();
    }

    /** Why this is a loop, or null. */
    String loop(MimeMessage message, String messageId) throws MessagingException {
        Address[] from = message.getFrom();
        if (from != null) {
            for (Address address : from) {
                if (address instanceof InternetAddress internet && ownAddresses.contains(lower(internet.getAddress()))) {
                    return "sent from our own address " + internet.getAddress();
                }
            }
        }
        if (lower(messageId).endsWith(ownMessageIdSuffix)) {
            return "our own Message-ID " + messageId;
        }
        String[] received = message.getHeader("Received");
        if (received != null && received.length > maxReceived) {
            return received.length + " Received headers, more than " + maxReceived;
        }
        return null;
    }

    /** Why this is an automatic message, or null. */
    static String automatic(MimeMessage message) throws MessagingException {
        String autoSubmitted = message.getHeader("Auto-Submitted", null);
        if (autoSubmitted != null && !lower(autoSubmitted).strip().startsWith("no")) {
            return "Auto-Submitted: " + autoSubmitted.strip();
        }
        String precedence = message.getHeader("Precedence", null);
        if (precedence != null && Set.of("bulk", "junk", "list").contains(lower(precedence).strip())) {
            return "Precedence: " + precedence.strip();
        }
        for (String header : new String[] {"X-Autoreply", "X-Autorespond"}) {
            if (message.getHeader(header) != null) {
                return header + " header";
            }
        }
        if (message.isMimeType("multipart/report")) {
            return "a delivery or read report";
        }
        return null;
    }

    private static String lower(String value) {
        return value.toLowerCase(Locale.ROOT);
    }
}

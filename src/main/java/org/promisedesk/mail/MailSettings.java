package org.promisedesk.mail;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

/**
 * {@code promise-desk.mail.*}: who we send as, where replies go, the archive that makes a retry
 * safe, the support mailbox the poller reads, and the largest file a message may carry. The SMTP
 * server itself is {@code spring.mail.*}. See docs/messaging.md.
 */
@ConfigurationProperties("promise-desk.mail")
record MailSettings(
        @DefaultValue("Promise Desk <support@promisedesk.example>") String from,
        String replyTo,
        String messageIdDomain,
        @DefaultValue("Asia/Shanghai") ZoneId timeZone,
        @DefaultValue("PT1M,PT2M,PT5M,PT10M,PT30M") String retryTimeCycle,
        @DefaultValue Archive archive,
        @DefaultValue Inbound inbound,
        @DefaultValue("10MB") DataSize maxAttachmentSize,
        @DefaultValue Outbox outbox) {

    /**
     * Delivery of queued messages ({@link MessageDelivery}): how long a sender holds a message for one
     * attempt before another may take it as crashed (longer than the slowest SMTP conversation the
     * {@code spring.mail} timeouts allow), how often the {@link OutboxSender} looks for due messages
     * (it runs unless {@code scheduled} is false), and how many it takes per look.
     */
    record Outbox(@DefaultValue("PT2M") Duration lease, @DefaultValue("PT10S") Duration pollInterval,
            @DefaultValue("true") boolean scheduled, @DefaultValue("100") int batchSize) {
    }

    /** {@code retry-time-cycle} as intervals: after the n-th failed attempt the n-th one is waited. */
    List<Duration> retryIntervals() {
        return Arrays.stream(retryTimeCycle.split(",")).map(String::strip).map(Duration::parse).toList();
    }

    /** The wait after failed attempt number {@code attempts} (1 for the first): the last interval repeats. */
    Duration retryInterval(int attempts) {
        List<Duration> intervals = retryIntervals();
        return intervals.get(Math.max(0, Math.min(attempts, intervals.size()) - 1));
    }

    /** A copy (BCC) of every message goes to {@code address}; IMAP finds it there by Message-ID. */
    record Archive(String address, @DefaultValue Imap imap) {

        boolean searchable() {
            return address != null && !address.isBlank() && imap.host() != null && !imap.host().isBlank();
        }
    }

    record Imap(String host, @DefaultValue("993") int port, String username, String password,
            @DefaultValue("true") boolean ssl, @DefaultValue("INBOX") String folder) {
    }

    /** The support mailbox. The poller runs only when {@code host} is set. */
    record Inbound(String host, @DefaultValue("993") int port, String username, String password,
            @DefaultValue("true") boolean ssl, @DefaultValue("INBOX") String folder, String processedFolder,
            @DefaultValue("PT1M") Duration pollInterval, @DefaultValue("10MB") DataSize maxSize,
            @DefaultValue("25") int maxReceivedHeaders) {

        Imap imap() {
            return new Imap(host, port, username, password, ssl, folder);
        }
    }

    InternetAddress fromAddress() {
        return address(from, "from");
    }

    /** Where a customer's reply goes: {@code reply-to}, else the sender. */
    InternetAddress replyToAddress() {
        return replyTo == null || replyTo.isBlank() ? fromAddress() : address(replyTo, "reply-to");
    }

    /** The right-hand side of our Message-IDs: {@code message-id-domain}, else the sender's domain. */
    String messageIdHost() {
        if (messageIdDomain != null && !messageIdDomain.isBlank()) {
            return messageIdDomain.strip();
        }
        String sender = fromAddress().getAddress();
        return sender.substring(sender.indexOf('@') + 1);
    }

    private static InternetAddress address(String value, String property) {
        try {
            return new InternetAddress(value, true);
        } catch (AddressException e) {
            throw new IllegalStateException("promise-desk.mail." + property + " '" + value
                    + "' is not an e-mail address", e);
        }
    }
}

package org.promisedesk.mail;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/**
 * Handles one e-mail from the support mailbox, exactly once: what it means (see
 * {@link Disposition}) and its record in {@code inbound_message} are one transaction, and the
 * record's unique Message-ID makes a second handling — after a restart, or on another node —
 * roll back. A message that cannot be handled is recorded as FAILED with a task for an agent.
 */
@Component
class InboundMail {

    private static final Logger log = LoggerFactory.getLogger(InboundMail.class);

    private final InboundMessages records;
    private final InboundDisposer disposer;
    private final AgentNotes notes;
    private final TransactionTemplate transaction;

    InboundMail(InboundMessages records, InboundDisposer disposer, AgentNotes notes,
            PlatformTransactionManager transactionManager) {
        this.records = records;
        this.disposer = disposer;
        this.notes = notes;
        this.transaction = new TransactionTemplate(transactionManager);
    }

    /** What became of it; empty when it had been handled before. */
    Optional<Disposition> handle(MimeMessage message) throws MessagingException {
        String messageId = messageIdOf(message);
        if (records.exists(messageId)) {
            return Optional.empty();
        }
        try {
            return Optional.of(transaction.execute(status -> {
                InboundRecord record = disposer.dispose(message, messageId, sender(message));
                records.insert(record);
                return record.disposition();
            }));
        } catch (DuplicateKeyException e) {
            log.info("E-mail {} was handled meanwhile by another run", messageId);
            return Optional.empty();
        } catch (RuntimeException e) {
            log.error("E-mail {} could not be handled; recorded as FAILED for an agent", messageId, e);
            String from = sender(message);
            String subject = InboundDisposer.subject(message);
            long size = Math.max(message.getSize(), 0);
            transaction.executeWithoutResult(status -> {
                String taskId = notes.create("E-mail from " + from + " could not be handled", "Subject: " + subject
                        + "\nMessage-ID: " + messageId + "\nError: " + e
                        + "\n\nThe message is still in the support mailbox.", null, Collections.emptyMap());
                records.insert(new InboundRecord(messageId, ClockUtil.getCurrentTime().toInstant(), from, subject,
                        size, null, null, Disposition.FAILED, false, InboundDisposer.shorten(e.toString(), 1000),
                        null, null, null, taskId));
            });
            return Optional.of(Disposition.FAILED);
        }
    }

    /** The Message-ID, or for a message without one a digest of its headers. */
    static String messageIdOf(MimeMessage message) throws MessagingException {
        String id = message.getMessageID();
        if (id != null && !id.isBlank()) {
            return id.strip();
        }
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String line : Collections.list(message.getAllHeaderLines())) {
                digest.update(line.getBytes(StandardCharsets.UTF_8));
            }
            return "<" + HexFormat.of().formatHex(digest.digest()) + "@no-message-id>";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String sender(MimeMessage message) {
        try {
            Address[] from = message.getFrom();
            if (from != null && from.length > 0 && from[0] instanceof InternetAddress address) {
                return address.getAddress().toLowerCase(Locale.ROOT);
            }
        } catch (MessagingException e) {
            // an unreadable From: treated as none
        }
        return null;
    }
}

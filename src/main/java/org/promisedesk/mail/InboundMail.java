package org.promisedesk.mail;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import jakarta.mail.FolderClosedException;
import jakarta.mail.MessagingException;
import jakarta.mail.StoreClosedException;
import jakarta.mail.internet.MimeMessage;

/**
 * Handles one e-mail from the support mailbox, exactly once: what it means (see
 * {@link Disposition}) and its record in {@code inbound_message} are one transaction, and the
 * record's unique Message-ID makes a second handling — after a restart, or on another node —
 * roll back. A message that cannot be handled — no usable sender, or its handling threw — is
 * quarantined: recorded as FAILED from its cleaned headers ({@link InboundHeaders}), with the
 * reason and a task for an agent, in a transaction of its own after the first one rolled back
 * (taking back whatever it had started, a new request's key included). A failure that may pass by
 * itself — the mail server dropped the connection, a lock or an optimistic-locking conflict with a
 * job on the same process instance — is no reason by itself: the message stays unread and is tried
 * again, and only when that has happened {@value #TRANSIENT_ATTEMPTS} times is it quarantined (some
 * servers drop the client asking for a message they cannot parse themselves).
 */
@Component
class InboundMail {

    private static final Logger log = LoggerFactory.getLogger(InboundMail.class);
    static final int TRANSIENT_ATTEMPTS = 3;

    /** Message-ID → how often handling it failed in a way that may pass, in this JVM (a restart starts over). */
    private final Map<String, Integer> transientFailures = new ConcurrentHashMap<>();

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

    /**
     * What became of it, recorded and committed; empty when it had been recorded before. Throws only
     * when not even the FAILED record could be written (the database or the mailbox is away): the
     * message then stays unread for the next poll.
     */
    Optional<Disposition> handle(MimeMessage message) throws MessagingException {
        String messageId = InboundHeaders.messageId(message);
        if (records.exists(messageId)) {
            return Optional.empty();
        }
        InboundHeaders.Sender sender = InboundHeaders.sender(message);
        String reason = sender.problem();
        if (reason == null) {
            try {
                Disposition disposition = transaction.execute(status -> {
                    InboundRecord record = disposer.dispose(message, messageId, sender.address());
                    records.insert(record);
                    return record.disposition();
                });
                transientFailures.remove(messageId);
                return Optional.of(disposition);
            } catch (DuplicateKeyException e) {
                if (records.exists(messageId)) {
                    log.info("E-mail {} was handled meanwhile by another run", messageId);
                    return Optional.empty();
                }
                reason = reason(e);
                log.error("E-mail {} could not be handled; quarantined as FAILED for an agent", messageId, e);
            } catch (RuntimeException | StackOverflowError e) {
                if (mayPass(e) && transientFailures.merge(messageId, 1, Integer::sum) < TRANSIENT_ATTEMPTS) {
                    throw new IllegalStateException("E-mail " + messageId + " could not be handled now (" + e
                            + "); it is tried again", e);
                }
                reason = reason(e);
                log.error("E-mail {} could not be handled; quarantined as FAILED for an agent", messageId, e);
            }
        } else {
            log.warn("E-mail {} quarantined as FAILED for an agent: {}", messageId, reason);
        }
        return quarantine(message, messageId, sender, reason);
    }

    /** A lost connection to the mail server, a lock that was not granted, a conflict with another transaction. */
    private static boolean mayPass(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof FolderClosedException || cause instanceof StoreClosedException
                    || cause instanceof TransientDataAccessException || cause instanceof OptimisticLockingException) {
                return true;
            }
        }
        return false;
    }

    /** What went wrong and, when that is another thing, what caused it. */
    private static String reason(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == e ? e.toString() : e + "; caused by " + root;
    }

    private Optional<Disposition> quarantine(MimeMessage message, String messageId, InboundHeaders.Sender sender,
            String reason) {
        String subject = InboundHeaders.subject(message);
        long size = InboundHeaders.size(message);
        String why = InboundHeaders.shorten(InboundHeaders.singleLine(reason), 1000);
        transientFailures.remove(messageId);
        try {
            transaction.executeWithoutResult(status -> {
                String taskId = notes.create("E-mail from " + sender.display() + " could not be handled",
                        "From: " + (sender.stored() == null ? "(none)" : sender.stored()) + "\nSubject: "
                                + (subject == null ? "(none)" : subject) + "\nMessage-ID: "
                                + InboundHeaders.shorten(messageId, 300) + "\nSize: " + size + " bytes\nReason: " + why
                                + "\n\nThe message is still in the support mailbox.", null, Collections.emptyMap());
                records.insert(new InboundRecord(messageId, ClockUtil.getCurrentTime().toInstant(), sender.stored(),
                        subject, size, null, null, Disposition.FAILED, false, why, null, null, null, taskId));
            });
            return Optional.of(Disposition.FAILED);
        } catch (DuplicateKeyException e) {
            log.info("E-mail {} was recorded meanwhile by another run", messageId);
            return Optional.empty();
        }
    }
}

package org.promisedesk.mail;

import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.promisedesk.mail.OutboundMessage.State;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends a message at most once per message key, and never loses it. Each step of the record is
 * committed on its own, outside the job's transaction, so that it survives the job's rollback:
 * <ol>
 * <li>SENT already: nothing to do (a crash after sending, before the job committed);</li>
 * <li>new: record it as SENDING with its Message-ID and attachments, then send what was recorded;</li>
 * <li>SENDING: an earlier attempt ended without an answer. If the archive holds the Message-ID
 * the server took it: mark it SENT. Otherwise send it again, the same message with the same
 * Message-ID and the recorded attachments (without an archive this may deliver a second copy; see
 * docs/messaging.md).</li>
 * </ol>
 * Then mark it SENT. A failure to send is thrown and fails the job, which Camunda retries.
 */
@Component
class CustomerMailer {

    private static final Logger log = LoggerFactory.getLogger(CustomerMailer.class);

    private final OutboundMessages messages;
    private final MailTransport transport;
    private final MessageArchive archive;
    private final TransactionTemplate ownTransaction;

    CustomerMailer(OutboundMessages messages, MailTransport transport, MessageArchive archive,
            PlatformTransactionManager transactionManager) {
        this.messages = messages;
        this.transport = transport;
        this.archive = archive;
        this.ownTransaction = new TransactionTemplate(transactionManager);
        ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** {@code create} renders the message; it is called only when there is no record yet. */
    OutboundMessage deliver(String messageKey, Supplier<OutboundMessage> create) {
        Optional<OutboundMessage> recorded = ownTransaction.execute(status -> messages.find(messageKey));
        OutboundMessage message;
        if (recorded.isEmpty()) {
            OutboundMessage created = create.get();
            // What goes out is what was stored, attachments included: the first attempt and any retry alike.
            message = ownTransaction.execute(status -> {
                messages.insert(created);
                return messages.find(messageKey).orElseThrow();
            });
        } else {
            message = recorded.get();
            if (message.state() == State.SENT) {
                log.info("Request {}: {} {} was sent before, not sending it again", message.requestKey(),
                        message.template(), message.messageId());
                return message;
            }
            MessageArchive.Answer answer = archive.find(message.messageId());
            if (answer == MessageArchive.Answer.ACCEPTED) {
                log.info("Request {}: {} {} is in the archive, so the last attempt was delivered",
                        message.requestKey(), message.template(), message.messageId());
                return markSent(message);
            }
            log.warn("Request {}: attempt {} for {} {} ({}), sending again with the same Message-ID",
                    message.requestKey(), message.attempts() + 1, message.template(), message.messageId(),
                    answer == MessageArchive.Answer.NOT_FOUND ? "not in the archive" : "no archive to ask");
            ownTransaction.executeWithoutResult(status -> messages.countAttempt(messageKey));
        }
        transport.send(message);
        log.info("Request {}: sent {} to {} ({})", message.requestKey(), message.template(), message.recipient(),
                message.messageId());
        return markSent(message);
    }

    /** Commits SENT on its own; what it returns is what was sent, so nothing needs reading back. */
    private OutboundMessage markSent(OutboundMessage message) {
        Instant sentAt = ClockUtil.getCurrentTime().toInstant();
        ownTransaction.executeWithoutResult(status -> messages.markSent(message.messageKey(), sentAt));
        return message.sent(sentAt);
    }
}

package org.promisedesk.mail;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Incident;
import org.promisedesk.mail.OutboundMessage.State;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Hands queued messages ({@code customer_message}, state PENDING) to the SMTP server, outside every
 * engine transaction: right after the step that queued one has committed ({@link #deliverNow}), and
 * on the {@link OutboxSender}'s schedule for those whose earlier attempt failed or crashed. Nothing is
 * lost, and nothing is sent twice:
 * <ol>
 * <li>A sender first claims the row (PENDING to SENDING, with a lease), so that of two senders, on
 * one node or two, one sends it; the other finds it taken.</li>
 * <li>When the outcome of an earlier attempt is unknown (it failed, or its sender died holding it),
 * the archive is asked first: if it holds the Message-ID, the server took that attempt, and the row is
 * just marked SENT. Without an archive the same message, with the same Message-ID, is sent again: this
 * is the one case where a customer may get a second copy (docs/messaging.md).</li>
 * <li>A failed attempt is queued again after the next interval of
 * {@code promise-desk.mail.retry-time-cycle} (after the last, at the last interval, for as long as it
 * takes); when the intervals have run out, a Cockpit incident on the process instance says so, and it
 * is resolved once the message is sent.</li>
 * </ol>
 * A request's messages go out in the order they were queued: one is not claimed while an earlier one
 * of the same request is unsent, and once that one is sent the next follows at once.
 */
@Component
class MessageDelivery {

    /** The incident type of a message the server has refused for the whole retry schedule. */
    static final String INCIDENT_TYPE = "customerMessage";

    private static final Logger log = LoggerFactory.getLogger(MessageDelivery.class);

    private final OutboundMessages messages;
    private final MailTransport transport;
    private final MessageArchive archive;
    private final RuntimeService runtimeService;
    private final MailSettings settings;
    private final TransactionTemplate ownTransaction;

    MessageDelivery(OutboundMessages messages, MailTransport transport, MessageArchive archive,
            RuntimeService runtimeService, MailSettings settings, PlatformTransactionManager transactionManager) {
        this.messages = messages;
        this.transport = transport;
        this.archive = archive;
        this.runtimeService = runtimeService;
        this.settings = settings;
        // Always a transaction of its own: called after the queuing job's commit, Spring would
        // otherwise let these statements join the finished transaction, which never commits again.
        this.ownTransaction = new TransactionTemplate(transactionManager);
        ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * After the step that queued the message committed. Never throws: the step is done whatever
     * happens here, and a message that does not go out now is the sender's to try again.
     */
    void deliverNow(String messageKey) {
        try {
            deliver(messageKey);
        } catch (RuntimeException e) {
            log.warn("Message {} stays queued, the sender tries again: {}", messageKey, e.toString());
        }
    }

    /** Every message whose time has come, oldest first. Returns how many went out. */
    int deliverDue() {
        int sent = 0;
        for (String messageKey : ownTransaction.execute(status -> messages.due(now(), settings.outbox().batchSize()))) {
            try {
                sent += deliver(messageKey) ? 1 : 0;
            } catch (RuntimeException e) {
                log.warn("Message {} stays queued: {}", messageKey, e.toString());
            }
        }
        return sent;
    }

    /**
     * One attempt at the message, if it is due and not another sender's; then, when it went out, the
     * next unsent message of the same request. True when this message is sent now.
     */
    boolean deliver(String messageKey) {
        boolean sent = attempt(messageKey);
        if (sent) {
            sendWhatFollows(messageKey);
        }
        return sent;
    }

    private boolean attempt(String messageKey) {
        Optional<OutboundMessage> seen = ownTransaction.execute(status -> messages.find(messageKey));
        if (seen.isEmpty() || seen.get().state() == State.SENT) {
            return false;
        }
        OutboundMessage message = seen.get();
        Instant now = now();
        if (!ownTransaction.execute(status -> messages.claim(message, now, now.plus(settings.outbox().lease())))) {
            return false;
        }
        // A sender that died holding it, or an attempt whose connection broke once open, may have
        // delivered it: ask before sending it again. An attempt that reached no server did not.
        if (message.state() == State.SENDING
                || ownTransaction.execute(status -> messages.outcomeUnknown(message.messageKey()))) {
            MessageArchive.Answer answer;
            try {
                answer = archive.find(message.messageId());
            } catch (RuntimeException e) {
                return failed(message, message.attempts(), e, true);
            }
            if (answer == MessageArchive.Answer.ACCEPTED) {
                log.info("Request {}: {} {} is in the archive, so the last attempt was delivered",
                        message.requestKey(), message.template(), message.messageId());
                return sent(message, message.attempts());
            }
            log.warn("Request {}: attempt {} for {} {} ({}), sending again with the same Message-ID",
                    message.requestKey(), message.attempts() + 1, message.template(), message.messageId(),
                    answer == MessageArchive.Answer.NOT_FOUND ? "not in the archive" : "no archive to ask");
        }
        int attempt = message.attempts() + 1;
        try {
            transport.send(message);
        } catch (RuntimeException e) {
            return failed(message, attempt, e, !MailTransport.reachedNoServer(e));
        }
        log.info("Request {}: sent {} to {} ({})", message.requestKey(), message.template(), message.recipient(),
                message.messageId());
        return sent(message, attempt);
    }

    private boolean sent(OutboundMessage message, int attempts) {
        Instant sentAt = now();
        ownTransaction.executeWithoutResult(status -> {
            messages.markSent(message.messageKey(), sentAt, attempts);
            messages.incidentOf(message.messageKey()).ifPresent(this::resolve);
        });
        return true;
    }

    private boolean failed(OutboundMessage message, int attempts, RuntimeException error, boolean outcomeUnknown) {
        Duration wait = settings.retryInterval(attempts);
        Instant next = now().plus(wait);
        String reason = error.getMessage() == null ? error.toString() : error.getMessage();
        ownTransaction.executeWithoutResult(status -> {
            messages.markFailed(message.messageKey(), attempts, next, reason, outcomeUnknown);
            if (attempts > settings.retryIntervals().size() && messages.incidentOf(message.messageKey()).isEmpty()) {
                raiseIncident(message, reason);
            }
        });
        log.warn("Request {}: {} {} not sent (attempt {}), next try at {}: {}", message.requestKey(),
                message.template(), message.messageId(), attempts, next, reason);
        return false;
    }

    /** On the process instance, while it runs; an ended one only has the log (and the table). */
    private void raiseIncident(OutboundMessage message, String reason) {
        if (runtimeService.createProcessInstanceQuery().processInstanceId(message.processInstanceId()).count() == 0) {
            log.error("Request {}: {} {} still not sent after every retry interval (its process has ended): {}",
                    message.requestKey(), message.template(), message.messageId(), reason);
            return;
        }
        Incident incident = runtimeService.createIncident(INCIDENT_TYPE, message.processInstanceId(),
                message.messageKey(), "E-mail " + message.template() + " to " + message.recipient()
                        + " not sent yet, still retrying: " + reason);
        messages.recordIncident(message.messageKey(), incident.getId());
        log.error("Request {}: {} {} still not sent after every retry interval, incident {}: {}",
                message.requestKey(), message.template(), message.messageId(), incident.getId(), reason);
    }

    private void resolve(String incidentId) {
        if (runtimeService.createIncidentQuery().incidentId(incidentId).count() > 0) {
            runtimeService.resolveIncident(incidentId);
        }
    }

    private void sendWhatFollows(String messageKey) {
        String requestKey = ownTransaction.execute(status -> messages.find(messageKey))
                .map(OutboundMessage::requestKey).orElse(null);
        if (requestKey == null) {
            return;
        }
        // Bounded: each pass sends one more message of this request or stops.
        for (int i = 0; i < 100; i++) {
            Optional<String> next = ownTransaction.execute(status -> messages.firstUnsentOf(requestKey));
            if (next.isEmpty() || !attempt(next.get())) {
                return;
            }
        }
    }

    private static Instant now() {
        return ClockUtil.getCurrentTime().toInstant();
    }
}

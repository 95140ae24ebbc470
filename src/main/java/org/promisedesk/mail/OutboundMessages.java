package org.promisedesk.mail;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.promisedesk.mail.OutboundMessage.State;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The tables {@code customer_message} and {@code customer_message_attachment}: the outbox. A process
 * step {@link #insert queues} a message in its job's transaction; {@link MessageDelivery} then
 * {@link #claim claims} it, sends it and marks the outcome, each change committed on its own.
 */
@Repository
class OutboundMessages {

    private final JdbcClient jdbc;

    OutboundMessages(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<OutboundMessage> find(String messageKey) {
        return jdbc.sql("SELECT * FROM customer_message WHERE message_key = ?").param(messageKey)
                .query(OutboundMessages::map).optional().map(this::withAttachments);
    }

    void insert(OutboundMessage m) {
        jdbc.sql("""
                INSERT INTO customer_message (message_key, request_key, process_instance_id, activity_id, template,
                    customer_id, recipient, language, subject, message_id, body_text, body_html, state, attempts,
                    created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(m.messageKey(), m.requestKey(), m.processInstanceId(), m.activityId(), m.template(),
                        m.customerId(), m.recipient(), m.language(), m.subject(), m.messageId(), m.bodyText(),
                        m.bodyHtml(), m.state().name(), m.attempts(), Timestamp.from(m.createdAt()))
                .update();
        for (int i = 0; i < m.attachments().size(); i++) {
            MailAttachment a = m.attachments().get(i);
            jdbc.sql("""
                    INSERT INTO customer_message_attachment (message_key, position, file_name, content_type, content)
                    VALUES (?, ?, ?, ?, ?)""")
                    .params(m.messageKey(), i + 1, a.fileName(), a.contentType(), a.content()).update();
        }
    }

    /**
     * Takes the message for one attempt if it is still what {@code seen} says (state and attempts: no
     * other sender got there first), it is due (queued and its time has come, or held by a sender whose
     * lease ran out), and no earlier message of the same request is still unsent (a request's e-mails
     * go out in the order they were written). True when this caller holds it until {@code leaseUntil}.
     */
    boolean claim(OutboundMessage seen, Instant now, Instant leaseUntil) {
        return jdbc.sql("""
                UPDATE customer_message m SET state = 'SENDING', claimed_until = ?
                WHERE m.message_key = ? AND m.state = ? AND m.attempts = ?
                  AND ((m.state = 'PENDING' AND (m.next_attempt_at IS NULL OR m.next_attempt_at <= ?))
                    OR (m.state = 'SENDING' AND (m.claimed_until IS NULL OR m.claimed_until <= ?)))
                  AND NOT EXISTS (SELECT 1 FROM customer_message e
                                  WHERE e.request_key = m.request_key AND e.id < m.id AND e.state <> 'SENT')""")
                .params(Timestamp.from(leaseUntil), seen.messageKey(), seen.state().name(), seen.attempts(),
                        Timestamp.from(now), Timestamp.from(now))
                .update() == 1;
    }

    void markSent(String messageKey, Instant sentAt, int attempts) {
        jdbc.sql("""
                UPDATE customer_message SET state = 'SENT', sent_at = ?, attempts = ?, claimed_until = NULL,
                    next_attempt_at = NULL WHERE message_key = ?""")
                .params(Timestamp.from(sentAt), attempts, messageKey).update();
    }

    /**
     * The attempt failed: queued again for {@code nextAttemptAt}; {@code outcomeUnknown} when the
     * server may have taken it all the same.
     */
    void markFailed(String messageKey, int attempts, Instant nextAttemptAt, String error, boolean outcomeUnknown) {
        jdbc.sql("""
                UPDATE customer_message SET state = 'PENDING', attempts = ?, next_attempt_at = ?, claimed_until = NULL,
                    last_error = ?, outcome_unknown = ? WHERE message_key = ?""")
                .params(attempts, Timestamp.from(nextAttemptAt), shorten(error), outcomeUnknown, messageKey).update();
    }

    /** Whether the last failed attempt may have reached the server (see {@link #markFailed}). */
    boolean outcomeUnknown(String messageKey) {
        return jdbc.sql("SELECT outcome_unknown FROM customer_message WHERE message_key = ?").param(messageKey)
                .query(Boolean.class).optional().orElse(false);
    }

    void recordIncident(String messageKey, String incidentId) {
        jdbc.sql("UPDATE customer_message SET incident_id = ? WHERE message_key = ?").params(incidentId, messageKey)
                .update();
    }

    Optional<String> incidentOf(String messageKey) {
        return jdbc.sql("SELECT incident_id FROM customer_message WHERE message_key = ? AND incident_id IS NOT NULL")
                .param(messageKey).query(String.class).optional();
    }

    /** Unsent messages whose time has come (queued and due, or held past their lease), oldest first. */
    List<String> due(Instant now, int limit) {
        return jdbc.sql("""
                SELECT message_key FROM customer_message
                WHERE (state = 'PENDING' AND (next_attempt_at IS NULL OR next_attempt_at <= ?))
                   OR (state = 'SENDING' AND (claimed_until IS NULL OR claimed_until <= ?))
                ORDER BY id LIMIT ?""")
                .params(Timestamp.from(now), Timestamp.from(now), limit).query(String.class).list();
    }

    /** The oldest unsent message of the request, if any (the next one its order allows). */
    Optional<String> firstUnsentOf(String requestKey) {
        return jdbc.sql("""
                SELECT message_key FROM customer_message WHERE request_key = ? AND state <> 'SENT'
                ORDER BY id LIMIT 1""")
                .param(requestKey).query(String.class).optional();
    }

    /** How many messages are not sent yet (queued or being sent). */
    long unsent() {
        return jdbc.sql("SELECT count(*) FROM customer_message WHERE state <> 'SENT'").query(Long.class).single();
    }

    private static String shorten(String error) {
        return error == null || error.length() <= 1000 ? error : error.substring(0, 999) + "…";
    }

    /** The request an e-mail of ours belongs to, by its Message-ID (for threading replies). */
    Optional<String> requestKeyOf(String messageId) {
        return jdbc.sql("SELECT request_key FROM customer_message WHERE message_id = ? AND request_key IS NOT NULL")
                .param(messageId).query(String.class).optional();
    }

    /** Every address we wrote to about a request. */
    List<String> recipientsOf(String requestKey) {
        return jdbc.sql("SELECT DISTINCT recipient FROM customer_message WHERE request_key = ?")
                .param(requestKey).query(String.class).list();
    }

    /** For the audit trail and tests: what was sent about a request, oldest first. */
    List<OutboundMessage> ofRequest(String requestKey) {
        return jdbc.sql("SELECT * FROM customer_message WHERE request_key = ? ORDER BY id").param(requestKey)
                .query(OutboundMessages::map).list().stream().map(this::withAttachments).toList();
    }

    private OutboundMessage withAttachments(OutboundMessage m) {
        List<MailAttachment> attachments = jdbc.sql("""
                SELECT file_name, content_type, content FROM customer_message_attachment WHERE message_key = ?
                ORDER BY position""").param(m.messageKey())
                .query((rs, row) -> new MailAttachment(rs.getString("file_name"), rs.getString("content_type"),
                        rs.getBytes("content")))
                .list();
        return attachments.isEmpty() ? m : new OutboundMessage(m.messageKey(), m.requestKey(), m.processInstanceId(),
                m.activityId(), m.template(), m.customerId(), m.recipient(), m.language(), m.subject(), m.messageId(),
                m.bodyText(), m.bodyHtml(), m.state(), m.attempts(), m.createdAt(), m.sentAt(), attachments);
    }

    private static OutboundMessage map(ResultSet rs, int row) throws SQLException {
        Timestamp sentAt = rs.getTimestamp("sent_at");
        return new OutboundMessage(rs.getString("message_key"), rs.getString("request_key"),
                rs.getString("process_instance_id"), rs.getString("activity_id"), rs.getString("template"),
                rs.getLong("customer_id"), rs.getString("recipient"), rs.getString("language"),
                rs.getString("subject"), rs.getString("message_id"), rs.getString("body_text"),
                rs.getString("body_html"), State.valueOf(rs.getString("state")), rs.getInt("attempts"),
                rs.getTimestamp("created_at").toInstant(), sentAt == null ? null : sentAt.toInstant(), List.of());
    }
}

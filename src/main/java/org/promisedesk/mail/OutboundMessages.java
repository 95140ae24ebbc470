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
 * The tables {@code customer_message} and {@code customer_message_attachment}. Callers inside a
 * Camunda job use it through {@link CustomerMailer}, which commits each change on its own
 * ({@code REQUIRES_NEW}).
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

    void countAttempt(String messageKey) {
        jdbc.sql("UPDATE customer_message SET attempts = attempts + 1 WHERE message_key = ?").param(messageKey).update();
    }

    void markSent(String messageKey, Instant sentAt) {
        jdbc.sql("UPDATE customer_message SET state = 'SENT', sent_at = ? WHERE message_key = ?")
                .params(Timestamp.from(sentAt), messageKey).update();
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

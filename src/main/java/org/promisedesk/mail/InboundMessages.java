package org.promisedesk.mail;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code inbound_message} table: each e-mail from the support mailbox, once. */
@Repository
class InboundMessages {

    private final JdbcClient jdbc;

    InboundMessages(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean exists(String messageId) {
        return jdbc.sql("SELECT COUNT(*) FROM inbound_message WHERE message_id = ?").param(messageId)
                .query(Long.class).single() > 0;
    }

    /** Fails with a duplicate key when another node or an earlier run recorded it first. */
    void insert(InboundRecord r) {
        jdbc.sql("""
                INSERT INTO inbound_message (message_id, received_at, from_address, subject, size_bytes, request_key,
                    customer_id, disposition, sender_mismatch, note, attachments, raw_text, reply_text, task_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(r.messageId(), Timestamp.from(r.receivedAt()), r.from(), r.subject(), r.sizeBytes(),
                        r.requestKey(), r.customerId(), r.disposition().name(), r.senderMismatch(), r.note(),
                        r.attachments(), r.rawText(), r.replyText(), r.taskId())
                .update();
    }

    Optional<InboundRecord> find(String messageId) {
        return jdbc.sql("SELECT * FROM inbound_message WHERE message_id = ?").param(messageId)
                .query(InboundMessages::map).optional();
    }

    private static InboundRecord map(ResultSet rs, int row) throws SQLException {
        long id = rs.getLong("customer_id");
        Long customerId = rs.wasNull() ? null : id;
        return new InboundRecord(rs.getString("message_id"), rs.getTimestamp("received_at").toInstant(),
                rs.getString("from_address"), rs.getString("subject"), rs.getLong("size_bytes"),
                rs.getString("request_key"), customerId,
                Disposition.valueOf(rs.getString("disposition")), rs.getBoolean("sender_mismatch"),
                rs.getString("note"), rs.getString("attachments"), rs.getString("raw_text"),
                rs.getString("reply_text"), rs.getString("task_id"));
    }
}

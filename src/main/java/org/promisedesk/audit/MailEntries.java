package org.promisedesk.audit;

import static org.promisedesk.audit.ActivityEntries.details;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;

import org.promisedesk.audit.AuditEntry.Kind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Each e-mail sent to the customer and each e-mail received about the request, with its full plain text. */
@Component
class MailEntries implements AuditSource {

    private final JdbcClient jdbc;

    MailEntries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<AuditEntry> entries(RequestInstances request) {
        List<AuditEntry> entries = new ArrayList<>();
        jdbc.sql("""
                SELECT message_key, process_instance_id, activity_id, template, recipient, language, subject,
                       message_id, state, attempts, created_at, sent_at, body_text
                FROM customer_message WHERE request_key = :key OR process_instance_id IN (:ids)
                ORDER BY created_at, id""")
                .param("key", request.key()).param("ids", List.of(request.ids()))
                .query((row, n) -> {
                    Timestamp sent = row.getTimestamp("sent_at");
                    String instanceId = row.getString("process_instance_id");
                    return new AuditEntry((sent != null ? sent : row.getTimestamp("created_at")).toInstant(),
                            Kind.EMAIL_SENT, request.processOf(instanceId), instanceId, row.getString("activity_id"),
                            null, (sent != null ? "E-mail sent: " : "E-mail not yet delivered: ") + row.getString("subject"),
                            details("template", row.getString("template"), "recipient", row.getString("recipient"),
                                    "language", row.getString("language"), "messageId", row.getString("message_id"),
                                    "state", row.getString("state"), "attempts", row.getInt("attempts"),
                                    "attachments", attachmentNames(row.getString("message_key")),
                                    "text", row.getString("body_text")));
                })
                .list().forEach(entries::add);
        jdbc.sql("""
                SELECT message_id, received_at, from_address, subject, disposition, sender_mismatch, note, attachments,
                       raw_text
                FROM inbound_message WHERE request_key = :key ORDER BY received_at, id""")
                .param("key", request.key())
                .query((row, n) -> new AuditEntry(row.getTimestamp("received_at").toInstant(), Kind.EMAIL_RECEIVED,
                        null, null, null, null, "E-mail received from " + row.getString("from_address") + ": "
                                + row.getString("subject"),
                        details("messageId", row.getString("message_id"), "from", row.getString("from_address"),
                                "disposition", row.getString("disposition"),
                                "senderMismatch", row.getBoolean("sender_mismatch"), "note", row.getString("note"),
                                "attachments", row.getString("attachments"), "text", row.getString("raw_text"))))
                .list().forEach(entries::add);
        return entries;
    }

    /** The file names sent with a message, one a line (as for received mail), or null. */
    private String attachmentNames(String messageKey) {
        List<String> names = jdbc.sql("SELECT file_name FROM customer_message_attachment WHERE message_key = ?"
                + " ORDER BY position").param(messageKey).query(String.class).list();
        return names.isEmpty() ? null : String.join("\n", names);
    }
}

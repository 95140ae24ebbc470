package org.promisedesk.mail;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.promisedesk.platform.BusinessCalendar;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The conversation with the customer about one request, from our own records: every e-mail we
 * queued or sent ({@code customer_message}) and every e-mail they wrote that we took in
 * ({@code inbound_message}, not the ones ignored as loops or auto-replies), newest first, as plain
 * text, times in the business time zone. Short enough for a task variable (a string variable holds
 * at most {@link #MAX_LENGTH} characters): the older part is cut and says where the rest is.
 */
@Component
public class Conversation {

    public static final int MAX_LENGTH = 3900;
    private static final int MAX_TEXT_PER_MESSAGE = 1200;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final JdbcClient jdbc;
    private final ZoneId zone;

    Conversation(JdbcClient jdbc, BusinessCalendar calendar) {
        this.jdbc = jdbc;
        this.zone = calendar.zone();
    }

    private record Entry(Instant at, String heading, String text) {
    }

    /** The conversation so far, or null when nothing was written either way yet. */
    public String of(String requestKey) {
        List<Entry> entries = new ArrayList<>();
        jdbc.sql("""
                SELECT created_at, sent_at, state, language, recipient, subject, body_text FROM customer_message
                WHERE request_key = ?""").param(requestKey).query((rs, row) -> {
            Timestamp sent = rs.getTimestamp("sent_at");
            Instant at = (sent != null ? sent : rs.getTimestamp("created_at")).toInstant();
            String state = sent != null ? "we sent" : "we are sending (queued)";
            return new Entry(at, state + " to " + rs.getString("recipient") + ", in " + rs.getString("language")
                    + ": " + rs.getString("subject"), rs.getString("body_text"));
        }).list().forEach(entries::add);
        jdbc.sql("""
                SELECT received_at, from_address, subject, reply_text, raw_text FROM inbound_message
                WHERE request_key = ? AND disposition NOT IN ('LOOP_IGNORED', 'AUTO_REPLY_IGNORED')""")
                .param(requestKey).query((rs, row) -> {
                    String reply = rs.getString("reply_text");
                    return new Entry(rs.getTimestamp("received_at").toInstant(), "they wrote, from "
                            + rs.getString("from_address") + ": " + rs.getString("subject"),
                            reply != null && !reply.isBlank() ? reply : rs.getString("raw_text"));
                }).list().forEach(entries::add);
        if (entries.isEmpty()) {
            return null;
        }
        entries.sort(Comparator.comparing(Entry::at).reversed());
        return render(entries);
    }

    private String render(List<Entry> entries) {
        String cut = "\n[… older messages: the request's audit trail has them all]";
        StringBuilder text = new StringBuilder("Times in " + zone.getId() + ", newest first.\n");
        for (Entry entry : entries) {
            String block = "\n" + TIME.format(entry.at().atZone(zone)) + " — " + entry.heading() + "\n"
                    + shortened(entry.text()) + "\n";
            if (text.length() + block.length() + cut.length() > MAX_LENGTH) {
                text.append(cut);
                break;
            }
            text.append(block);
        }
        return text.toString().strip();
    }

    private static String shortened(String text) {
        String plain = text == null ? "" : text.strip();
        return plain.length() <= MAX_TEXT_PER_MESSAGE ? plain : plain.substring(0, MAX_TEXT_PER_MESSAGE) + " […]";
    }
}

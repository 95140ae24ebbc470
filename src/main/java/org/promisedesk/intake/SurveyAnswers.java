package org.promisedesk.intake;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The table {@code request_satisfaction} (V51): one survey answer per request. */
@Repository
class SurveyAnswers {

    static final String CHANNEL_EMAIL = "email";
    static final String CHANNEL_AGENT = "agent";

    private final JdbcClient jdbc;

    SurveyAnswers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record SurveyAnswer(String requestKey, long customerId, int score, String comment, Instant answeredAt,
            String channel, String requestClass) {
    }

    /** Stores the answer; a second answer for the same request replaces the first. */
    void save(SurveyAnswer answer) {
        jdbc.sql("DELETE FROM request_satisfaction WHERE request_key = ?").param(answer.requestKey()).update();
        jdbc.sql("""
                INSERT INTO request_satisfaction (request_key, customer_id, score, comment, answered_at, channel, request_class)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """)
                .params(answer.requestKey(), answer.customerId(), answer.score(), answer.comment(),
                        Timestamp.from(answer.answeredAt()), answer.channel(), answer.requestClass())
                .update();
    }

    /** Answers given in [from, to), oldest first. */
    List<SurveyAnswer> between(Instant from, Instant to) {
        return jdbc.sql("""
                SELECT request_key, customer_id, score, comment, answered_at, channel, request_class
                FROM request_satisfaction WHERE answered_at >= ? AND answered_at < ?
                ORDER BY answered_at, request_key
                """)
                .params(Timestamp.from(from), Timestamp.from(to))
                .query((rs, row) -> new SurveyAnswer(rs.getString(1), rs.getLong(2), rs.getInt(3), rs.getString(4),
                        rs.getTimestamp(5).toInstant(), rs.getString(6), rs.getString(7)))
                .list();
    }
}

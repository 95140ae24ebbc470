package org.promisedesk.incident;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** The tables {@code incident}, {@code incident_customer}, {@code incident_service} and {@code incident_report}. */
@Repository
class Incidents {

    enum State { DRAFTING, PUBLISHED, CLOSED }

    record Incident(long id, String title, String requestKey, String processInstanceId, Instant startedAt,
            Instant endedAt, String resolvedBy, State state) {
    }

    record StoredReport(long incidentId, String language, String html, byte[] pdf, Instant publishedAt) {
    }

    private final JdbcClient jdbc;

    Incidents(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(String title, String requestKey, String processInstanceId, Instant startedAt, Instant endedAt,
            String resolvedBy, Instant now) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO incident (title, request_key, process_instance_id, started_at, ended_at, resolved_by,
                    state, created_at)
                VALUES (?, ?, ?, ?, ?, ?, 'DRAFTING', ?)""")
                .params(title, requestKey, processInstanceId, Timestamp.from(startedAt), Timestamp.from(endedAt),
                        resolvedBy, Timestamp.from(now))
                .update(key, "id");
        return key.getKeyAs(Number.class).longValue();
    }

    void addCustomers(long incidentId, List<Long> customerIds) {
        customerIds.forEach(customerId -> jdbc.sql("INSERT INTO incident_customer (incident_id, customer_id) VALUES (?, ?)")
                .params(incidentId, customerId).update());
    }

    void addServices(long incidentId, List<Long> subscriptionIds) {
        subscriptionIds.forEach(id -> jdbc.sql(
                "INSERT INTO incident_service (incident_id, subscription_id) VALUES (?, ?)").params(incidentId, id).update());
    }

    Optional<Incident> find(long id) {
        return jdbc.sql("SELECT * FROM incident WHERE id = ?").param(id).query(Incidents::map).optional();
    }

    List<Long> customerIds(long incidentId) {
        return jdbc.sql("SELECT customer_id FROM incident_customer WHERE incident_id = ? ORDER BY customer_id")
                .param(incidentId).query(Long.class).list();
    }

    void markPublished(long id, Instant at) {
        jdbc.sql("UPDATE incident SET state = 'PUBLISHED', published_at = ? WHERE id = ?")
                .params(Timestamp.from(at), id).update();
    }

    void markClosed(long id, Instant at) {
        jdbc.sql("UPDATE incident SET state = 'CLOSED', closed_at = ? WHERE id = ?").params(Timestamp.from(at), id).update();
    }

    void saveReport(long incidentId, String language, String html, byte[] pdf, Instant publishedAt) {
        jdbc.sql("INSERT INTO incident_report (incident_id, language, html, pdf, published_at) VALUES (?, ?, ?, ?, ?)")
                .params(incidentId, language, html, pdf, Timestamp.from(publishedAt)).update();
    }

    Optional<StoredReport> report(long incidentId, String language) {
        return jdbc.sql("SELECT * FROM incident_report WHERE incident_id = ? AND language = ?")
                .params(incidentId, language)
                .query((rs, row) -> new StoredReport(rs.getLong("incident_id"), rs.getString("language"),
                        rs.getString("html"), rs.getBytes("pdf"), rs.getTimestamp("published_at").toInstant()))
                .optional();
    }

    private static Incident map(ResultSet rs, int row) throws SQLException {
        return new Incident(rs.getLong("id"), rs.getString("title"), rs.getString("request_key"),
                rs.getString("process_instance_id"), rs.getTimestamp("started_at").toInstant(),
                rs.getTimestamp("ended_at").toInstant(), rs.getString("resolved_by"),
                State.valueOf(rs.getString("state")));
    }
}

package org.promisedesk.incident;

import org.promisedesk.platform.CalledByModels;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The table {@code incident_action}: the corrective and preventive actions of a published report.
 * The model reads a promise's inputs from here by the action's id
 * ({@code ${incidentActions.owner(actionId)}}), so it is public.
 */
@Repository
public class IncidentActions {

    record Action(long id, long incidentId, int position, String kind, String description, String owner,
            Instant dueAt, String outcome, String resultText) {
    }

    private final JdbcClient jdbc;

    IncidentActions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(long incidentId, int position, String kind, String description, String owner, Instant dueAt) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO incident_action (incident_id, position, kind, description, owner, due_at)
                VALUES (?, ?, ?, ?, ?, ?)""")
                .params(incidentId, position, kind, description, owner, Timestamp.from(dueAt))
                .update(key, "id");
        return key.getKeyAs(Number.class).longValue();
    }

    /** What the owner promises, as the promise and its messages to the customer show it. */
    @CalledByModels
    public String promiseText(Number actionId) {
        return find(actionId.longValue()).description();
    }

    @CalledByModels
    public String owner(Number actionId) {
        return find(actionId.longValue()).owner();
    }

    @CalledByModels
    public Date dueDate(Number actionId) {
        return Date.from(find(actionId.longValue()).dueAt());
    }

    void recordOutcome(long actionId, String outcome, String resultText, Instant at) {
        jdbc.sql("UPDATE incident_action SET outcome = ?, result_text = ?, closed_at = ? WHERE id = ?")
                .params(outcome, resultText, Timestamp.from(at), actionId).update();
    }

    List<Action> ofIncident(long incidentId) {
        return jdbc.sql("SELECT * FROM incident_action WHERE incident_id = ? ORDER BY position").param(incidentId)
                .query(IncidentActions::map).list();
    }

    Action find(long id) {
        return jdbc.sql("SELECT * FROM incident_action WHERE id = ?").param(id).query(IncidentActions::map)
                .optional().orElseThrow(() -> new IllegalStateException("No incident action " + id));
    }

    private static Action map(ResultSet rs, int row) throws SQLException {
        return new Action(rs.getLong("id"), rs.getLong("incident_id"), rs.getInt("position"), rs.getString("kind"),
                rs.getString("description"), rs.getString("owner"), rs.getTimestamp("due_at").toInstant(),
                rs.getString("outcome"), rs.getString("result_text"));
    }
}

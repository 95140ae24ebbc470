package org.promisedesk.requirement;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The table {@code requirement_decision} (V70): one row per architect's decision. Written in the
 * transaction that completes the decision task, so a rejected completion leaves no row.
 */
@Repository
class RequirementDecisions {

    /** One decision as the report counts it. */
    record Decision(String processInstanceId, String requestKey, long customerId, String architect,
            String proposedOutcome, String decision, boolean overridden, String overrideReason, Instant decidedAt) {
    }

    /** How many decisions of one kind one architect or customer made, in the period. */
    record Count(String group, String decision, long count) {
    }

    private final JdbcClient jdbc;

    RequirementDecisions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records the decision; a decision made again for the same instance replaces the earlier one. */
    void record(Decision d) {
        jdbc.sql("DELETE FROM requirement_decision WHERE process_instance_id = ?").param(d.processInstanceId()).update();
        jdbc.sql("""
                INSERT INTO requirement_decision (process_instance_id, request_key, customer_id, architect,
                    proposed_outcome, decision, overridden, override_reason, decided_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(d.processInstanceId(), d.requestKey(), d.customerId(), d.architect(), d.proposedOutcome(),
                        d.decision(), d.overridden(), d.overrideReason(), Timestamp.from(d.decidedAt()))
                .update();
    }

    /** Decisions per architect in {@code [from, to)}. */
    List<Count> byArchitect(Instant from, Instant to) {
        return counts("architect", from, to);
    }

    /** Decisions per customer id in {@code [from, to)}. */
    List<Count> byCustomer(Instant from, Instant to) {
        return counts("customer_id", from, to);
    }

    /** How many of the decisions in {@code [from, to)} overrode the proposal. */
    long overridden(Instant from, Instant to) {
        return jdbc.sql("SELECT COUNT(*) FROM requirement_decision WHERE overridden AND decided_at >= ? AND decided_at < ?")
                .params(Timestamp.from(from), Timestamp.from(to)).query(Long.class).single();
    }

    private List<Count> counts(String column, Instant from, Instant to) {
        // column is one of two constants above, never user input
        return jdbc.sql("SELECT CAST(" + column + " AS VARCHAR(64)) AS grp, decision, COUNT(*) AS n"
                        + " FROM requirement_decision WHERE decided_at >= ? AND decided_at < ?"
                        + " GROUP BY " + column + ", decision ORDER BY grp, decision")
                .params(Timestamp.from(from), Timestamp.from(to))
                .query((rs, row) -> new Count(rs.getString("grp"), rs.getString("decision"), rs.getLong("n")))
                .list();
    }
}

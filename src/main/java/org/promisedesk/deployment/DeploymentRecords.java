package org.promisedesk.deployment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.promisedesk.platform.Page;
import org.promisedesk.platform.Paging;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The deployment record (table deployment_record, V9): one row per deployment the gate decided
 * on. An accepted deployment's row is written in the deployment's own transaction, so it exists
 * exactly when the deployment does; a refused one's in a transaction of its own, because the
 * refusal rolls the deployment's back.
 */
@Component
class DeploymentRecords {

    /** One row: the lists are what the record's JSON columns hold. */
    record Entry(long id, Instant decidedAt, String deployedBy, String deploymentName, String source, String decision,
            String deploymentId, List<String> resources, List<String> changes, List<String> problems) {
    }

    private static final Logger log = LoggerFactory.getLogger(DeploymentRecords.class);
    private static final int MAX_TEXT = 100_000;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate ownTransaction;
    private final ObjectMapper json;

    DeploymentRecords(JdbcTemplate jdbc, PlatformTransactionManager transactions, ObjectMapper json) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.json = json;
    }

    void record(DeploymentEntity deployment, Findings findings, List<String> changes) {
        String user = Context.getCommandContext().getAuthenticatedUserId();
        List<String> resources = deployment.getResources() == null ? List.of()
                : deployment.getResources().keySet().stream().sorted().toList();
        boolean accepted = findings.isEmpty();
        Runnable insert = () -> jdbc.update("INSERT INTO deployment_record (decided_at, deployed_by, deployment_name, "
                + "source, decision, deployment_id, resources, changes, problems) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                Timestamp.from(ClockUtil.getCurrentTime().toInstant()), user, deployment.getName(),
                deployment.getSource(), accepted ? "ACCEPTED" : "REFUSED", accepted ? deployment.getId() : null,
                text(resources, 20_000), text(changes, MAX_TEXT), text(findings.lines(), MAX_TEXT));
        if (accepted) {
            insert.run();
            log.info("Deployment {} '{}' by {} from {} accepted: {}", deployment.getId(), deployment.getName(),
                    user == null ? "the application" : user, deployment.getSource(), changes);
        } else {
            ownTransaction.executeWithoutResult(status -> insert.run());
            log.warn("Deployment '{}' by {} from {} refused: {}", deployment.getName(),
                    user == null ? "the application" : user, deployment.getSource(), findings.summary());
        }
    }

    Page<Entry> list(Paging paging) {
        long total = jdbc.queryForObject("SELECT COUNT(*) FROM deployment_record", Long.class);
        List<Entry> entries = jdbc.query("SELECT * FROM deployment_record ORDER BY decided_at DESC, id DESC "
                + "LIMIT ? OFFSET ?", this::entry, paging.size(), paging.offset());
        return paging.of(entries, total);
    }

    private Entry entry(ResultSet row, int number) throws SQLException {
        return new Entry(row.getLong("id"), row.getTimestamp("decided_at").toInstant(), row.getString("deployed_by"),
                row.getString("deployment_name"), row.getString("source"), row.getString("decision"),
                row.getString("deployment_id"), list(row.getString("resources")), list(row.getString("changes")),
                list(row.getString("problems")));
    }

    /** A JSON array of the lines, the last lines left out (and said so) where the column would overflow. */
    private String text(List<String> lines, int max) {
        try {
            String all = json.writeValueAsString(lines);
            for (int keep = lines.size() - 1; all.length() > max && keep >= 0; keep--) {
                List<String> shortened = new java.util.ArrayList<>(lines.subList(0, keep));
                shortened.add("… and " + (lines.size() - keep) + " more");
                all = json.writeValueAsString(shortened);
            }
            return all;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<String> list(String text) {
        try {
            return json.readValue(text, new TypeReference<List<String>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("deployment_record holds a list that is not JSON", e);
        }
    }
}

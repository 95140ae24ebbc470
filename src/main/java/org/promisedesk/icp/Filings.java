package org.promisedesk.icp;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The icp_filing table and the domains its open filings hold (icp_filing_domain). */
@Repository
class Filings {

    enum State { OPEN, SUBMITTED, APPROVED, ABANDONED, CANCELLED }

    record Filing(long id, String processInstanceId, String requestKey, long customerId, String domains, State state,
            String submissionNumber, String icpNumber) {
    }

    private final JdbcClient jdbc;

    Filings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long open(String processInstanceId, String requestKey, long customerId) {
        jdbc.sql("""
                INSERT INTO icp_filing (process_instance_id, request_key, customer_id, state, created_at)
                VALUES (:pid, :key, :customerId, 'OPEN', :now)""")
                .param("pid", processInstanceId).param("key", requestKey).param("customerId", customerId)
                .param("now", now()).update();
        return idOf(processInstanceId);
    }

    Optional<Filing> find(long id) {
        return jdbc.sql("SELECT * FROM icp_filing WHERE id = :id").param("id", id).query(Filings::map).optional();
    }

    private long idOf(String processInstanceId) {
        return jdbc.sql("SELECT id FROM icp_filing WHERE process_instance_id = :pid").param("pid", processInstanceId)
                .query(Long.class).single();
    }

    /**
     * What the last check found; null for what is still missing or invalid. Names and domains are
     * stored as given, cut to their column: they are for finding a filing, the variables hold all.
     */
    void describe(long id, String subjectType, String subjectName, String certificateNumber, String websiteName,
            String domains, Long hostingServiceId) {
        jdbc.sql("""
                UPDATE icp_filing SET subject_type = :subjectType, subject_name = :subjectName,
                    certificate_number = :certificate, website_name = :websiteName, domains = :domains,
                    hosting_service_id = :hosting
                WHERE id = :id""")
                .param("subjectType", subjectType).param("subjectName", clip(subjectName, 200))
                .param("certificate", certificateNumber).param("websiteName", clip(websiteName, 100))
                .param("domains", clip(domains, 2600)).param("hosting", hostingServiceId).param("id", id).update();
    }

    /** The open filing holding this domain (ASCII form), other than {@code exceptId}. */
    Optional<Filing> holding(String domain, long exceptId) {
        return jdbc.sql("""
                SELECT f.* FROM icp_filing f JOIN icp_filing_domain d ON d.filing_id = f.id
                WHERE d.domain = :domain AND f.id <> :except""")
                .param("domain", domain).param("except", exceptId).query(Filings::map).optional();
    }

    /**
     * Makes these domains (ASCII form) the ones the filing holds. Checked against other filings
     * before; the primary key stops a filing that slipped in between, failing this transaction.
     */
    void hold(long id, Collection<String> domains) {
        List<String> held = jdbc.sql("SELECT domain FROM icp_filing_domain WHERE filing_id = :id").param("id", id)
                .query(String.class).list();
        for (String domain : held) {
            if (!domains.contains(domain)) {
                jdbc.sql("DELETE FROM icp_filing_domain WHERE domain = :domain").param("domain", domain).update();
            }
        }
        for (String domain : domains) {
            if (!held.contains(domain)) {
                jdbc.sql("INSERT INTO icp_filing_domain (domain, filing_id) VALUES (:domain, :id)")
                        .param("domain", domain).param("id", id).update();
            }
        }
    }

    void submitted(long id, String submissionNumber) {
        jdbc.sql("""
                UPDATE icp_filing SET state = 'SUBMITTED', submission_number = :number, submitted_at = :now
                WHERE id = :id""").param("number", submissionNumber).param("now", now()).param("id", id).update();
    }

    void reopened(long id) {
        jdbc.sql("UPDATE icp_filing SET state = 'OPEN' WHERE id = :id").param("id", id).update();
    }

    /** Closes the filing (approved with its number, abandoned, cancelled) and lets go of its domains. */
    void close(long id, State state, String icpNumber) {
        jdbc.sql("UPDATE icp_filing SET state = :state, icp_number = :icp, closed_at = :now WHERE id = :id")
                .param("state", state.name()).param("icp", icpNumber).param("now", now()).param("id", id).update();
        jdbc.sql("DELETE FROM icp_filing_domain WHERE filing_id = :id").param("id", id).update();
    }

    List<String> heldDomains(long id) {
        return jdbc.sql("SELECT domain FROM icp_filing_domain WHERE filing_id = :id ORDER BY domain").param("id", id)
                .query(String.class).list();
    }

    private static String clip(String value, int length) {
        return value == null || value.length() <= length ? value : value.substring(0, length);
    }

    private static Timestamp now() {
        return new Timestamp(ClockUtil.getCurrentTime().getTime());
    }

    private static Filing map(ResultSet rs, int row) throws SQLException {
        return new Filing(rs.getLong("id"), rs.getString("process_instance_id"), rs.getString("request_key"),
                rs.getLong("customer_id"), rs.getString("domains"), State.valueOf(rs.getString("state")),
                rs.getString("submission_number"), rs.getString("icp_number"));
    }
}

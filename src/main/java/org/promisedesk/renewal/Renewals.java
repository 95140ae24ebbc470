package org.promisedesk.renewal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code renewal} table, and the scan's look at the services due. */
@Repository
class Renewals {

    private static final String SELECT = """
            SELECT id, subscription_id, expiry_date, business_key, process_instance_id, state, started_by,
                   paid_until
            FROM renewal
            """;

    /**
     * One page of the ACTIVE services expiring between {@code from} and {@code until} that have
     * no renewal for that expiry date, after the cursor, in (expiry date, id) order. Keyset
     * paging over the expiry index: each page costs the rows it returns, however many services
     * there are in all.
     */
    private static final String DUE_PAGE = """
            SELECT s.id, s.expiry_date
            FROM subscription s
            WHERE s.state = 'ACTIVE'
              AND s.expiry_date BETWEEN :from AND :until
              AND (s.expiry_date > :afterExpiry OR (s.expiry_date = :afterExpiry AND s.id > :afterId))
              AND NOT EXISTS (SELECT 1 FROM renewal r
                              WHERE r.subscription_id = s.id AND r.expiry_date = s.expiry_date)
            ORDER BY s.expiry_date, s.id
            LIMIT :limit
            """;

    record DueService(long id, LocalDate expiryDate) {
    }

    private final JdbcClient jdbc;

    Renewals(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The first page: {@code after} null. The next: {@code after} the last service of the page before. */
    List<DueService> duePage(LocalDate from, LocalDate until, DueService after, int limit) {
        DueService cursor = after != null ? after : new DueService(0, from.minusDays(1));
        return jdbc.sql(DUE_PAGE)
                .param("from", from)
                .param("until", until)
                .param("afterExpiry", cursor.expiryDate())
                .param("afterId", cursor.id())
                .param("limit", limit)
                .query((rs, row) -> new DueService(rs.getLong(1), rs.getObject(2, LocalDate.class)))
                .list();
    }

    /**
     * Claims the renewal of this service and expiry date.
     *
     * @throws org.springframework.dao.DuplicateKeyException when there is one already: the
     *         transaction must then roll back and start nothing
     */
    void insert(long serviceId, LocalDate expiryDate, Renewal.StartedBy startedBy) {
        jdbc.sql("""
                INSERT INTO renewal (subscription_id, expiry_date, business_key, state, started_by, started_at)
                VALUES (:serviceId, :expiryDate, :businessKey, :state, :startedBy, :startedAt)""")
                .param("serviceId", serviceId)
                .param("expiryDate", expiryDate)
                .param("businessKey", Renewal.businessKey(serviceId, expiryDate))
                .param("state", Renewal.State.REMINDING.name())
                .param("startedBy", startedBy.name())
                .param("startedAt", now())
                .update();
    }

    void recordInstance(String businessKey, String processInstanceId) {
        jdbc.sql("UPDATE renewal SET process_instance_id = :id WHERE business_key = :businessKey")
                .param("id", processInstanceId).param("businessKey", businessKey).update();
    }

    void setState(String businessKey, Renewal.State state) {
        boolean ended = state == Renewal.State.PAID || state == Renewal.State.RECLAIMED;
        jdbc.sql("UPDATE renewal SET state = :state" + (ended ? ", ended_at = :now" : "")
                        + " WHERE business_key = :businessKey")
                .param("state", state.name())
                .param("now", now())
                .param("businessKey", businessKey)
                .update();
    }

    void recordPayment(String businessKey, LocalDate paidUntil, String recordedBy, String reference) {
        jdbc.sql("""
                UPDATE renewal SET state = 'PAID', paid_until = :paidUntil, paid_at = :now, ended_at = :now,
                                   payment_recorded_by = :recordedBy, payment_reference = :reference
                WHERE business_key = :businessKey""")
                .param("paidUntil", paidUntil)
                .param("now", now())
                .param("recordedBy", recordedBy)
                .param("reference", reference)
                .param("businessKey", businessKey)
                .update();
    }

    /** The closing of a cancelled renewal (at its expiry). */
    void recordEnd(String businessKey) {
        jdbc.sql("UPDATE renewal SET ended_at = :now WHERE business_key = :businessKey")
                .param("now", now()).param("businessKey", businessKey).update();
    }

    Optional<Renewal> find(long serviceId, LocalDate expiryDate) {
        return jdbc.sql(SELECT + " WHERE subscription_id = :serviceId AND expiry_date = :expiryDate")
                .param("serviceId", serviceId).param("expiryDate", expiryDate)
                .query(Renewals::map).optional();
    }

    Optional<Renewal> findByBusinessKey(String businessKey) {
        return jdbc.sql(SELECT + " WHERE business_key = :businessKey").param("businessKey", businessKey)
                .query(Renewals::map).optional();
    }

    /** A payment already recorded for this service up to exactly this date. */
    Optional<Renewal> findPayment(long serviceId, LocalDate paidUntil) {
        return jdbc.sql(SELECT + " WHERE subscription_id = :serviceId AND state = 'PAID' AND paid_until = :paidUntil")
                .param("serviceId", serviceId).param("paidUntil", paidUntil)
                .query(Renewals::map).optional();
    }

    private static Timestamp now() {
        return new Timestamp(ClockUtil.getCurrentTime().getTime());
    }

    private static Renewal map(ResultSet rs, int row) throws SQLException {
        return new Renewal(
                rs.getLong("id"),
                rs.getLong("subscription_id"),
                rs.getObject("expiry_date", LocalDate.class),
                rs.getString("business_key"),
                rs.getString("process_instance_id"),
                Renewal.State.valueOf(rs.getString("state")),
                Renewal.StartedBy.valueOf(rs.getString("started_by")),
                rs.getObject("paid_until", LocalDate.class));
    }
}

package org.promisedesk.icp;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.promisedesk.platform.Digests;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The icp_photo table: every verification photo received for a filing, and its check. */
@Repository
class Photos {

    enum Source { UPLOAD, E_MAIL }

    /** A photo without its bytes. */
    record Photo(long id, long filingId, String contentType, int sizeBytes, String sha256, String fileName,
            Source source, String receivedBy, Instant receivedAt, String checkedBy, Instant checkedAt,
            Boolean accepted, String rejectReason) {
    }

    private static final String COLUMNS = """
            id, filing_id, content_type, size_bytes, sha256, file_name, source, received_by, received_at,
            checked_by, checked_at, accepted, reject_reason""";

    private final JdbcClient jdbc;

    Photos(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Photo insert(long filingId, byte[] content, String contentType, String fileName, Source source, String receivedBy) {
        Timestamp now = new Timestamp(ClockUtil.getCurrentTime().getTime());
        String sha256 = sha256(content);
        jdbc.sql("""
                INSERT INTO icp_photo (filing_id, content, content_type, size_bytes, sha256, file_name, source,
                    received_by, received_at)
                VALUES (:filingId, :content, :type, :size, :sha, :fileName, :source, :by, :at)""")
                .param("filingId", filingId).param("content", content).param("type", contentType)
                .param("size", content.length).param("sha", sha256)
                .param("fileName", fileName == null ? null : fileName.substring(0, Math.min(fileName.length(), 255)))
                .param("source", source.name()).param("by", receivedBy).param("at", now).update();
        return jdbc.sql("SELECT " + COLUMNS + " FROM icp_photo WHERE filing_id = :filingId ORDER BY id DESC LIMIT 1")
                .param("filingId", filingId).query(Photos::map).single();
    }

    /** The last photo received for the filing. */
    Optional<Photo> latest(long filingId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM icp_photo WHERE filing_id = :filingId ORDER BY id DESC LIMIT 1")
                .param("filingId", filingId).query(Photos::map).optional();
    }

    /** The last photo received at or after {@code since}. */
    Optional<Photo> latestSince(long filingId, Date since) {
        return latest(filingId).filter(photo -> !photo.receivedAt().isBefore(since.toInstant()));
    }

    byte[] content(long photoId) {
        return jdbc.sql("SELECT content FROM icp_photo WHERE id = :id").param("id", photoId)
                .query((rs, row) -> rs.getBytes(1)).single();
    }

    void checked(long photoId, String checkedBy, boolean accepted, String rejectReason) {
        jdbc.sql("""
                UPDATE icp_photo SET checked_by = :by, checked_at = :at, accepted = :accepted, reject_reason = :reason
                WHERE id = :id""")
                .param("by", checkedBy).param("at", new Timestamp(ClockUtil.getCurrentTime().getTime()))
                .param("accepted", accepted).param("reason", rejectReason).param("id", photoId).update();
    }

    static String sha256(byte[] content) {
        return Digests.sha256Hex(content);
    }

    private static Photo map(ResultSet rs, int row) throws SQLException {
        Timestamp checkedAt = rs.getTimestamp("checked_at");
        return new Photo(rs.getLong("id"), rs.getLong("filing_id"), rs.getString("content_type"),
                rs.getInt("size_bytes"), rs.getString("sha256"), rs.getString("file_name"),
                Source.valueOf(rs.getString("source")), rs.getString("received_by"),
                rs.getTimestamp("received_at").toInstant(), rs.getString("checked_by"),
                checkedAt == null ? null : checkedAt.toInstant(), (Boolean) rs.getObject("accepted"),
                rs.getString("reject_reason"));
    }
}

package org.promisedesk.audit;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.promisedesk.platform.Digests;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Integrity of what the trail hands out: each exported body (JSON, CSV, printable page, PDF) goes
 * out with the SHA-256 of exactly its bytes, in {@code Repr-Digest} (RFC 9530, Base64) and
 * {@code X-Audit-SHA256} (hex, what {@code sha256sum} prints), and is recorded in
 * {@code audit_export}: who got it and when. Later, an auditor proves a file is the one the
 * system produced by its digest alone ({@link #find}); nothing of the content is stored twice.
 */
@Component
class AuditExports {

    static final String HEX_HEADER = "X-Audit-SHA256";

    record Export(String sha256, String requestKey, String format, long bytes, String exportedBy,
            Instant exportedAt) {
    }

    private final JdbcClient jdbc;
    private final IdentityService identityService;

    AuditExports(JdbcClient jdbc, IdentityService identityService) {
        this.jdbc = jdbc;
        this.identityService = identityService;
    }

    /** Records the body as it is about to be sent; the headers that carry its digest. */
    HttpHeaders seal(String requestKey, String format, byte[] body) {
        String hex = Digests.sha256Hex(body);
        Authentication current = identityService.getCurrentAuthentication();
        jdbc.sql("""
                INSERT INTO audit_export (sha256, request_key, format, byte_count, exported_by, exported_at)
                VALUES (?, ?, ?, ?, ?, ?)""")
                .params(hex, requestKey, format, (long) body.length, current == null ? "?" : current.getUserId(),
                        Timestamp.from(Instant.now()))
                .update();
        HttpHeaders headers = new HttpHeaders();
        headers.set("Repr-Digest", "sha-256=:" + Digests.sha256Base64(body) + ":");
        headers.set(HEX_HEADER, hex);
        return headers;
    }

    /** Every time these exact bytes were handed out, oldest first. */
    List<Export> find(String sha256) {
        return jdbc.sql("""
                SELECT sha256, request_key, format, byte_count, exported_by, exported_at
                FROM audit_export WHERE sha256 = ? ORDER BY exported_at, id""")
                .param(sha256)
                .query((row, n) -> new Export(row.getString("sha256"), row.getString("request_key"),
                        row.getString("format"), row.getLong("byte_count"), row.getString("exported_by"),
                        row.getTimestamp("exported_at").toInstant()))
                .list();
    }
}

package org.promisedesk.audit;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
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
 * {@code audit_export}: who got it and when. A streamed sample is recorded when its last byte is
 * written, and its digest goes in an HTTP trailer to a client that asks for trailers. Later, an auditor proves a file is the one the
 * system produced by its digest alone ({@link #find}); nothing of the content is stored twice.
 */
@Component
class AuditExports {

    static final String HEX_HEADER = "X-Audit-SHA256";

    /** One handing out: of a request's trail ({@code requestKey}) or of a sample ({@code sample}, its query). */
    record Export(String sha256, String requestKey, String sample, String format, long bytes, String exportedBy,
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
        record(requestKey, null, format, hex, body.length);
        HttpHeaders headers = new HttpHeaders();
        headers.set("Repr-Digest", reprDigest(HexFormat.of().parseHex(hex)));
        headers.set(HEX_HEADER, hex);
        return headers;
    }

    /** A streamed sample, recorded once its last byte is written and its digest known. */
    void recordSample(String query, String format, byte[] sha256, long bytes) {
        record(null, query == null ? "" : query, format, HexFormat.of().formatHex(sha256), bytes);
    }

    static String reprDigest(byte[] sha256) {
        return "sha-256=:" + Base64.getEncoder().encodeToString(sha256) + ":";
    }

    private void record(String requestKey, String sample, String format, String hex, long bytes) {
        Authentication current = identityService.getCurrentAuthentication();
        jdbc.sql("""
                INSERT INTO audit_export (sha256, request_key, sample, format, byte_count, exported_by, exported_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(hex, requestKey, sample, format, bytes, current == null ? "?" : current.getUserId(),
                        Timestamp.from(Instant.now()))
                .update();
    }

    /** Every time these exact bytes were handed out, oldest first. */
    List<Export> find(String sha256) {
        return jdbc.sql("""
                SELECT sha256, request_key, sample, format, byte_count, exported_by, exported_at
                FROM audit_export WHERE sha256 = ? ORDER BY exported_at, id""")
                .param(sha256)
                .query((row, n) -> new Export(row.getString("sha256"), row.getString("request_key"),
                        row.getString("sample"), row.getString("format"), row.getLong("byte_count"), row.getString("exported_by"),
                        row.getTimestamp("exported_at").toInstant()))
                .list();
    }
}

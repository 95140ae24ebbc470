package org.promisedesk.audit;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/audit/sample}: the requests that match, as CSV or JSON, streamed
 * ({@link AuditSample}). The parameters are checked before the first byte is sent, so a bad one
 * is still a 400.
 */
@RestController
class AuditSampleController {

    private final AuditAccess access;
    private final AuditSample sample;
    private final AuditExports exports;

    AuditSampleController(AuditAccess access, AuditSample sample, AuditExports exports) {
        this.access = access;
        this.sample = sample;
        this.exports = exports;
    }

    @GetMapping("/api/audit/sample")
    void sample(@RequestParam Map<String, String> parameters, HttpServletRequest httpRequest,
            HttpServletResponse response) throws IOException {
        access.requireReader();
        AuditSample.Request request = AuditSample.parse(parameters);
        boolean json = request.format().equals("json");
        response.setContentType(json ? MediaType.APPLICATION_JSON_VALUE : "text/csv");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                "attachment; filename=\"audit-sample." + (json ? "json" : "csv") + "\"");
        // The digest is known only after the last byte: an HTTP trailer (to a client that sent
        // "TE: trailers"), and the record GET /api/audit/exports/{sha256} reads.
        MessageDigest sha256 = sha256();
        AtomicReference<byte[]> digest = new AtomicReference<>();
        try {
            response.setTrailerFields(() -> digest.get() == null ? Map.of() : Map.of("Repr-Digest",
                    AuditExports.reprDigest(digest.get()), AuditExports.HEX_HEADER, HexFormat.of().formatHex(digest.get())));
            response.setHeader(HttpHeaders.TRAILER, "Repr-Digest, " + AuditExports.HEX_HEADER);
        } catch (IllegalStateException noTrailers) {
            // HTTP/1.0 and the like: the record below still vouches for the file
        }
        CountingOutputStream out = new CountingOutputStream(new DigestOutputStream(response.getOutputStream(), sha256));
        sample.write(request, out);
        out.flush();
        digest.set(sha256.digest());
        exports.recordSample(httpRequest.getQueryString(), request.format(), digest.get(), out.count);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final class CountingOutputStream extends FilterOutputStream {
        long count;

        CountingOutputStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }
    }
}

package org.promisedesk.audit;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.promisedesk.platform.InvalidParameter;
import org.promisedesk.platform.NotFound;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Did the system produce this file? {@code GET /api/audit/exports/{sha256}} with the SHA-256 of the
 * file as {@code sha256sum} prints it: every time the system handed out exactly those bytes, or 404.
 */
@RestController
class AuditExportController {

    private static final Pattern SHA256 = Pattern.compile("[0-9a-fA-F]{64}");

    private final AuditAccess access;
    private final AuditExports exports;

    AuditExportController(AuditAccess access, AuditExports exports) {
        this.access = access;
        this.exports = exports;
    }

    @GetMapping("/api/audit/exports/{sha256}")
    List<AuditExports.Export> find(@PathVariable String sha256) {
        access.requireReader();
        if (!SHA256.matcher(sha256).matches()) {
            throw new InvalidParameter("sha256", "must be the 64 hex digits of a SHA-256, as sha256sum prints it");
        }
        List<AuditExports.Export> found = exports.find(sha256.toLowerCase(Locale.ROOT));
        if (found.isEmpty()) {
            throw new NotFound("Unknown export", "The system never handed out a file with this SHA-256.");
        }
        return found;
    }
}

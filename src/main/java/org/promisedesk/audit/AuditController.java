package org.promisedesk.audit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.promisedesk.platform.InvalidParameter;
import org.promisedesk.platform.InvalidParameters;
import org.promisedesk.platform.Page;
import org.promisedesk.platform.Paging;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.util.MimeTypeUtils;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The audit trail, for auditors and team leads. Read only: there is no other verb here, so a
 * write attempt is a 405.
 */
@RestController
@RequestMapping("/api/audit/requests")
class AuditController {

    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9-]{1,64}");
    private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private final AuditAccess access;
    private final AuditTrail trails;
    private final AuditReport report;
    private final AuditSearch search;
    private final ObjectMapper json;
    private final AuditExports exports;

    AuditController(AuditAccess access, AuditTrail trails, AuditReport report, AuditSearch search, ObjectMapper json,
            AuditExports exports) {
        this.access = access;
        this.trails = trails;
        this.report = report;
        this.search = search;
        this.json = json;
        this.exports = exports;
    }

    @GetMapping
    Page<AuditSearch.Found> find(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) Long customerId,
            @RequestParam(required = false) String process,
            @RequestParam(required = false) String outcome,
            @RequestParam(name = "class", required = false) String requestClass,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        access.requireReader();
        return search.find(new AuditSearch.Criteria(from, to, customerId, process, outcome, requestClass),
                new Paging(page, size));
    }

    /** The trail as JSON or CSV; the digest of the body it sends in its headers ({@link AuditExports}). */
    @GetMapping("/{key}")
    ResponseEntity<byte[]> trail(@PathVariable String key, @RequestParam(required = false) String format)
            throws IOException {
        access.requireReader();
        Map<String, String> problems = new LinkedHashMap<>();
        if (!KEY.matcher(key).matches()) {
            problems.put("key", "must be a request key such as REQ-2026-000123");
        }
        if (format != null && !format.equals("json") && !format.equals("csv")) {
            problems.put("format", "must be json or csv");
        }
        if (!problems.isEmpty()) {
            throw new InvalidParameters(problems);
        }
        Trail trail = trails.of(key);
        if (format == null || format.equals("json")) {
            return sealed(key, "json", MediaType.APPLICATION_JSON, null, json.writeValueAsBytes(trail));
        }
        return sealed(key, "csv", CSV, "attachment; filename=\"audit-" + key + ".csv\"",
                AuditCsv.of(trail, json).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * A printable page; {@code Accept: application/pdf} gets the same page as PDF. {@code detailed=true}
     * adds every step the engine passed and every value a step wrote.
     */
    @GetMapping("/{key}/report")
    ResponseEntity<byte[]> report(@PathVariable String key, @RequestParam(defaultValue = "false") boolean detailed,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        access.requireReader();
        Trail trail = trails.of(checked(key));
        if (wantsPdf(accept)) {
            return sealed(key, "pdf", MediaType.APPLICATION_PDF, "inline; filename=\"audit-" + key + ".pdf\"",
                    report.pdf(trail, detailed));
        }
        return sealed(key, "html", new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8), null,
                report.html(trail, detailed).getBytes(StandardCharsets.UTF_8));
    }

    private ResponseEntity<byte[]> sealed(String key, String format, MediaType type, String disposition, byte[] body) {
        ResponseEntity.BodyBuilder response = ResponseEntity.ok().contentType(type)
                .headers(exports.seal(key, format, body));
        if (disposition != null) {
            response.header(HttpHeaders.CONTENT_DISPOSITION, disposition);
        }
        return response.body(body);
    }

    private static boolean wantsPdf(String accept) {
        if (accept == null) {
            return false;
        }
        List<MediaType> accepted = MediaType.parseMediaTypes(accept);
        MimeTypeUtils.sortBySpecificity(accepted);
        return accepted.stream().filter(type -> !type.isWildcardType())
                .findFirst().map(MediaType.APPLICATION_PDF::isCompatibleWith).orElse(false);
    }

    private static String checked(String key) {
        if (!KEY.matcher(key).matches()) {
            throw new InvalidParameter("key", "must be a request key such as REQ-2026-000123");
        }
        return key;
    }
}

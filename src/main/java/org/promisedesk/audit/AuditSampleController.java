package org.promisedesk.audit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

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

    AuditSampleController(AuditAccess access, AuditSample sample) {
        this.access = access;
        this.sample = sample;
    }

    @GetMapping("/api/audit/sample")
    void sample(@RequestParam Map<String, String> parameters, HttpServletResponse response) throws IOException {
        access.requireReader();
        AuditSample.Request request = AuditSample.parse(parameters);
        boolean json = request.format().equals("json");
        response.setContentType(json ? MediaType.APPLICATION_JSON_VALUE : "text/csv");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                "attachment; filename=\"audit-sample." + (json ? "json" : "csv") + "\"");
        sample.write(request, response.getOutputStream());
    }
}

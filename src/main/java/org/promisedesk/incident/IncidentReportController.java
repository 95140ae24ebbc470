package org.promisedesk.incident;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.promisedesk.platform.Groups;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/incidents/{id}/report}: the published report as customers got it, HTML or (with
 * {@code Accept: application/pdf}) PDF, in English or Chinese ({@code ?lang=zh-CN}, else
 * {@code Accept-Language}). For agents, tech, leads and auditors; others get 403. Errors are
 * problem details whatever the request accepts.
 */
@RestController
@RequestMapping("/api/incidents")
class IncidentReportController {

    static final Set<String> READERS = Set.of(Groups.AGENTS, Groups.TECH, Groups.LEADS, Groups.AUDITORS);
    static final MediaType PDF = MediaType.APPLICATION_PDF;
    static final MediaType HTML = new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8);

    private final Incidents incidents;
    private final IdentityService identityService;

    IncidentReportController(Incidents incidents, IdentityService identityService) {
        this.incidents = incidents;
        this.identityService = identityService;
    }

    @GetMapping("/{id}/report")
    ResponseEntity<?> report(@PathVariable long id, @RequestParam(required = false) String lang,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept,
            @RequestHeader(value = HttpHeaders.ACCEPT_LANGUAGE, required = false) String acceptLanguage) {
        Authentication user = identityService.getCurrentAuthentication();
        if (user == null || user.getGroupIds() == null || user.getGroupIds().stream().noneMatch(READERS::contains)) {
            return problem(HttpStatus.FORBIDDEN, "Forbidden", "Incident reports are for the groups " + READERS);
        }
        if (lang != null && !ReportDocuments.LANGUAGES.contains(lang)) {
            return problem(HttpStatus.BAD_REQUEST, "Invalid request parameter",
                    "Parameter 'lang' must be one of " + ReportDocuments.LANGUAGES);
        }
        MediaType format = format(accept);
        if (format == null) {
            return problem(HttpStatus.NOT_ACCEPTABLE, "Not Acceptable", "The report is text/html or application/pdf");
        }
        if (incidents.find(id).isEmpty()) {
            return problem(HttpStatus.NOT_FOUND, "Unknown incident", "No incident with id " + id);
        }
        String language = lang != null ? lang : language(acceptLanguage);
        return incidents.report(id, language)
                .<ResponseEntity<?>>map(report -> format == PDF
                        ? ResponseEntity.ok().contentType(PDF)
                                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                                        .filename(IncidentReportPdf.fileName(id, language)).build().toString())
                                .body(report.pdf())
                        : ResponseEntity.ok().contentType(HTML).body(report.html()))
                .orElseGet(() -> problem(HttpStatus.NOT_FOUND, "Report not published",
                        "The report of incident " + id + " is not published yet"));
    }

    /** HTML unless PDF is asked for first; null when the client takes neither. */
    private static MediaType format(String accept) {
        if (accept == null || accept.isBlank()) {
            return HTML;
        }
        List<MediaType> accepted;
        try {
            accepted = new ArrayList<>(MediaType.parseMediaTypes(accept));
        } catch (InvalidMediaTypeException e) {
            return null;
        }
        accepted.sort(Comparator.comparingDouble(MediaType::getQualityValue).reversed());
        for (MediaType type : accepted) {
            if (type.getQualityValue() > 0 && type.isCompatibleWith(MediaType.TEXT_HTML)) {
                return HTML;
            }
            if (type.getQualityValue() > 0 && type.isCompatibleWith(PDF)) {
                return PDF;
            }
        }
        return null;
    }

    private static String language(String acceptLanguage) {
        return acceptLanguage != null && acceptLanguage.strip().toLowerCase().startsWith("zh") ? "zh-CN" : "en";
    }

    /** With its content type set, so that it is written as JSON even to a client that asked for a PDF. */
    private static ResponseEntity<?> problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        problem.setType(URI.create("about:blank"));
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}

package org.promisedesk.audit;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import org.promisedesk.audit.AuditEntry.Kind;
import org.promisedesk.platform.HtmlToPdf;
import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * The trail as a printable page (XHTML, so the same page renders to PDF): the request's
 * instances, its timeline, the decisions and the messages. Template: templates/audit/request-report.html.
 */
@Component
class AuditReport {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.of("Asia/Shanghai"));

    private final TemplateEngine templates = new TemplateEngine();
    private final HtmlToPdf htmlToPdf;

    AuditReport(HtmlToPdf htmlToPdf) {
        this.htmlToPdf = htmlToPdf;
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/audit/");
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.XML);
        resolver.setCharacterEncoding("UTF-8");
        templates.setTemplateResolver(resolver);
    }

    String html(Trail trail) {
        Context context = new Context();
        context.setVariables(Map.of(
                "trail", trail,
                "timeline", trail.entries().stream()
                        .filter(entry -> entry.kind() != Kind.VARIABLE_CHANGED && entry.kind() != Kind.ACTIVITY_STARTED)
                        .toList(),
                "decisions", only(trail, Kind.DECISION),
                "messages", trail.entries().stream()
                        .filter(entry -> entry.kind() == Kind.EMAIL_SENT || entry.kind() == Kind.EMAIL_RECEIVED).toList(),
                "time", TIME,
                "fontFamily", HtmlToPdf.FONT_FAMILY));
        return templates.process("request-report", context);
    }

    byte[] pdf(Trail trail) {
        return htmlToPdf.render(html(trail));
    }

    private static List<AuditEntry> only(Trail trail, Kind kind) {
        return trail.entries().stream().filter(entry -> entry.kind() == kind).toList();
    }
}

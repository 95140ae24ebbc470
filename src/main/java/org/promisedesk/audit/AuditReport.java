package org.promisedesk.audit;

import java.util.Map;

import org.promisedesk.platform.HtmlToPdf;
import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * The trail as a printable page (XHTML, so the same page renders to PDF), told as a story
 * ({@link AuditStory}): the request's processes, its timeline, the decisions and the messages with
 * their full text. {@code detailed} adds the engine's every step and value. Template:
 * templates/audit/request-report.html.
 */
@Component
class AuditReport {

    private final TemplateEngine templates = new TemplateEngine();
    private final HtmlToPdf htmlToPdf;
    private final AuditStory story;

    AuditReport(HtmlToPdf htmlToPdf, AuditStory story) {
        this.htmlToPdf = htmlToPdf;
        this.story = story;
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/audit/");
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.XML);
        resolver.setCharacterEncoding("UTF-8");
        templates.setTemplateResolver(resolver);
    }

    String html(Trail trail, boolean detailed) {
        Context context = new Context();
        context.setVariables(Map.of(
                "story", story.of(trail, detailed),
                "fontFamily", HtmlToPdf.FONT_FAMILY));
        return templates.process("request-report", context);
    }

    byte[] pdf(Trail trail, boolean detailed) {
        return htmlToPdf.render(html(trail, detailed));
    }
}

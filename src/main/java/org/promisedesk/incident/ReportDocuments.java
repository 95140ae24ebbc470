package org.promisedesk.incident;

import org.promisedesk.mail.TemplateFormats;
import org.promisedesk.platform.HtmlToPdf;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * The report as a document: {@code templates/incident/incident-report.<lang>.html}, a complete
 * XHTML page (so that {@link HtmlToPdf} can lay it out), with the same variables as the e-mail
 * ({@code incident-report} in templates/mail) plus {@code fmt} and {@code publishedAt}.
 */
@Component
class ReportDocuments {

    /** The report is published in every language a customer may prefer, whoever was affected. */
    static final List<String> LANGUAGES = List.of("en", "zh-CN");
    static final String FORMATS = "fmt";

    private final TemplateEngine engine = new TemplateEngine();
    private final IncidentSettings settings;

    ReportDocuments(IncidentSettings settings) {
        this.settings = settings;
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/incident/");
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCheckExistence(true);
        engine.setTemplateResolver(resolver);
    }

    String render(String language, Map<String, Object> variables) {
        Locale locale = Locale.forLanguageTag(language);
        Map<String, Object> all = new HashMap<>(variables);
        all.put(FORMATS, new TemplateFormats(settings.timeZone(), locale));
        return engine.process("incident-report." + language, new Context(locale, all));
    }
}

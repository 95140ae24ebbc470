package org.promisedesk.mail;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Renders {@code templates/mail/<template>.<lang>.html} (the subject is its {@code <title>}) and
 * {@code <template>.<lang>.txt}, the plain-text alternative. Variables are escaped in HTML, and a
 * variable the template names but nobody gave fails the rendering.
 */
@Component
class MailTemplates {

    static final String FOLDER = "templates/mail/";
    /** Every template exists in each of these; they are the customers' {@code preferredLanguage}s. */
    static final String[] LANGUAGES = {"en", "zh-CN"};
    static final String FORMATS = "fmt";

    private static final Pattern TITLE = Pattern.compile("<title>(.*?)</title>", Pattern.DOTALL);

    private final TemplateEngine engine = new TemplateEngine();
    private final MailSettings settings;

    MailTemplates(MailSettings settings) {
        this.settings = settings;
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix(FOLDER);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCheckExistence(true);
        resolver.getHtmlTemplateModePatternSpec().addPattern("*.html");
        resolver.getTextTemplateModePatternSpec().addPattern("*.txt");
        engine.setTemplateResolver(resolver);
        engine.setEngineContextFactory(new StrictEngineContextFactory());
    }

    RenderedMail render(String template, String language, Map<String, Object> variables) {
        Locale locale = Locale.forLanguageTag(language);
        Map<String, Object> all = new HashMap<>(variables);
        all.put(FORMATS, new TemplateFormats(settings.timeZone(), locale));
        Context context = new Context(locale, all);
        String name = template + "." + language;
        String html = engine.process(name + ".html", context);
        String text = engine.process(name + ".txt", context);
        Matcher title = TITLE.matcher(html);
        if (!title.find() || title.group(1).isBlank()) {
            throw new IllegalStateException(FOLDER + name + ".html has no <title>: it is the subject");
        }
        String subject = HtmlUtils.htmlUnescape(title.group(1)).replaceAll("\\s+", " ").strip();
        return new RenderedMail(subject, html, text.strip() + "\n");
    }

    record RenderedMail(String subject, String html, String text) {
    }
}

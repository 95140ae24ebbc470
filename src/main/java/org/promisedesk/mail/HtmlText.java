package org.promisedesk.mail;

import java.util.regex.Pattern;

import org.springframework.web.util.HtmlUtils;

/** The readable text of an HTML-only e-mail: blocks become lines, scripts and styles go. */
final class HtmlText {

    private static final Pattern INVISIBLE = Pattern.compile("(?is)<(script|style|head)\\b.*?</\\1\\s*>|<!--.*?-->");
    private static final Pattern LINE_BREAK = Pattern.compile("(?i)<br\\s*/?>");
    private static final Pattern BLOCK_END = Pattern.compile("(?i)</(p|div|li|tr|h[1-6]|blockquote|table)\\s*>");
    private static final Pattern QUOTE_START = Pattern.compile("(?i)<blockquote\\b[^>]*>");
    private static final Pattern TAG = Pattern.compile("<[^>]*>");

    static String toText(String html) {
        String text = INVISIBLE.matcher(html).replaceAll("");
        text = LINE_BREAK.matcher(text).replaceAll("\n");
        text = BLOCK_END.matcher(text).replaceAll("\n");
        // Quoted history in HTML is a blockquote: mark it as a quote, so it is stripped like one.
        text = QUOTE_START.matcher(text).replaceAll("\n> ");
        text = TAG.matcher(text).replaceAll("");
        text = HtmlUtils.htmlUnescape(text).replace('\u00a0', ' ');
        return text.replaceAll("[ \\t]+", " ").replaceAll(" ?\\n ?", "\n").replaceAll("\\n{3,}", "\n\n").strip();
    }

    private HtmlText() {
    }
}

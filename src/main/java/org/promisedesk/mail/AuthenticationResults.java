package org.promisedesk.mail;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * The SPF, DKIM and DMARC results that mail servers on the way wrote into
 * {@code Authentication-Results} headers (RFC 8601), e.g. {@code spf=pass dkim=pass dmarc=fail}.
 * Only a {@code fail} is acted on: a sender can add such a header itself, but a forged
 * {@code pass} gains it nothing (a pass is never required), and a {@code fail} it adds only hurts
 * itself. Which server wrote a header is not checked (see docs/messaging.md).
 */
record AuthenticationResults(List<String> results) {

    private static final Set<String> METHODS = Set.of("spf", "dkim", "dmarc");
    private static final Pattern RESULT = Pattern.compile("^\\s*([A-Za-z0-9-]+)(?:/[0-9]+)?\\s*=\\s*([A-Za-z]+)");
    private static final int MAX_TEXT = 300;

    static AuthenticationResults of(MimeMessage message) {
        List<String> results = new ArrayList<>();
        try {
            String[] headers = message.getHeader("Authentication-Results");
            for (String header : headers == null ? new String[0] : headers) {
                String[] parts = withoutComments(InboundHeaders.singleLine(header)).split(";");
                // parts[0] is the server that wrote it (authserv-id)
                for (int i = 1; i < parts.length; i++) {
                    Matcher matcher = RESULT.matcher(parts[i]);
                    if (matcher.find() && METHODS.contains(matcher.group(1).toLowerCase(Locale.ROOT))) {
                        results.add(matcher.group(1).toLowerCase(Locale.ROOT) + "="
                                + matcher.group(2).toLowerCase(Locale.ROOT));
                    }
                }
            }
        } catch (MessagingException | RuntimeException e) {
            results.add("unreadable");
        }
        return new AuthenticationResults(List.copyOf(results));
    }

    boolean present() {
        return !results.isEmpty();
    }

    /** The results that failed, e.g. {@code [dmarc=fail]}. */
    List<String> failures() {
        return results.stream().filter(result -> result.endsWith("=fail")).toList();
    }

    /** {@code spf=pass dkim=pass dmarc=fail}, or null when there were none. */
    String text() {
        return present() ? InboundHeaders.shorten(String.join(" ", results), MAX_TEXT) : null;
    }

    /** RFC 8601 comments are in parentheses, possibly nested; a result can hide in none of them. */
    private static String withoutComments(String header) {
        StringBuilder text = new StringBuilder();
        int depth = 0;
        for (char c : header.toCharArray()) {
            if (c == '(') {
                depth++;
            } else if (c == ')' && depth > 0) {
                depth--;
            } else if (depth == 0) {
                text.append(c);
            }
        }
        return text.toString();
    }
}

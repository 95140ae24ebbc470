package org.promisedesk.intake;

import java.util.List;

import org.camunda.bpm.engine.BadUserRequestException;
import org.promisedesk.platform.FreeText;

/**
 * Text checks shared by the intake steps and {@code POST /api/requests}; every problem names its
 * field. The text must be plain text ({@link FreeText}); a field that is one line on its form (a
 * subject, a name, an address) takes no line break.
 */
final class Texts {

    private Texts() {
    }

    /** The stripped multi-line text, or null with a problem when missing, not plain text, shorter than {@code min} or longer than {@code max}. */
    static String required(Object value, String field, int min, int max, List<String> problems) {
        return required(value, field, min, max, true, problems);
    }

    /** {@link #required(Object, String, int, int, List)} for a single-line field. */
    static String requiredLine(Object value, String field, int min, int max, List<String> problems) {
        return required(value, field, min, max, false, problems);
    }

    private static String required(Object value, String field, int min, int max, boolean multiLine,
            List<String> problems) {
        String problem = problemOfRequired(value, min, max, multiLine);
        if (problem != null) {
            problems.add(field + " " + problem);
            return null;
        }
        return ((String) value).strip();
    }

    /**
     * What is wrong with a required text, as the end of a sentence starting with the field's name,
     * or null. The limits count without surrounding white space, which the process strips.
     */
    static String problemOfRequired(Object value, int min, int max, boolean multiLine) {
        if (!(value instanceof String text) || text.isBlank()) {
            return "is required" + (min > 1 ? ": at least " + min + " characters" : "");
        }
        String stripped = text.strip();
        String notPlain = FreeText.problem(stripped, multiLine);
        if (notPlain != null) {
            return notPlain;
        }
        if (stripped.length() < min) {
            return "is too short: at least " + min + " characters";
        }
        if (stripped.length() > max) {
            return "is too long: at most " + max + " characters";
        }
        return null;
    }

    /** The stripped multi-line text, null when missing or blank, a problem when not plain text or longer than {@code max}. */
    static String optional(Object value, String field, int max, List<String> problems) {
        return optional(value, field, max, true, problems);
    }

    /** {@link #optional(Object, String, int, List)} for a single-line field. */
    static String optionalLine(Object value, String field, int max, List<String> problems) {
        return optional(value, field, max, false, problems);
    }

    private static String optional(Object value, String field, int max, boolean multiLine, List<String> problems) {
        if (value == null || value instanceof String text && text.isBlank()) {
            return null;
        }
        if (!(value instanceof String text)) {
            problems.add(field + " '" + value + "' is not text");
            return null;
        }
        String stripped = text.strip();
        String notPlain = FreeText.problem(stripped, multiLine);
        if (notPlain != null) {
            problems.add(field + " " + notPlain);
            return null;
        }
        if (stripped.length() > max) {
            problems.add(field + " is too long: at most " + max + " characters");
            return null;
        }
        return stripped;
    }

    static boolean isTrue(Object value) {
        return Boolean.TRUE.equals(value) || value instanceof String text && "true".equalsIgnoreCase(text.strip());
    }

    /** Throws one rejection naming every problem, when there are any. */
    static void reject(String what, List<String> problems) {
        if (!problems.isEmpty()) {
            throw new BadUserRequestException(what + ": " + String.join("; ", problems));
        }
    }
}

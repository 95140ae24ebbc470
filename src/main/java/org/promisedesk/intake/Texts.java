package org.promisedesk.intake;

import java.util.List;

import org.camunda.bpm.engine.BadUserRequestException;

/** Text checks shared by the intake steps; every problem names its field. */
final class Texts {

    private Texts() {
    }

    /** The stripped text, or null with a problem when missing, shorter than {@code min} or longer than {@code max}. */
    static String required(Object value, String field, int min, int max, List<String> problems) {
        if (!(value instanceof String text) || text.isBlank()) {
            problems.add(field + " is required" + (min > 1 ? ": at least " + min + " characters" : ""));
            return null;
        }
        String stripped = text.strip();
        if (stripped.length() < min) {
            problems.add(field + " is too short: at least " + min + " characters");
            return null;
        }
        if (stripped.length() > max) {
            problems.add(field + " is too long: at most " + max + " characters");
            return null;
        }
        return stripped;
    }

    /** The stripped text, null when missing or blank, a problem when longer than {@code max}. */
    static String optional(Object value, String field, int max, List<String> problems) {
        if (value == null || value instanceof String text && text.isBlank()) {
            return null;
        }
        if (!(value instanceof String text)) {
            problems.add(field + " '" + value + "' is not text");
            return null;
        }
        String stripped = text.strip();
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

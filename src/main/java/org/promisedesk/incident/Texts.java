package org.promisedesk.incident;

/**
 * What the process accepts as a written part of the report (root cause, resolution, an action,
 * a review comment): at least {@value #MIN_LENGTH} characters that are not blank at either end.
 * The forms say the same in {@code validate.minLength}.
 */
final class Texts {

    static final int MIN_LENGTH = 10;

    /** The text without surrounding blanks, or null when missing, not text or shorter than {@code min}. */
    static String valid(Object value, int min) {
        if (!(value instanceof String text)) {
            return null;
        }
        String stripped = text.strip();
        return stripped.isEmpty() || stripped.length() < min ? null : stripped;
    }

    static String valid(Object value) {
        return valid(value, MIN_LENGTH);
    }

    static String rule(String field) {
        return field + " is required: at least " + MIN_LENGTH + " characters";
    }

    private Texts() {
    }
}

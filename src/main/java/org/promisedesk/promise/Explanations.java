package org.promisedesk.promise;

/**
 * What the process accepts as an explanation (the promise itself, what we tell the customer,
 * why a date moved, why a promise is cancelled): at least {@value #MIN_LENGTH} characters that
 * are not blank at either end. The forms say the same in {@code validate.minLength}.
 */
final class Explanations {

    static final int MIN_LENGTH = 10;

    /** The text without surrounding blanks, or null when it is missing, not text or too short. */
    static String valid(Object value) {
        if (!(value instanceof String text)) {
            return null;
        }
        String stripped = text.strip();
        return stripped.length() >= MIN_LENGTH ? stripped : null;
    }

    static String rule(String field) {
        return field + " is required: at least " + MIN_LENGTH + " characters";
    }

    private Explanations() {
    }
}

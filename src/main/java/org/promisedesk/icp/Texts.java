package org.promisedesk.icp;

/**
 * What the filing accepts as text a person writes for the customer (review comments, rejection
 * reasons, why a photo is unusable): at least {@value #MIN_LENGTH} characters. The forms say the
 * same in {@code validate.minLength}.
 */
final class Texts {

    static final int MIN_LENGTH = 10;

    /** The text without surrounding blanks, or null when missing, not text or too short. */
    static String explanation(Object value) {
        if (!(value instanceof String text)) {
            return null;
        }
        String stripped = text.strip();
        return stripped.length() >= MIN_LENGTH ? stripped : null;
    }

    static String rule(String field) {
        return field + " is required: at least " + MIN_LENGTH + " characters";
    }

    private Texts() {
    }
}

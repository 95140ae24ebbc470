package org.promisedesk.requirement;

import java.util.List;

import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * What the requirement process accepts as text: at least a minimum number of characters that are
 * not blank at either end. What the customer reads (the reason of a decision, a quote) needs
 * {@value #LETTER_MIN}; a note or an analysis field {@value #NOTE_MIN}. The forms say the same
 * in {@code validate.minLength}.
 */
final class Texts {

    static final int LETTER_MIN = 30;
    static final int NOTE_MIN = 10;

    /** The text without surrounding blanks, or null when it is missing, not text or too short. */
    static String atLeast(Object value, int min) {
        if (!(value instanceof String text)) {
            return null;
        }
        String stripped = text.strip();
        return stripped.length() >= min ? stripped : null;
    }

    /** A required text: stripped in {@code scope}, or a problem naming the field. */
    static String required(VariableScope scope, String field, int min, String what, List<String> problems) {
        String valid = atLeast(scope.getVariable(field), min);
        if (valid == null) {
            problems.add(field + " is required: at least " + min + " characters " + what);
        } else if (!valid.equals(scope.getVariable(field))) {
            scope.setVariable(field, valid);
        }
        return valid;
    }

    /** Whether the value is blank: missing, or text of blanks only (what a form submits for an empty field). */
    static boolean blank(Object value) {
        return value == null || value instanceof String text && text.isBlank();
    }

    private Texts() {
    }
}

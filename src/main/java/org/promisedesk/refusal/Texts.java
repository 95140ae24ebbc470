package org.promisedesk.refusal;

import java.util.List;

import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * What the refusal accepts as text: at least a minimum number of characters that are not blank
 * at either end. An explanation the customer reads needs {@value #EXPLANATION_MIN}; a note, a
 * summary or an alternative {@value #NOTE_MIN}. The forms say the same in {@code validate.minLength}.
 */
final class Texts {

    static final int EXPLANATION_MIN = 30;
    static final int NOTE_MIN = 10;

    /** The text without surrounding blanks, or null when it is missing, not text or too short. */
    static String atLeast(Object value, int min) {
        if (!(value instanceof String text)) {
            return null;
        }
        String stripped = text.strip();
        return stripped.length() >= min ? stripped : null;
    }

    static String rule(String field, int min) {
        return field + " is required: at least " + min + " characters";
    }

    /**
     * An optional text in {@code scope}: removed when blank (a form submits an empty field as ""),
     * stripped when given, and a problem when given but shorter than {@code min}.
     */
    static void optional(VariableScope scope, String field, int min, List<String> problems) {
        Object value = scope.getVariable(field);
        if (value == null) {
            return;
        }
        if (value instanceof String text && text.isBlank()) {
            scope.removeVariable(field);
            return;
        }
        String valid = atLeast(value, min);
        if (valid == null) {
            problems.add(field + ", when given, needs at least " + min + " characters");
        } else if (!valid.equals(value)) {
            scope.setVariable(field, valid);
        }
    }

    /** Sets the stripped text only when that changes it, so the history shows the submission once. */
    static void normalise(VariableScope scope, String field, String valid) {
        if (!valid.equals(scope.getVariable(field))) {
            scope.setVariable(field, valid);
        }
    }

    private Texts() {
    }
}

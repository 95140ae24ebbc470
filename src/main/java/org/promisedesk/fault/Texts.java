package org.promisedesk.fault;

import org.camunda.bpm.engine.delegate.VariableScope;

/** What the fault process accepts as text: at least {@value #NOTE_MIN} characters that are not blank. */
final class Texts {

    static final int NOTE_MIN = 10;

    /** The text without surrounding blanks, or null when it is missing, not text or too short. */
    static String atLeast(Object value, int min) {
        if (!(value instanceof String text)) {
            return null;
        }
        String stripped = text.strip();
        return stripped.length() >= min ? stripped : null;
    }

    static String rule(String field) {
        return field + " is required: at least " + NOTE_MIN + " characters";
    }

    /** Sets the stripped text only when that changes it, so the history shows the submission once. */
    static void normalise(VariableScope scope, String field, String valid) {
        if (!valid.equals(scope.getVariable(field))) {
            scope.setVariable(field, valid);
        }
    }

    /** Removes a field a form submitted empty (""), so templates and checks see it as missing. */
    static void dropBlank(VariableScope scope, String field) {
        if (scope.getVariable(field) instanceof String text && text.isBlank()) {
            scope.removeVariable(field);
        }
    }

    private Texts() {
    }
}

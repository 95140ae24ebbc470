package org.promisedesk.intake;

import static org.promisedesk.intake.IntakeProcess.BODY;
import static org.promisedesk.intake.IntakeProcess.OUT_OF_SCOPE;
import static org.promisedesk.intake.IntakeProcess.REQUEST_SUMMARY;
import static org.promisedesk.intake.IntakeProcess.SCOPE_NOTE;
import static org.promisedesk.intake.IntakeProcess.SUBJECT;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * "Out of scope" in an agent's form: a refusal follows, which needs what the customer asked for
 * ({@code requestSummary}: subject and text) and a note from the agent on why ({@code scopeNote},
 * at least {@value #NOTE_MIN} characters), which pre-fills nothing but stays in the history.
 */
final class Scope {

    static final int NOTE_MIN = 10;
    private static final int SUMMARY_MAX = 1000;

    private Scope() {
    }

    static boolean outOfScope(DelegateExecution execution) {
        return Texts.isTrue(execution.getVariable(OUT_OF_SCOPE));
    }

    /** Normalises outOfScope to a boolean; out of scope needs the note. Sets the refusal's summary. */
    static void check(DelegateExecution execution, List<String> problems) {
        boolean out = outOfScope(execution);
        execution.setVariable(OUT_OF_SCOPE, out);
        if (!out) {
            return;
        }
        if (Texts.required(execution.getVariable(SCOPE_NOTE), SCOPE_NOTE, NOTE_MIN, 2000, problems) == null) {
            problems.set(problems.size() - 1, problems.get(problems.size() - 1) + " (why it is out of scope)");
        }
        String summary = execution.getVariable(SUBJECT) + ": " + execution.getVariable(BODY);
        if (summary.length() < NOTE_MIN) {
            summary = "Request " + execution.getProcessBusinessKey() + ": " + summary;
        }
        execution.setVariable(REQUEST_SUMMARY, summary.length() > SUMMARY_MAX
                ? summary.substring(0, SUMMARY_MAX - 1) + "…" : summary);
    }
}

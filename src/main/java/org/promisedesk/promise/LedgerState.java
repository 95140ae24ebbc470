package org.promisedesk.promise;

import java.util.Arrays;
import java.util.stream.Collectors;

import org.promisedesk.platform.InvalidParameter;

/**
 * The {@code state} filter of the promise ledger. {@code open}: every promise not yet ended,
 * overdue ones included (their entries say {@code overdue}); {@code overdue}: not ended and past
 * the due date; {@code kept}, {@code cannot-be-done}, {@code cancelled}: ended so; {@code all}.
 */
enum LedgerState {

    OPEN("open"), OVERDUE("overdue"), KEPT(PromiseProcess.OUTCOME_KEPT),
    CANNOT_BE_DONE(PromiseProcess.OUTCOME_CANNOT_BE_DONE), CANCELLED(PromiseProcess.OUTCOME_CANCELLED), ALL("all");

    private final String label;

    LedgerState(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }

    static LedgerState parse(String parameter, String value) {
        return Arrays.stream(values()).filter(state -> state.label.equals(value.strip())).findFirst()
                .orElseThrow(() -> new InvalidParameter(parameter, "must be one of " + Arrays.stream(values())
                        .map(LedgerState::label).collect(Collectors.joining(", ")) + ", not '" + value + "'"));
    }
}

package org.promisedesk.intake;

import static org.promisedesk.intake.IntakeProcess.CLOSED_BY;
import static org.promisedesk.intake.IntakeProcess.CLOSED_BY_CUSTOMER;
import static org.promisedesk.intake.IntakeProcess.CONFIRMATION;
import static org.promisedesk.intake.IntakeProcess.CONFIRMATIONS;
import static org.promisedesk.intake.IntakeProcess.CONFIRMATION_NOTE;
import static org.promisedesk.intake.IntakeProcess.CONFIRM_NOT_SOLVED;
import static org.promisedesk.intake.IntakeProcess.CONFIRM_SOLVED;
import static org.promisedesk.intake.IntakeProcess.SOLVED;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Completion of {@code Task_RecordConfirmation} / {@code Task_ReadConfirmation}: the customer's
 * answer, solved or not-solved, and for not-solved what is still wrong ({@code confirmationNote},
 * at least {@value #NOTE_MIN} characters: whoever works it again reads it). Sets {@code solved}.
 */
@Component
class CheckConfirmation implements TaskListener {

    private static final Logger log = LoggerFactory.getLogger(CheckConfirmation.class);
    static final int NOTE_MIN = 10;

    @Override
    public void notify(DelegateTask task) {
        DelegateExecution execution = task.getExecution();
        List<String> problems = new ArrayList<>();
        Object answer = execution.getVariable(CONFIRMATION);
        if (!CONFIRMATIONS.contains(answer)) {
            problems.add(CONFIRMATION + (answer == null ? " is required" : " '" + answer + "' is not allowed")
                    + ": one of " + String.join(", ", CONFIRMATIONS));
        }
        if (CONFIRM_NOT_SOLVED.equals(answer)) {
            Texts.required(execution.getVariable(CONFIRMATION_NOTE), CONFIRMATION_NOTE, NOTE_MIN, 4000, problems);
        }
        Texts.reject("The customer's answer cannot be recorded", problems);
        boolean solved = CONFIRM_SOLVED.equals(answer);
        execution.setVariable(SOLVED, solved);
        if (solved) {
            execution.setVariable(CLOSED_BY, CLOSED_BY_CUSTOMER);
        }
        log.info("Request {}: the customer says {} (recorded by {})", execution.getProcessBusinessKey(), answer,
                Actors.of(task));
    }
}

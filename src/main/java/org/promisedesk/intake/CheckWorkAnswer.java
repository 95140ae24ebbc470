package org.promisedesk.intake;

import static org.promisedesk.intake.IntakeProcess.ANSWER_TEXT;
import static org.promisedesk.intake.IntakeProcess.HANDLED_BY;
import static org.promisedesk.intake.IntakeProcess.OUTCOME_ANSWERED;
import static org.promisedesk.intake.IntakeProcess.OUTCOME_ESCALATE;
import static org.promisedesk.intake.IntakeProcess.OUTCOME_OUT_OF_SCOPE;
import static org.promisedesk.intake.IntakeProcess.OUT_OF_SCOPE;
import static org.promisedesk.intake.IntakeProcess.TASK_ANSWER_QUESTION;
import static org.promisedesk.intake.IntakeProcess.WORK_OUTCOME;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Completion of an answer task (question, quote, billing, complaint, cooperation, chit-chat):
 * {@code workOutcome} answered (then {@code answerText}, what the customer reads, at least
 * {@value #ANSWER_MIN} characters), out-of-scope (then {@code scopeNote}), or — only on the
 * agents' question — escalate-to-tech. Rejected naming the fields otherwise.
 */
@Component
class CheckWorkAnswer implements TaskListener {

    private static final Logger log = LoggerFactory.getLogger(CheckWorkAnswer.class);
    static final int ANSWER_MIN = 10;

    @Override
    public void notify(DelegateTask task) {
        DelegateExecution execution = task.getExecution();
        List<String> problems = new ArrayList<>();
        Object outcome = execution.getVariable(WORK_OUTCOME);
        boolean canEscalate = TASK_ANSWER_QUESTION.equals(task.getTaskDefinitionKey());
        List<String> allowed = canEscalate ? List.of(OUTCOME_ANSWERED, OUTCOME_ESCALATE, OUTCOME_OUT_OF_SCOPE)
                : List.of(OUTCOME_ANSWERED, OUTCOME_OUT_OF_SCOPE);
        if (outcome == null || !allowed.contains(outcome)) {
            problems.add(WORK_OUTCOME + (outcome == null ? " is required" : " '" + outcome + "' is not allowed here")
                    + ": one of " + String.join(", ", allowed));
        }
        execution.setVariable(OUT_OF_SCOPE, OUTCOME_OUT_OF_SCOPE.equals(outcome));
        if (OUTCOME_ANSWERED.equals(outcome)) {
            String answer = Texts.required(execution.getVariable(ANSWER_TEXT), ANSWER_TEXT, ANSWER_MIN, 4000, problems);
            if (answer != null) {
                execution.setVariable(ANSWER_TEXT, answer);
            }
        }
        Scope.check(execution, problems);
        Texts.reject("The task cannot be completed", problems);
        execution.setVariable(HANDLED_BY, Actors.of(task));
        log.info("Request {}: {} by {}", execution.getProcessBusinessKey(), outcome, Actors.of(task));
    }
}

package org.promisedesk.refusal;

import static org.promisedesk.refusal.RefusalProcess.ALTERNATIVE;
import static org.promisedesk.refusal.RefusalProcess.ANSWER_ACCEPTED;
import static org.promisedesk.refusal.RefusalProcess.ANSWER_ACCEPT_ALTERNATIVE;
import static org.promisedesk.refusal.RefusalProcess.ANSWER_NOTE;
import static org.promisedesk.refusal.RefusalProcess.CUSTOMER_ANSWER;
import static org.promisedesk.refusal.RefusalProcess.CUSTOMER_ANSWERS;
import static org.promisedesk.refusal.RefusalProcess.FOLLOW_UP_DUE_DATE;
import static org.promisedesk.refusal.RefusalProcess.OUTCOME_ACCEPTED;
import static org.promisedesk.refusal.RefusalProcess.OUTCOME_ALTERNATIVE_ACCEPTED;
import static org.promisedesk.refusal.RefusalProcess.REFUSAL_OUTCOME;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Completion of {@code Task_RecordAnswer} (an answer by phone) and {@code Task_ReadReply} (an
 * answer by e-mail): the agent says what the customer wants and notes what they said. Taking
 * the alternative needs one to have been offered; it is promised with a due date from now.
 */
@Component
class CheckCustomerAnswer implements TaskListener {

    private static final Logger log = LoggerFactory.getLogger(CheckCustomerAnswer.class);

    private final RefusalSettings settings;

    CheckCustomerAnswer(RefusalSettings settings) {
        this.settings = settings;
    }

    @Override
    public void notify(DelegateTask task) {
        List<String> problems = new ArrayList<>();
        Object answer = task.getVariable(CUSTOMER_ANSWER);
        if (!(answer instanceof String value && CUSTOMER_ANSWERS.contains(value))) {
            problems.add(CUSTOMER_ANSWER + " is required: one of " + String.join(", ", CUSTOMER_ANSWERS));
        } else if (ANSWER_ACCEPT_ALTERNATIVE.equals(answer) && task.getVariable(ALTERNATIVE) == null) {
            problems.add(CUSTOMER_ANSWER + " cannot be " + ANSWER_ACCEPT_ALTERNATIVE
                    + ": this refusal offered no alternative");
        }
        String note = Texts.atLeast(task.getVariable(ANSWER_NOTE), Texts.NOTE_MIN);
        if (note == null) {
            problems.add(Texts.rule(ANSWER_NOTE, Texts.NOTE_MIN) + " saying what the customer told us");
        }
        if (!problems.isEmpty()) {
            throw new BadUserRequestException("The customer's answer cannot be recorded: "
                    + String.join("; ", problems));
        }
        Texts.normalise(task, ANSWER_NOTE, note);
        if (ANSWER_ACCEPT_ALTERNATIVE.equals(answer)) {
            task.setVariable(REFUSAL_OUTCOME, OUTCOME_ALTERNATIVE_ACCEPTED);
            task.setVariable(FOLLOW_UP_DUE_DATE, settings.followUpDue());
        } else if (ANSWER_ACCEPTED.equals(answer)) {
            task.setVariable(REFUSAL_OUTCOME, OUTCOME_ACCEPTED);
        }
        log.info("Request {}: customer's answer to refusal {} recorded from {}: {}",
                task.getExecution().getProcessBusinessKey(), task.getProcessInstanceId(),
                task.getTaskDefinitionKey(), answer);
    }
}

package org.promisedesk.requirement;

import static org.promisedesk.requirement.RequirementProcess.QUOTE_ANSWER;
import static org.promisedesk.requirement.RequirementProcess.QUOTE_ANSWERS;
import static org.promisedesk.requirement.RequirementProcess.QUOTE_NOTE;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Completion of {@code Task_RecordQuoteAnswer} and {@code Task_ReadQuoteReply}: what the customer
 * said about the quote (accepted, declined, or something else: we keep waiting) and a note.
 */
@Component
class CheckQuoteAnswer implements TaskListener {

    @Override
    public void notify(DelegateTask task) {
        List<String> problems = new ArrayList<>();
        String answer = Values.oneOf(task.getVariable(QUOTE_ANSWER), QUOTE_ANSWER, QUOTE_ANSWERS, problems);
        Texts.required(task, QUOTE_NOTE, Texts.NOTE_MIN, "on what the customer said", problems);
        if (!problems.isEmpty()) {
            throw new BadUserRequestException("The customer's answer cannot be recorded: "
                    + String.join("; ", problems));
        }
        Values.put(task, QUOTE_ANSWER, answer);
    }
}

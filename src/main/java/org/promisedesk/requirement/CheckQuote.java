package org.promisedesk.requirement;

import static org.promisedesk.requirement.RequirementProcess.QUOTE_PRICE;
import static org.promisedesk.requirement.RequirementProcess.QUOTE_TEXT;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Completion of {@code Task_PrepareQuote}: the customer gets what the work includes and a price. */
@Component
class CheckQuote implements TaskListener {

    @Override
    public void notify(DelegateTask task) {
        List<String> problems = new ArrayList<>();
        Texts.required(task, QUOTE_TEXT, Texts.LETTER_MIN, "on what the paid work includes", problems);
        Double price = Values.number(task.getVariable(QUOTE_PRICE), QUOTE_PRICE, 1, problems);
        if (!problems.isEmpty()) {
            throw new BadUserRequestException("The quote cannot be sent: " + String.join("; ", problems));
        }
        Values.put(task, QUOTE_PRICE, price);
    }
}

package org.promisedesk.requirement;

import static org.promisedesk.requirement.RequirementProcess.QUOTE_ANSWER_BY;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Start of {@code Task_SendQuote}, inside its job: until when the customer may accept the quote,
 * counted from the letter. The letter names it and the silence timer fires at it, so both agree.
 */
@Component
class SetQuoteDeadline implements ExecutionListener {

    private final RequirementSettings settings;

    SetQuoteDeadline(RequirementSettings settings) {
        this.settings = settings;
    }

    @Override
    public void notify(DelegateExecution execution) {
        execution.setVariable(QUOTE_ANSWER_BY, settings.quoteAnswerBy());
    }
}

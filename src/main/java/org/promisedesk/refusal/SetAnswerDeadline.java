package org.promisedesk.refusal;

import static org.promisedesk.refusal.RefusalProcess.ANSWER_BY;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Start of {@code Task_SendRefusalLetter}, inside its job: the customer's deadline for an answer,
 * counted from the letter. The letter names it and the silence timer fires at it, so both agree.
 */
@Component
class SetAnswerDeadline implements ExecutionListener {

    private final RefusalSettings settings;

    SetAnswerDeadline(RefusalSettings settings) {
        this.settings = settings;
    }

    @Override
    public void notify(DelegateExecution execution) {
        execution.setVariable(ANSWER_BY, settings.answerBy());
    }
}

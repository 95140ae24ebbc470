package org.promisedesk.intake;

import static org.promisedesk.intake.IntakeProcess.REPLY_FROM_CUSTOMER;
import static org.promisedesk.intake.IntakeProcess.REPLY_TEXT;
import static org.promisedesk.intake.IntakeProcess.SURVEY_READABLE;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code Task_SaveSurveyReply}: the customer answered the survey by e-mail. A reply that starts
 * with a score 1-5 ("4 - quick, but the first answer missed the point") is stored, the rest as the
 * comment. Anything else, or a reply from an address we did not write to, goes to an agent to read
 * ({@code surveyReadable} = false).
 */
@Component
class SaveSurveyReply implements JavaDelegate {

    private final Surveys surveys;

    SaveSurveyReply(Surveys surveys) {
        this.surveys = surveys;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Surveys.Parsed parsed = Boolean.FALSE.equals(execution.getVariable(REPLY_FROM_CUSTOMER)) ? null
                : Surveys.parse((String) execution.getVariable(REPLY_TEXT));
        execution.setVariable(SURVEY_READABLE, parsed != null);
        if (parsed != null) {
            surveys.store(execution, parsed.score(), parsed.comment(), SurveyAnswers.CHANNEL_EMAIL);
        }
    }
}

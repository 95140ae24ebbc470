package org.promisedesk.intake;

import static org.promisedesk.intake.IntakeProcess.SURVEY_COMMENT;
import static org.promisedesk.intake.IntakeProcess.SURVEY_SCORE;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Completion of {@code Task_RecordSurveyAnswer} / {@code Task_ReadSurveyReply}: {@code surveyScore}
 * a whole number 1-5, {@code surveyComment} optional. Stored in {@code request_satisfaction} as
 * recorded by an agent; rejected naming the field otherwise.
 */
@Component
class CheckSurveyAnswer implements TaskListener {

    private final Surveys surveys;

    CheckSurveyAnswer(Surveys surveys) {
        this.surveys = surveys;
    }

    @Override
    public void notify(DelegateTask task) {
        DelegateExecution execution = task.getExecution();
        List<String> problems = new ArrayList<>();
        Object value = execution.getVariable(SURVEY_SCORE);
        Integer score = null;
        if (value instanceof Number number && number.doubleValue() == Math.rint(number.doubleValue())) {
            score = number.intValue();
        } else if (value instanceof String text && text.strip().matches("\\d")) {
            score = Integer.valueOf(text.strip());
        }
        if (score == null || score < 1 || score > 5) {
            problems.add(SURVEY_SCORE + (value == null ? " is required" : " '" + value + "' is not") + ": a score from 1 to 5");
        }
        String comment = Texts.optional(execution.getVariable(SURVEY_COMMENT), SURVEY_COMMENT, Surveys.COMMENT_MAX,
                problems);
        Texts.reject("The satisfaction score cannot be recorded", problems);
        surveys.store(execution, score, comment, SurveyAnswers.CHANNEL_AGENT);
    }
}

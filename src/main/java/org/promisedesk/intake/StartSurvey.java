package org.promisedesk.intake;

import static org.promisedesk.intake.IntakeProcess.SURVEY_BY;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.promisedesk.platform.BusinessCalendar;
import org.springframework.stereotype.Component;

/**
 * Start of {@code Task_SendSurvey}, inside its job: until when we wait for the score
 * ({@code surveyBy}, {@code promise-desk.intake.survey-window} business days from now).
 */
@Component
class StartSurvey implements ExecutionListener {

    private final IntakeSettings settings;
    private final BusinessCalendar calendar;

    StartSurvey(IntakeSettings settings, BusinessCalendar calendar) {
        this.settings = settings;
        this.calendar = calendar;
    }

    @Override
    public void notify(DelegateExecution execution) {
        execution.setVariable(SURVEY_BY, calendar.addBusinessDays(ClockUtil.getCurrentTime(),
                settings.surveyWindow().getDays()));
    }
}

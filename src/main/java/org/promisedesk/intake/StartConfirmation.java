package org.promisedesk.intake;

import static org.promisedesk.intake.IntakeProcess.CONFIRM_BY;
import static org.promisedesk.intake.IntakeProcess.REQUEST_STATE;
import static org.promisedesk.intake.IntakeProcess.STATE_CONFIRMING;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.promisedesk.platform.BusinessCalendar;
import org.springframework.stereotype.Component;

/**
 * Start of {@code Task_AskIfSolved}, inside its job: the customer's window to answer
 * ({@code confirmBy}, {@code promise-desk.intake.confirm-window} business days from now; the
 * question names it and the silence timer fires at it), and the SLA clocks stop: we wait for the
 * customer now.
 */
@Component
class StartConfirmation implements ExecutionListener {

    private final IntakeSettings settings;
    private final BusinessCalendar calendar;
    private final SlaClocks clocks;

    StartConfirmation(IntakeSettings settings, BusinessCalendar calendar, SlaClocks clocks) {
        this.settings = settings;
        this.calendar = calendar;
        this.clocks = clocks;
    }

    @Override
    public void notify(DelegateExecution execution) {
        execution.setVariable(CONFIRM_BY, calendar.addBusinessDays(ClockUtil.getCurrentTime(),
                settings.confirmWindow().getDays()));
        execution.setVariable(REQUEST_STATE, STATE_CONFIRMING);
        clocks.pause(execution);
    }
}

package org.promisedesk.incident;

import static org.promisedesk.incident.PostIncidentReportProcess.DRAFT_DUE_DATE;
import static org.promisedesk.incident.PostIncidentReportProcess.DRAFT_REMINDER_AT;
import static org.promisedesk.incident.PostIncidentReportProcess.DRAFT_ROUND;
import static org.promisedesk.incident.PostIncidentReportProcess.LATE_DRAFT_NOTE;
import static org.promisedesk.incident.PostIncidentReportProcess.REASSIGN_TO;
import static org.promisedesk.incident.PostIncidentReportProcess.REVIEW_DECISION;

import java.time.Instant;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.promisedesk.platform.BusinessCalendar;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * {@code Task_SetDraftDeadline}: the first draft is due {@code draft-business-days} business days
 * from now, each revision {@code revision-business-days} (business days of the business calendar:
 * weekends and public holidays skipped, make-up working days counted); the reminder comes {@code reminder-before}
 * that, but not in the past. Last round's review decision and the lead's follow-up are removed
 * (the history keeps them), so that this round's forms start empty.
 */
@Component
class SetDraftDeadline implements JavaDelegate {

    private static final Logger log = LoggerFactory.getLogger(SetDraftDeadline.class);

    private final IncidentSettings settings;
    private final BusinessCalendar calendar;

    SetDraftDeadline(IncidentSettings settings, BusinessCalendar calendar) {
        this.settings = settings;
        this.calendar = calendar;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Integer previous = (Integer) execution.getVariable(DRAFT_ROUND);
        int round = previous == null ? 1 : previous + 1;
        Instant now = ClockUtil.getCurrentTime().toInstant();
        Instant due = calendar.addBusinessDays(now, round == 1 ? settings.draftBusinessDays()
                : settings.revisionBusinessDays());
        Instant reminder = due.minus(settings.reminderBefore());
        execution.setVariable(DRAFT_ROUND, round);
        execution.setVariable(DRAFT_DUE_DATE, Date.from(due));
        execution.setVariable(DRAFT_REMINDER_AT, Date.from(reminder.isBefore(now) ? now : reminder));
        execution.removeVariables(List.of(REVIEW_DECISION, LATE_DRAFT_NOTE, REASSIGN_TO));
        log.info("Request {}: incident report draft round {} due {}", execution.getProcessBusinessKey(), round,
                Times.format(due, settings.timeZone()));
    }
}

package org.promisedesk.intake;

import static org.promisedesk.intake.IntakeProcess.CUSTOMER_PROFILE;
import static org.promisedesk.intake.IntakeProcess.FIRST_RESPONSE_AT;
import static org.promisedesk.intake.IntakeProcess.FIRST_RESPONSE_DUE;
import static org.promisedesk.intake.IntakeProcess.PRIORITIES;
import static org.promisedesk.intake.IntakeProcess.PRIORITY;
import static org.promisedesk.intake.IntakeProcess.RECEIVED_AT;
import static org.promisedesk.intake.IntakeProcess.REQUESTED_PRIORITY;
import static org.promisedesk.intake.IntakeProcess.RESOLUTION_DUE;
import static org.promisedesk.intake.IntakeProcess.SLA_PAUSED_TOTAL;

import java.time.Duration;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.promisedesk.customer.ServiceProfile;
import org.promisedesk.intake.IntakeSettings.SlaTarget;
import org.promisedesk.platform.BusinessCalendar;
import org.springframework.stereotype.Component;

/**
 * Priority and SLA due dates of a request. A due date is always counted from {@code receivedAt}:
 * the target for the priority and profile plus the working time the clocks stood still
 * ({@code slaPausedTotal}). Working time adds up, so this equals moving the date by each pause.
 */
@Component
class ServiceLevels {

    private final IntakeSettings settings;
    private final BusinessCalendar calendar;

    ServiceLevels(IntakeSettings settings, BusinessCalendar calendar) {
        this.settings = settings;
        this.calendar = calendar;
    }

    /** UNDER_PRESSURE and VIP raise the priority one step; P1 stays P1. */
    static String raise(String requested, String profile) {
        boolean raises = ServiceProfile.UNDER_PRESSURE.name().equals(profile) || ServiceProfile.VIP.name().equals(profile);
        int index = PRIORITIES.indexOf(requested);
        return raises && index > 0 ? PRIORITIES.get(index - 1) : requested;
    }

    /** Sets priority, firstResponseDue (until someone responded) and resolutionDue. */
    void apply(DelegateExecution execution) {
        String profile = (String) execution.getVariable(CUSTOMER_PROFILE);
        String priority = raise((String) execution.getVariable(REQUESTED_PRIORITY), profile);
        SlaTarget target = settings.target(profile, priority);
        Date receivedAt = (Date) execution.getVariable(RECEIVED_AT);
        Duration paused = pausedTotal(execution);
        execution.setVariable(PRIORITY, priority);
        if (execution.getVariable(FIRST_RESPONSE_AT) == null) {
            execution.setVariable(FIRST_RESPONSE_DUE, due(receivedAt, target.firstResponse().plus(paused)));
        }
        execution.setVariable(RESOLUTION_DUE, due(receivedAt, target.resolution().plus(paused)));
    }

    static Duration pausedTotal(DelegateExecution execution) {
        Object total = execution.getVariable(SLA_PAUSED_TOTAL);
        return total instanceof String text ? Duration.parse(text) : Duration.ZERO;
    }

    private Date due(Date from, Duration workingTime) {
        return Date.from(calendar.addWorkingTime(from.toInstant(), workingTime));
    }
}

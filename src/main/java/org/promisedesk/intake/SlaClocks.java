package org.promisedesk.intake;

import static org.promisedesk.intake.IntakeProcess.EVENT_FIRST_RESPONSE_DUE;
import static org.promisedesk.intake.IntakeProcess.EVENT_RESOLUTION_DUE;
import static org.promisedesk.intake.IntakeProcess.FIRST_RESPONSE_DUE;
import static org.promisedesk.intake.IntakeProcess.RESOLUTION_DUE;
import static org.promisedesk.intake.IntakeProcess.SLA_PAUSED_SINCE;
import static org.promisedesk.intake.IntakeProcess.SLA_PAUSED_TOTAL;

import java.time.Duration;
import java.util.Date;
import java.util.Map;
import java.util.function.BiConsumer;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.persistence.entity.SuspensionState;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.promisedesk.platform.BusinessCalendar;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The two SLA timers of a request ({@code Event_FirstResponseDue}, {@code Event_ResolutionDue},
 * non-interrupting on {@code SubProcess_Request}). They fire at the variables' dates; when the
 * dates change (the customer was identified, the clocks stood still) the timers are moved to
 * match. While the request waits for the customer the timers are suspended: a suspended job does
 * not fire, so the clock cannot run out meanwhile.
 */
@Component
class SlaClocks {

    private static final Logger log = LoggerFactory.getLogger(SlaClocks.class);
    private static final Map<String, String> TIMERS = Map.of(EVENT_FIRST_RESPONSE_DUE, FIRST_RESPONSE_DUE,
            EVENT_RESOLUTION_DUE, RESOLUTION_DUE);

    private final ManagementService managementService;
    private final ServiceLevels serviceLevels;
    private final BusinessCalendar calendar;

    SlaClocks(ManagementService managementService, ServiceLevels serviceLevels, BusinessCalendar calendar) {
        this.managementService = managementService;
        this.serviceLevels = serviceLevels;
        this.calendar = calendar;
    }

    /** Stops the clocks from now until {@link #resume}. */
    void pause(DelegateExecution execution) {
        if (execution.getVariable(SLA_PAUSED_SINCE) != null) {
            return;
        }
        execution.setVariable(SLA_PAUSED_SINCE, ClockUtil.getCurrentTime());
        forEachTimer(execution, (job, variable) -> job.setSuspensionState(SuspensionState.SUSPENDED.getStateCode()));
        log.info("Request {}: SLA clocks stopped while we wait for the customer", execution.getProcessBusinessKey());
    }

    /** Adds the working time since the pause to the total, moves the due dates and lets the clocks run. */
    void resume(DelegateExecution execution) {
        endPause(execution);
        serviceLevels.apply(execution);
        forEachTimer(execution, (job, variable) -> {
            job.setDuedate((Date) execution.getVariable(variable));
            job.setSuspensionState(SuspensionState.ACTIVE.getStateCode());
        });
    }

    /** After new due dates: the timers fire at them. */
    void reschedule(DelegateExecution execution) {
        forEachTimer(execution, (job, variable) -> job.setDuedate((Date) execution.getVariable(variable)));
    }

    /** Counts a running pause into slaPausedTotal; the timers are left alone (the request is closing). */
    void endPause(DelegateExecution execution) {
        Object since = execution.getVariable(SLA_PAUSED_SINCE);
        if (!(since instanceof Date start)) {
            return;
        }
        Duration paused = calendar.workingTimeBetween(start.toInstant(), ClockUtil.getCurrentTime().toInstant());
        Duration total = ServiceLevels.pausedTotal(execution).plus(paused);
        execution.setVariable(SLA_PAUSED_TOTAL, total.toString());
        execution.setVariable(SLA_PAUSED_SINCE, null);
        log.info("Request {}: SLA clocks stood still for {} of working time ({} in all)",
                execution.getProcessBusinessKey(), paused, total);
    }

    /**
     * The timer jobs of this instance, changed as entities of the running command: one update each,
     * committed with the step that changed the due dates (a timer that already fired has no job).
     */
    private void forEachTimer(DelegateExecution execution, BiConsumer<JobEntity, String> action) {
        CommandContext commandContext = Context.getCommandContext();
        commandContext.runWithoutAuthorization(() -> {
            TIMERS.forEach((activityId, variable) -> {
                Job job = managementService.createJobQuery().processInstanceId(execution.getProcessInstanceId())
                        .activityId(activityId).timers().singleResult();
                if (job != null) {
                    action.accept(commandContext.getJobManager().findJobById(job.getId()), variable);
                }
            });
            return null;
        });
    }
}

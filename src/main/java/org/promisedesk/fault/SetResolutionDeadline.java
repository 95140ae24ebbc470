package org.promisedesk.fault;

import static org.promisedesk.fault.FaultEscalationProcess.CUSTOMER_PROFILE;
import static org.promisedesk.fault.FaultEscalationProcess.ESCALATION_TIER;
import static org.promisedesk.fault.FaultEscalationProcess.NEXT_UPDATE_AT;
import static org.promisedesk.fault.FaultEscalationProcess.ON_CALL_AT;
import static org.promisedesk.fault.FaultEscalationProcess.ON_CALL_LEAD;
import static org.promisedesk.fault.FaultEscalationProcess.PRIORITY;
import static org.promisedesk.fault.FaultEscalationProcess.PROGRESS_CYCLE;
import static org.promisedesk.fault.FaultEscalationProcess.PROGRESS_INTERVAL;
import static org.promisedesk.fault.FaultEscalationProcess.PROGRESS_UPDATES;
import static org.promisedesk.fault.FaultEscalationProcess.RESOLVE_BY;

import java.time.Duration;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.promisedesk.customer.ServiceProfile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * {@code Task_SetResolutionDeadline}: the fault is ours or nobody knows yet, so tech takes it on.
 * By priority: when it must be resolved ({@code resolveBy}, tier 2 to {@code leads} then), when
 * the on-call lead is called in ({@code onCallAt}, tier 3), and how often the customer hears how
 * it stands ({@code progressInterval}, shorter for {@code UNDER_PRESSURE} customers).
 */
@Component
class SetResolutionDeadline implements JavaDelegate {

    private static final Logger log = LoggerFactory.getLogger(SetResolutionDeadline.class);

    private final FaultSettings settings;
    private final ResolutionDeadlines deadlines;

    SetResolutionDeadline(FaultSettings settings, ResolutionDeadlines deadlines) {
        this.settings = settings;
        this.deadlines = deadlines;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String priority = (String) execution.getVariable(PRIORITY);
        Date now = ClockUtil.getCurrentTime();
        Date resolveBy = deadlines.after(now, settings.resolutionTime().get(priority));
        Date onCallAt = deadlines.after(resolveBy, settings.onCallAfter().get(priority));
        boolean underPressure = ServiceProfile.UNDER_PRESSURE.name().equals(execution.getVariable(CUSTOMER_PROFILE));
        Duration interval = (underPressure ? settings.underPressureProgressInterval() : settings.progressInterval())
                .get(priority);
        execution.setVariable(RESOLVE_BY, resolveBy);
        execution.setVariable(ON_CALL_AT, onCallAt);
        execution.setVariable(ON_CALL_LEAD, settings.onCallLead());
        execution.setVariable(PROGRESS_INTERVAL, interval.toString());
        execution.setVariable(PROGRESS_CYCLE, "R/" + interval);
        execution.setVariable(NEXT_UPDATE_AT, Date.from(now.toInstant().plus(interval)));
        execution.setVariable(ESCALATION_TIER, 1);
        execution.setVariable(PROGRESS_UPDATES, 0);
        log.info("Request {}: {} fault for tech, resolve by {}, on-call lead {} at {}, updates every {}",
                execution.getProcessBusinessKey(), priority, resolveBy.toInstant(), settings.onCallLead(),
                onCallAt.toInstant(), interval);
    }
}

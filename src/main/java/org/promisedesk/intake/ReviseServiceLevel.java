package org.promisedesk.intake;

import static org.promisedesk.intake.IntakeProcess.PRIORITY;
import static org.promisedesk.intake.IntakeProcess.RESOLUTION_DUE;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * {@code Task_ReviseServiceLevel}: an agent has identified the contact, so the priority and due
 * dates follow the customer's profile now, and the running SLA timers are moved to match.
 */
@Component
class ReviseServiceLevel implements JavaDelegate {

    private static final Logger log = LoggerFactory.getLogger(ReviseServiceLevel.class);

    private final ServiceLevels serviceLevels;
    private final SlaClocks clocks;

    ReviseServiceLevel(ServiceLevels serviceLevels, SlaClocks clocks) {
        this.serviceLevels = serviceLevels;
        this.clocks = clocks;
    }

    @Override
    public void execute(DelegateExecution execution) {
        serviceLevels.apply(execution);
        clocks.reschedule(execution);
        log.info("Request {}: customer identified; priority {}, resolution due {}", execution.getProcessBusinessKey(),
                execution.getVariable(PRIORITY), execution.getVariable(RESOLUTION_DUE));
    }
}

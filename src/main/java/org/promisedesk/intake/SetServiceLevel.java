package org.promisedesk.intake;

import static org.promisedesk.intake.IntakeProcess.FIRST_RESPONSE_DUE;
import static org.promisedesk.intake.IntakeProcess.PRIORITY;
import static org.promisedesk.intake.IntakeProcess.RESOLUTION_DUE;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * {@code Task_SetServiceLevel}: the priority (raised for UNDER_PRESSURE and VIP customers) and the
 * SLA due dates, before the SLA timers start with {@code SubProcess_Request}. An unknown contact
 * gets the default profile's targets until an agent identifies them.
 */
@Component
class SetServiceLevel implements JavaDelegate {

    private static final Logger log = LoggerFactory.getLogger(SetServiceLevel.class);

    private final ServiceLevels serviceLevels;

    SetServiceLevel(ServiceLevels serviceLevels) {
        this.serviceLevels = serviceLevels;
    }

    @Override
    public void execute(DelegateExecution execution) {
        serviceLevels.apply(execution);
        log.info("Request {}: priority {}, first response due {}, resolution due {}", execution.getProcessBusinessKey(),
                execution.getVariable(PRIORITY), execution.getVariable(FIRST_RESPONSE_DUE),
                execution.getVariable(RESOLUTION_DUE));
    }
}

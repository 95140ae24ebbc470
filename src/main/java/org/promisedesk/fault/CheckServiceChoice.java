package org.promisedesk.fault;

import static org.promisedesk.fault.FaultEscalationProcess.CUSTOMER_ID;
import static org.promisedesk.fault.FaultEscalationProcess.SERVICE_ID;
import static org.promisedesk.fault.FaultEscalationProcess.SERVICE_KNOWN;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.promisedesk.customer.Subscription;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Completion of {@code Task_ChooseService}: the customer did not name the service. The agent
 * picks one of the customer's services (then the checks run on it), or leaves it empty (no
 * checks; tech finds out). A service of another customer is rejected.
 */
@Component
class CheckServiceChoice implements TaskListener {

    private static final Logger log = LoggerFactory.getLogger(CheckServiceChoice.class);

    private final FaultServices services;

    CheckServiceChoice(FaultServices services) {
        this.services = services;
    }

    @Override
    public void notify(DelegateTask task) {
        Object value = task.getVariable(SERVICE_ID);
        if (FaultServices.blank(value)) {
            task.removeVariable(SERVICE_ID);
            task.setVariable(SERVICE_KNOWN, false);
            log.info("Request {}: no service chosen, the checks are skipped", task.getExecution().getProcessBusinessKey());
            return;
        }
        List<String> problems = new ArrayList<>();
        Subscription service = services.of(value, ((Number) task.getVariable(CUSTOMER_ID)).longValue(), problems);
        if (!problems.isEmpty()) {
            throw new BadUserRequestException("The service cannot be chosen: " + String.join("; ", problems));
        }
        services.record(task.getExecution(), service);
        log.info("Request {}: service {} chosen", task.getExecution().getProcessBusinessKey(), service.id());
    }
}

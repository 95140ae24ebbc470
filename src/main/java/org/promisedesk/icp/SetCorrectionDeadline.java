package org.promisedesk.icp;

import static org.promisedesk.icp.IcpFilingProcess.WAITING_FOR_CORRECTIONS;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * {@code Task_SetCorrectionDeadline}: opens a wait for the customer's corrections — reminder
 * dates and the deadline, which the correction request tells the customer.
 */
@Component
class SetCorrectionDeadline implements JavaDelegate {

    private static final Logger log = LoggerFactory.getLogger(SetCorrectionDeadline.class);

    private final ReplyWindow window;

    SetCorrectionDeadline(ReplyWindow window) {
        this.window = window;
    }

    @Override
    public void execute(DelegateExecution execution) {
        var due = window.open(execution, WAITING_FOR_CORRECTIONS);
        log.info("Request {}: ICP filing waits for corrections ({}) until {}", execution.getProcessBusinessKey(),
                execution.getVariable(IcpFilingProcess.CORRECTION_REASON), due.toInstant());
    }
}

package org.promisedesk.fault;

import static org.promisedesk.fault.FaultEscalationProcess.DEADLINE_MISSED;
import static org.promisedesk.fault.FaultEscalationProcess.NEXT_UPDATE_AT;
import static org.promisedesk.fault.FaultEscalationProcess.PROGRESS_INTERVAL;
import static org.promisedesk.fault.FaultEscalationProcess.PROGRESS_STAGE;
import static org.promisedesk.fault.FaultEscalationProcess.PROGRESS_UPDATES;
import static org.promisedesk.fault.FaultEscalationProcess.RESOLVE_BY;
import static org.promisedesk.fault.FaultEscalationProcess.STAGE_INVESTIGATING;
import static org.promisedesk.fault.FaultEscalationProcess.STAGE_ON_SITE;
import static org.promisedesk.fault.FaultEscalationProcess.STAGE_OPERATING;
import static org.promisedesk.fault.FaultEscalationProcess.STAGE_WAITING_FOR_CONSENT;
import static org.promisedesk.fault.FaultEscalationProcess.TASK_ASK_CONSENT;
import static org.promisedesk.fault.FaultEscalationProcess.TASK_PERFORM_OPERATION;
import static org.promisedesk.fault.FaultEscalationProcess.TASK_READ_CONSENT_REPLY;
import static org.promisedesk.fault.FaultEscalationProcess.TASK_RECORD_CONSENT;
import static org.promisedesk.fault.FaultEscalationProcess.TASK_RECORD_VISIT_REPORT;
import static org.promisedesk.fault.FaultEscalationProcess.TASK_TELL_CUSTOMER_VISIT;

import java.time.Duration;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Start of {@code Task_SendProgressUpdate}, inside its job: what the update says is read from the
 * process as it is now, not from what anyone typed — where the fault stands
 * ({@code progressStage}: investigating, waiting for the customer's consent, operating, on site),
 * whether the time we gave has passed ({@code deadlineMissed}), and the count
 * ({@code progressUpdates}).
 */
@Component
class PrepareProgressUpdate implements ExecutionListener {

    private static final Logger log = LoggerFactory.getLogger(PrepareProgressUpdate.class);

    @Override
    public void notify(DelegateExecution execution) {
        List<String> active = execution.getProcessEngineServices().getRuntimeService()
                .getActiveActivityIds(execution.getProcessInstanceId());
        String stage = STAGE_INVESTIGATING;
        if (active.contains(TASK_RECORD_CONSENT) || active.contains(TASK_READ_CONSENT_REPLY)
                || active.contains(TASK_ASK_CONSENT)) {
            stage = STAGE_WAITING_FOR_CONSENT;
        } else if (active.contains(TASK_PERFORM_OPERATION)) {
            stage = STAGE_OPERATING;
        } else if (active.contains(TASK_RECORD_VISIT_REPORT) || active.contains(TASK_TELL_CUSTOMER_VISIT)) {
            stage = STAGE_ON_SITE;
        }
        Date resolveBy = (Date) execution.getVariable(RESOLVE_BY);
        boolean missed = resolveBy != null && ClockUtil.getCurrentTime().after(resolveBy);
        int count = execution.getVariable(PROGRESS_UPDATES) instanceof Integer n ? n + 1 : 1;
        execution.setVariable(PROGRESS_STAGE, stage);
        execution.setVariable(DEADLINE_MISSED, missed);
        execution.setVariable(PROGRESS_UPDATES, count);
        if (execution.getVariable(PROGRESS_INTERVAL) instanceof String interval) {
            execution.setVariable(NEXT_UPDATE_AT,
                    Date.from(ClockUtil.getCurrentTime().toInstant().plus(Duration.parse(interval))));
        }
        log.info("Request {}: progress update {} ({}, deadline missed: {})", execution.getProcessBusinessKey(), count,
                stage, missed);
    }
}

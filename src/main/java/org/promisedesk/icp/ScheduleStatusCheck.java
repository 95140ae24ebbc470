package org.promisedesk.icp;

import static org.promisedesk.icp.IcpFilingProcess.FILING_STATUS;
import static org.promisedesk.icp.IcpFilingProcess.NEXT_STATUS_CHECK_AT;

import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * {@code Task_ScheduleStatusCheck}: the next look at the authority's system,
 * {@code status-check-business-days} business days from now. The last answer ("pending") is
 * removed so that the next check's form starts empty.
 */
@Component
class ScheduleStatusCheck implements JavaDelegate {

    private final IcpSettings settings;

    ScheduleStatusCheck(IcpSettings settings) {
        this.settings = settings;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Date next = BusinessDays.plus(ClockUtil.getCurrentTime(), settings.statusCheckBusinessDays(), settings.timeZone());
        execution.setVariable(NEXT_STATUS_CHECK_AT, next);
        execution.removeVariable(FILING_STATUS);
    }
}

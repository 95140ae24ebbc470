package org.promisedesk.icp;

import static org.promisedesk.icp.IcpFilingProcess.FILING_STATUS;
import static org.promisedesk.icp.IcpFilingProcess.NEXT_STATUS_CHECK_AT;

import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.promisedesk.platform.BusinessCalendar;
import org.springframework.stereotype.Component;

/**
 * {@code Task_ScheduleStatusCheck}: the next look at the authority's system,
 * {@code status-check-business-days} business days from now (the business calendar: weekends and
 * public holidays skipped, make-up working days counted). The last answer ("pending") is
 * removed so that the next check's form starts empty.
 */
@Component
class ScheduleStatusCheck implements JavaDelegate {

    private final IcpSettings settings;
    private final BusinessCalendar calendar;

    ScheduleStatusCheck(IcpSettings settings, BusinessCalendar calendar) {
        this.settings = settings;
        this.calendar = calendar;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Date next = calendar.addBusinessDays(ClockUtil.getCurrentTime(), settings.statusCheckBusinessDays());
        execution.setVariable(NEXT_STATUS_CHECK_AT, next);
        execution.removeVariable(FILING_STATUS);
    }
}

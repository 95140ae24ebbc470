package org.promisedesk.icp;

import static org.promisedesk.icp.IcpFilingProcess.ESCALATE_AT;
import static org.promisedesk.icp.IcpFilingProcess.FILING_ID;
import static org.promisedesk.icp.IcpFilingProcess.SUBMISSION_NUMBER;
import static org.promisedesk.icp.IcpFilingProcess.SUBMITTED_AT;

import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.promisedesk.platform.BusinessCalendar;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * {@code Task_RecordSubmission}: the filing is at the authority under its submission number; leads
 * are alerted when no decision has come {@code escalate-after-business-days} later.
 */
@Component
class RecordSubmission implements JavaDelegate {

    private static final Logger log = LoggerFactory.getLogger(RecordSubmission.class);

    private final Filings filings;
    private final IcpSettings settings;
    private final BusinessCalendar calendar;

    RecordSubmission(Filings filings, IcpSettings settings, BusinessCalendar calendar) {
        this.filings = filings;
        this.settings = settings;
        this.calendar = calendar;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long filingId = ((Number) execution.getVariable(FILING_ID)).longValue();
        String number = (String) execution.getVariable(SUBMISSION_NUMBER);
        Date now = ClockUtil.getCurrentTime();
        filings.submitted(filingId, number);
        execution.setVariable(SUBMITTED_AT, now);
        Date escalateAt = calendar.addBusinessDays(now, settings.escalateAfterBusinessDays());
        execution.setVariable(ESCALATE_AT, escalateAt);
        log.info("Request {}: ICP filing {} submitted to the authority as {}; leads alerted at {} without a decision",
                execution.getProcessBusinessKey(), filingId, number, escalateAt.toInstant());
    }
}

package org.promisedesk.icp;

import static org.promisedesk.icp.IcpFilingProcess.CORRECTION_REASON;
import static org.promisedesk.icp.IcpFilingProcess.FILING_ID;
import static org.promisedesk.icp.IcpFilingProcess.FILING_STATUS;
import static org.promisedesk.icp.IcpFilingProcess.NEW_PHOTO_NEEDED;
import static org.promisedesk.icp.IcpFilingProcess.PHOTO_ACCEPTED;
import static org.promisedesk.icp.IcpFilingProcess.REASON_REJECTED;
import static org.promisedesk.icp.IcpFilingProcess.SUBMISSION_NUMBER;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * {@code Task_RecordRejection}: the authority rejected the filing. It is open again, keeps its
 * domains, and goes back to the customer for corrections with the reasons. The accepted photo is
 * kept unless the agent said a new one is needed. The submission number is removed (the history
 * keeps it), so that the next submission's form starts empty.
 */
@Component
class RecordRejection implements JavaDelegate {

    private static final Logger log = LoggerFactory.getLogger(RecordRejection.class);

    private final Filings filings;

    RecordRejection(Filings filings) {
        this.filings = filings;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long filingId = ((Number) execution.getVariable(FILING_ID)).longValue();
        filings.reopened(filingId);
        execution.setVariable(CORRECTION_REASON, REASON_REJECTED);
        if (Boolean.TRUE.equals(execution.getVariable(NEW_PHOTO_NEEDED))) {
            execution.setVariable(PHOTO_ACCEPTED, false);
        }
        execution.removeVariables(List.of(SUBMISSION_NUMBER, FILING_STATUS, NEW_PHOTO_NEEDED));
        log.info("Request {}: ICP filing {} rejected by the authority; back to the customer for corrections",
                execution.getProcessBusinessKey(), filingId);
    }
}

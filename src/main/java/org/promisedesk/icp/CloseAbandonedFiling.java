package org.promisedesk.icp;

import static org.promisedesk.icp.IcpFilingProcess.FILING_ID;
import static org.promisedesk.icp.IcpFilingProcess.FILING_OUTCOME;
import static org.promisedesk.icp.IcpFilingProcess.OUTCOME_ABANDONED;
import static org.promisedesk.icp.IcpFilingProcess.WAITING_FOR;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** {@code Task_CloseAbandonedFiling}: no answer within the reply window; the filing closes and frees its domains. */
@Component
class CloseAbandonedFiling implements JavaDelegate {

    private static final Logger log = LoggerFactory.getLogger(CloseAbandonedFiling.class);

    private final Filings filings;

    CloseAbandonedFiling(Filings filings) {
        this.filings = filings;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long filingId = ((Number) execution.getVariable(FILING_ID)).longValue();
        filings.close(filingId, Filings.State.ABANDONED, null);
        execution.setVariable(FILING_OUTCOME, OUTCOME_ABANDONED);
        log.info("Request {}: ICP filing {} abandoned: no {} from the customer in time",
                execution.getProcessBusinessKey(), filingId, execution.getVariable(WAITING_FOR));
    }
}

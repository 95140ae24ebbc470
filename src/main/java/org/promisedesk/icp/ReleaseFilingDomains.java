package org.promisedesk.icp;

import static org.promisedesk.icp.IcpFilingProcess.FILING_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * At the end of every filing process: a filing that is still open (the instance was deleted, in
 * Cockpit for example) is recorded as cancelled and its domains are freed, so that no domain is
 * blocked by a filing nobody works on. Approved and abandoned filings were closed by their steps.
 */
@Component
class ReleaseFilingDomains implements ExecutionListener {

    private static final Logger log = LoggerFactory.getLogger(ReleaseFilingDomains.class);

    private final Filings filings;

    ReleaseFilingDomains(Filings filings) {
        this.filings = filings;
    }

    @Override
    public void notify(DelegateExecution execution) {
        if (!(execution.getVariable(FILING_ID) instanceof Number id)) {
            return;
        }
        filings.find(id.longValue())
                .filter(filing -> filing.state() == Filings.State.OPEN || filing.state() == Filings.State.SUBMITTED)
                .ifPresent(filing -> {
                    filings.close(filing.id(), Filings.State.CANCELLED, null);
                    log.info("Request {}: ICP filing {} ended while {}: cancelled, its domains freed",
                            execution.getProcessBusinessKey(), filing.id(), filing.state());
                });
    }
}

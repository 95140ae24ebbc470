package org.promisedesk.icp;

import static org.promisedesk.icp.IcpFilingProcess.CUSTOMER_ID;
import static org.promisedesk.icp.IcpFilingProcess.FILING_ID;
import static org.promisedesk.icp.IcpFilingProcess.FILING_OUTCOME;
import static org.promisedesk.icp.IcpFilingProcess.HOSTING_SERVICE_ID;
import static org.promisedesk.icp.IcpFilingProcess.ICP_NUMBER;
import static org.promisedesk.icp.IcpFilingProcess.OUTCOME_APPROVED;
import static org.promisedesk.icp.IcpFilingProcess.SERVICES_UPDATED;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.promisedesk.customer.ServiceState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * {@code Task_RecordIcpNumber}: the authority approved. The ICP number goes on the hosting
 * service and on every service of the customer (not cancelled) for the filed domains — their
 * domain registrations, other servers of the site — and the filing is closed, which frees its
 * domains. Lifting a suspension made for the missing filing is not done here.
 */
@Component
class RecordIcpNumber implements JavaDelegate {

    private static final Logger log = LoggerFactory.getLogger(RecordIcpNumber.class);

    private final HostedServices services;
    private final Filings filings;

    RecordIcpNumber(HostedServices services, Filings filings) {
        this.services = services;
        this.filings = filings;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long filingId = ((Number) execution.getVariable(FILING_ID)).longValue();
        long customerId = ((Number) execution.getVariable(CUSTOMER_ID)).longValue();
        long hostingId = ((Number) execution.getVariable(HOSTING_SERVICE_ID)).longValue();
        String icpNumber = (String) execution.getVariable(ICP_NUMBER);
        List<String> domains = filings.heldDomains(filingId);

        Set<Long> ids = new LinkedHashSet<>();
        ids.add(hostingId);
        for (HostedService service : services.servicesOf(customerId)) {
            if (service.state() != ServiceState.CANCELLED && domains.stream().anyMatch(service::covers)) {
                ids.add(service.id());
            }
        }
        int updated = services.recordIcpNumber(ids, icpNumber);
        filings.close(filingId, Filings.State.APPROVED, icpNumber);
        execution.setVariable(SERVICES_UPDATED, updated);
        execution.setVariable(FILING_OUTCOME, OUTCOME_APPROVED);
        log.info("Request {}: ICP filing {} approved as {}, recorded on services {}", execution.getProcessBusinessKey(),
                filingId, icpNumber, ids);
    }
}

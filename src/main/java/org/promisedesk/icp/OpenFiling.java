package org.promisedesk.icp;

import static org.promisedesk.icp.IcpFilingProcess.CUSTOMER_ID;
import static org.promisedesk.icp.IcpFilingProcess.CUSTOMER_NAME;
import static org.promisedesk.icp.IcpFilingProcess.DOMAINS;
import static org.promisedesk.icp.IcpFilingProcess.FILING_ID;
import static org.promisedesk.icp.IcpFilingProcess.PHOTO_ACCEPTED;
import static org.promisedesk.icp.IcpFilingProcess.REQUEST_KEY;
import static org.promisedesk.icp.IcpFilingProcess.STATUS_CHECKS;
import static org.promisedesk.icp.IcpFilingProcess.WORKING_VARIABLES;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.promisedesk.customer.Customer;
import org.promisedesk.customer.Customers;
import org.promisedesk.icp.Filings.Filing;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * {@code Task_OpenFiling}: refuses a start that cannot be a filing — no known customer, no request
 * key (replies find the filing by it), or a domain that is already in another open filing (one
 * filing per set of domains: continue that one). It runs in the transaction that starts the
 * process, so a refusal starts nothing. Otherwise it records the filing; the materials are checked
 * next, and incomplete ones go to the customer for corrections.
 */
@Component
class OpenFiling implements JavaDelegate {

    private static final Logger log = LoggerFactory.getLogger(OpenFiling.class);
    private static final Pattern REQUEST_KEY_PATTERN = Pattern.compile("REQ-\\d{4}-\\d{6}");

    private final Customers customers;
    private final Filings filings;

    OpenFiling(Customers customers, Filings filings) {
        this.customers = customers;
        this.filings = filings;
    }

    @Override
    public void execute(DelegateExecution execution) {
        List<String> problems = new ArrayList<>();
        Customer customer = customer(execution.getVariable(CUSTOMER_ID), problems);
        String requestKey = requestKey(execution, problems);
        duplicates(execution.getVariable(DOMAINS), problems);
        if (!problems.isEmpty()) {
            throw new BadUserRequestException("The ICP filing cannot be opened: " + String.join("; ", problems));
        }
        if (execution.getProcessBusinessKey() == null) {
            execution.setProcessBusinessKey(requestKey);
        }
        execution.removeVariables(WORKING_VARIABLES);
        long filingId = filings.open(execution.getProcessInstanceId(), requestKey, customer.id());
        execution.setVariable(REQUEST_KEY, requestKey);
        execution.setVariable(CUSTOMER_ID, customer.id());
        execution.setVariable(CUSTOMER_NAME, customer.name());
        execution.setVariable(FILING_ID, filingId);
        execution.setVariable(PHOTO_ACCEPTED, false);
        execution.setVariable(STATUS_CHECKS, 0);
        log.info("Request {}: ICP filing {} opened for customer {}", requestKey, filingId, customer.id());
    }

    private Customer customer(Object value, List<String> problems) {
        Long id = Materials.id(value);
        if (id == null || id < 0) {
            problems.add(value == null ? CUSTOMER_ID + " is required" : CUSTOMER_ID + " '" + value + "' is not a customer id");
            return null;
        }
        Optional<Customer> customer = customers.findById(id);
        if (customer.isEmpty()) {
            problems.add(CUSTOMER_ID + " " + id + " is not a known customer");
        }
        return customer.orElse(null);
    }

    private static String requestKey(DelegateExecution execution, List<String> problems) {
        String key = Materials.text(execution.getVariable(REQUEST_KEY));
        String businessKey = execution.getProcessBusinessKey();
        if (key == null) {
            if (businessKey != null && REQUEST_KEY_PATTERN.matcher(businessKey).matches()) {
                return businessKey;
            }
            problems.add(REQUEST_KEY + " is required: the customer's request, like REQ-2026-000123;"
                    + " e-mail replies find the filing by it");
            return null;
        }
        if (!REQUEST_KEY_PATTERN.matcher(key).matches()) {
            problems.add(REQUEST_KEY + " '" + key + "' is not a request key like REQ-2026-000123");
        } else if (businessKey != null && !businessKey.equals(key)) {
            problems.add(REQUEST_KEY + " " + key + " differs from the business key " + businessKey);
        }
        return key;
    }

    private void duplicates(Object domains, List<String> problems) {
        String list = Materials.text(domains);
        if (list == null) {
            return;
        }
        for (String entry : DomainNames.split(list)) {
            DomainNames.Domain domain = DomainNames.parse(entry);
            Optional<Filing> other = domain == null ? Optional.empty() : filings.holding(domain.ascii(), -1);
            other.ifPresent(filing -> problems.add(DOMAINS + ": " + domain.unicode() + " is already in open ICP filing "
                    + filing.id() + " of request " + filing.requestKey() + "; continue that one"));
        }
    }
}

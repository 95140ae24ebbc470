package org.promisedesk.requirement;

import static org.promisedesk.requirement.RequirementProcess.CUSTOMER_ID;
import static org.promisedesk.requirement.RequirementProcess.CUSTOMER_NAME;
import static org.promisedesk.requirement.RequirementProcess.SERVICE_ID;
import static org.promisedesk.requirement.RequirementProcess.SERVICE_LABEL;
import static org.promisedesk.requirement.RequirementProcess.SERVICE_TYPE;
import static org.promisedesk.requirement.RequirementProcess.STATED_REQUEST;
import static org.promisedesk.requirement.RequirementProcess.WORKING_VARIABLES;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.promisedesk.customer.Customer;
import org.promisedesk.customer.Customers;
import org.promisedesk.customer.Subscription;
import org.promisedesk.customer.Subscriptions;
import org.promisedesk.intake.RequestKeySequence;
import org.promisedesk.mail.RequestKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * {@code Task_CheckRequirement}: checks the inputs of a new requirement in the transaction that
 * starts it, so bad input fails the start with one {@link BadUserRequestException} naming every
 * bad field, and nothing is started. A service, when named, must be the customer's; its type
 * pre-fills the architect's analysis. Started by hand without a request key, it takes a new one.
 */
@Component
class CheckRequirement implements JavaDelegate {

    private static final Logger log = LoggerFactory.getLogger(CheckRequirement.class);

    private final Customers customers;
    private final Subscriptions subscriptions;
    private final RequestKeySequence requestKeys;

    CheckRequirement(Customers customers, Subscriptions subscriptions, RequestKeySequence requestKeys) {
        this.customers = customers;
        this.subscriptions = subscriptions;
        this.requestKeys = requestKeys;
    }

    @Override
    public void execute(DelegateExecution execution) {
        List<String> problems = new ArrayList<>();
        Customer customer = customers.fromVariable(CUSTOMER_ID, execution.getVariable(CUSTOMER_ID), problems);
        String stated = Texts.atLeast(execution.getVariable(STATED_REQUEST), Texts.NOTE_MIN);
        if (stated == null) {
            problems.add(STATED_REQUEST + " is required: at least " + Texts.NOTE_MIN
                    + " characters, the customer's request in their words");
        }
        Subscription service = service(execution.getVariable(SERVICE_ID), customer, problems);
        String requestKey = RequestKeys.optional(execution, problems);
        if (!problems.isEmpty()) {
            throw new BadUserRequestException("The requirement cannot be started: " + String.join("; ", problems));
        }
        if (requestKey == null) {
            requestKey = requestKeys.next();
        }
        RequestKeys.record(execution, requestKey);
        execution.removeVariables(WORKING_VARIABLES);
        execution.setVariable(CUSTOMER_ID, customer.id());
        execution.setVariable(CUSTOMER_NAME, customer.name());
        if (!stated.equals(execution.getVariable(STATED_REQUEST))) {
            execution.setVariable(STATED_REQUEST, stated);
        }
        if (service == null) {
            execution.removeVariable(SERVICE_ID);
        } else {
            execution.setVariable(SERVICE_ID, service.id());
            execution.setVariable(SERVICE_TYPE, service.type().name());
            execution.setVariable(SERVICE_LABEL, label(service));
        }
        log.info("Request {}: requirement of customer {} received{}", requestKey, customer.id(),
                service == null ? "" : " about service " + service.id() + " (" + service.type() + ")");
    }

    private Subscription service(Object value, Customer customer, List<String> problems) {
        if (Texts.blank(value)) {
            return null;
        }
        Long id = value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue()) ? n.longValue()
                : value instanceof String text && text.strip().matches("\\d{1,18}") ? Long.valueOf(text.strip())
                : null;
        if (id == null) {
            problems.add(SERVICE_ID + " '" + value + "' is not a service id");
            return null;
        }
        Subscription service = subscriptions.findById(id).orElse(null);
        if (service == null) {
            problems.add(SERVICE_ID + " " + id + " is not a known service");
        } else if (customer != null && service.customerId() != customer.id()) {
            problems.add(SERVICE_ID + " " + id + " is not a service of customer " + customer.id());
            return null;
        }
        return service;
    }

    /** "CLOUD_VM vm-hk-1021, staging.northwind.example, 198.51.100.21 (Cloud VM 4 vCPU / 8 GB)". */
    static String label(Subscription service) {
        String where = String.join(", ", Stream.of(service.serverName(), service.domain(), service.ipAddress())
                .filter(Objects::nonNull).toList());
        return service.type().name() + " " + where + " (" + service.plan() + ")";
    }
}

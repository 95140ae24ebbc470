package org.promisedesk.fault;

import static org.promisedesk.fault.FaultEscalationProcess.CUSTOMER_ID;
import static org.promisedesk.fault.FaultEscalationProcess.CUSTOMER_NAME;
import static org.promisedesk.fault.FaultEscalationProcess.CUSTOMER_PROFILE;
import static org.promisedesk.fault.FaultEscalationProcess.P3;
import static org.promisedesk.fault.FaultEscalationProcess.PRIORITIES;
import static org.promisedesk.fault.FaultEscalationProcess.PRIORITY;
import static org.promisedesk.fault.FaultEscalationProcess.REPORTED_AT;
import static org.promisedesk.fault.FaultEscalationProcess.SERVICE_ID;
import static org.promisedesk.fault.FaultEscalationProcess.SERVICE_KNOWN;
import static org.promisedesk.fault.FaultEscalationProcess.SYMPTOM;
import static org.promisedesk.fault.FaultEscalationProcess.WORKING_VARIABLES;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.promisedesk.customer.Customer;
import org.promisedesk.customer.Customers;
import org.promisedesk.customer.Subscription;
import org.promisedesk.mail.RequestKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * {@code Task_CheckFault}: checks the inputs of a new fault escalation in the transaction that
 * starts it, so bad input fails the start with one {@link BadUserRequestException} naming every
 * bad field, and nothing is started. The service, when named, must be the customer's; its facts
 * (type, domain, address, server) become variables. Priority defaults to {@code P3}.
 */
@Component
class CheckFault implements JavaDelegate {

    private static final Logger log = LoggerFactory.getLogger(CheckFault.class);

    private final Customers customers;
    private final FaultServices services;

    CheckFault(Customers customers, FaultServices services) {
        this.customers = customers;
        this.services = services;
    }

    @Override
    public void execute(DelegateExecution execution) {
        List<String> problems = new ArrayList<>();
        Customer customer = customers.fromVariable(CUSTOMER_ID, execution.getVariable(CUSTOMER_ID), problems);
        String requestKey = RequestKeys.required(execution, "the request the fault was reported in", problems);
        String symptom = Texts.atLeast(execution.getVariable(SYMPTOM), Texts.NOTE_MIN);
        if (symptom == null) {
            problems.add(Texts.rule(SYMPTOM) + " saying what the customer sees");
        }
        String priority = priority(execution.getVariable(PRIORITY), problems);
        Object serviceId = execution.getVariable(SERVICE_ID);
        Subscription service = customer == null || FaultServices.blank(serviceId) ? null
                : services.of(serviceId, customer.id(), problems);
        if (!problems.isEmpty()) {
            throw new BadUserRequestException("The fault escalation cannot be started: " + String.join("; ", problems));
        }

        RequestKeys.record(execution, requestKey);
        execution.removeVariables(WORKING_VARIABLES);
        execution.setVariable(CUSTOMER_ID, customer.id());
        execution.setVariable(CUSTOMER_NAME, customer.name());
        execution.setVariable(CUSTOMER_PROFILE, customer.serviceProfile().name());
        execution.setVariable(PRIORITY, priority);
        execution.setVariable(REPORTED_AT, ClockUtil.getCurrentTime());
        Texts.normalise(execution, SYMPTOM, symptom);
        if (service == null) {
            execution.removeVariable(SERVICE_ID);
            execution.setVariable(SERVICE_KNOWN, false);
        } else {
            services.record(execution, service);
        }
        log.info("Request {}: fault escalation started for customer {} ({}), service {}, {}", requestKey,
                customer.id(), customer.serviceProfile(), service == null ? "not named" : service.id(), priority);
    }

    private static String priority(Object value, List<String> problems) {
        if (FaultServices.blank(value)) {
            return P3;
        }
        String priority = value.toString().strip().toUpperCase(Locale.ROOT);
        if (!PRIORITIES.contains(priority)) {
            problems.add(PRIORITY + " '" + value + "' is not one of " + String.join(", ", PRIORITIES));
        }
        return priority;
    }
}

package org.promisedesk.intake;

import static org.promisedesk.intake.IntakeProcess.CONTACT_ADDRESS;
import static org.promisedesk.intake.IntakeProcess.CUSTOMER_ID;
import static org.promisedesk.intake.IntakeProcess.CUSTOMER_NAME;
import static org.promisedesk.intake.IntakeProcess.CUSTOMER_PROFILE;
import static org.promisedesk.intake.IntakeProcess.REQUEST_STATE;
import static org.promisedesk.intake.IntakeProcess.STATE_CLASSIFYING;
import static org.promisedesk.intake.IntakeProcess.STATE_IDENTIFYING;

import java.util.Optional;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.promisedesk.customer.Customer;
import org.promisedesk.customer.Customers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * {@code Task_FindCustomer}: the customer named by {@code customerId}, else the one whose e-mail
 * address, phone number or IM handle the contact came from. Nobody found: {@code customerId}
 * stays null and an agent identifies or registers the contact.
 */
@Component
class FindCustomer implements JavaDelegate {

    private static final Logger log = LoggerFactory.getLogger(FindCustomer.class);
    private static final Pattern PHONE = Pattern.compile("\\+?[\\d\\s()\\-]{6,}");

    private final Customers customers;

    FindCustomer(Customers customers) {
        this.customers = customers;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Optional<Customer> customer = execution.getVariable(CUSTOMER_ID) instanceof Number id
                ? customers.findById(id.longValue())
                : byAddress((String) execution.getVariable(CONTACT_ADDRESS));
        if (customer.isEmpty()) {
            execution.setVariable(REQUEST_STATE, STATE_IDENTIFYING);
            log.info("Request {}: no customer known by '{}'; an agent identifies the contact",
                    execution.getProcessBusinessKey(), execution.getVariable(CONTACT_ADDRESS));
            return;
        }
        identified(execution, customer.get());
        log.info("Request {}: customer {} ({})", execution.getProcessBusinessKey(), customer.get().id(),
                customer.get().serviceProfile());
    }

    static void identified(DelegateExecution execution, Customer customer) {
        execution.setVariable(CUSTOMER_ID, customer.id());
        execution.setVariable(CUSTOMER_NAME, customer.name());
        execution.setVariable(CUSTOMER_PROFILE, customer.serviceProfile().name());
        execution.setVariable(REQUEST_STATE, STATE_CLASSIFYING);
    }

    /** An e-mail address, a phone number (country code included) or an IM handle ({@code wx:...}). */
    private Optional<Customer> byAddress(String address) {
        if (address == null || address.isBlank()) {
            return Optional.empty();
        }
        if (address.contains("@")) {
            return customers.findByEmail(address);
        }
        if (PHONE.matcher(address.strip()).matches()) {
            return customers.findByPhone(address);
        }
        return customers.findByImHandle(address);
    }
}

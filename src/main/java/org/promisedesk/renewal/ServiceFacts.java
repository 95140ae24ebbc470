package org.promisedesk.renewal;

import static org.promisedesk.renewal.ServiceRenewalProcess.CUSTOMER_ID;
import static org.promisedesk.renewal.ServiceRenewalProcess.CUSTOMER_NAME;
import static org.promisedesk.renewal.ServiceRenewalProcess.EXPIRY_DATE;
import static org.promisedesk.renewal.ServiceRenewalProcess.MONTHLY_PRICE;
import static org.promisedesk.renewal.ServiceRenewalProcess.PLAN;
import static org.promisedesk.renewal.ServiceRenewalProcess.RENEWAL_KEY;
import static org.promisedesk.renewal.ServiceRenewalProcess.SERVICE_ID;
import static org.promisedesk.renewal.ServiceRenewalProcess.SERVICE_NAME;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.promisedesk.customer.Customer;
import org.promisedesk.customer.Customers;
import org.promisedesk.customer.Subscription;
import org.promisedesk.customer.Subscriptions;
import org.springframework.stereotype.Component;

/**
 * The service and customer of a renewal, as the variables its letters, forms and Tasklist show:
 * who, which service, plan, monthly price and the expiry date the renewal is about.
 */
@Component
class ServiceFacts {

    record Facts(Subscription service, Customer customer) {
    }

    private final Subscriptions subscriptions;
    private final Customers customers;
    private final Renewals renewals;
    private final RenewalPlan plan;

    ServiceFacts(Subscriptions subscriptions, Customers customers, Renewals renewals, RenewalPlan plan) {
        this.subscriptions = subscriptions;
        this.customers = customers;
        this.renewals = renewals;
        this.plan = plan;
    }

    /** The renewal row of the process instance, found by its business key. */
    Renewal renewalOf(DelegateExecution execution) {
        String businessKey = execution.getProcessBusinessKey();
        return renewals.findByBusinessKey(businessKey).orElseThrow(() -> new ProcessEngineException(
                "No renewal recorded for business key " + businessKey + "; renewals are started by the scan, "
                        + "POST /api/services/{id}/renewals or the Tasklist action 'Record a customer's renewal answer'"));
    }

    /** Loads the service and its customer and sets the variables about them. */
    Facts load(DelegateExecution execution, Renewal renewal) {
        Subscription service = subscriptions.findById(renewal.serviceId()).orElseThrow(
                () -> new ProcessEngineException("Renewal " + renewal.businessKey() + ": no service " + renewal.serviceId()));
        Customer customer = customers.findById(service.customerId()).orElseThrow(
                () -> new ProcessEngineException("Renewal " + renewal.businessKey() + ": no customer " + service.customerId()));
        execution.setVariable(SERVICE_ID, service.id());
        execution.setVariable(CUSTOMER_ID, customer.id());
        execution.setVariable(CUSTOMER_NAME, customer.name());
        execution.setVariable(RENEWAL_KEY, renewal.businessKey());
        execution.setVariable(SERVICE_NAME, name(service));
        execution.setVariable(PLAN, service.plan());
        execution.setVariable(MONTHLY_PRICE, service.monthlyPrice().doubleValue());
        execution.setVariable(EXPIRY_DATE, plan.dayForDisplay(renewal.expiryDate()));
        return new Facts(service, customer);
    }

    /** What the customer calls the service: its domain, else its server, else its address. */
    static String name(Subscription service) {
        if (service.domain() != null && !service.domain().isBlank()) {
            return service.domain();
        }
        if (service.serverName() != null && !service.serverName().isBlank()) {
            return service.serverName();
        }
        if (service.ipAddress() != null && !service.ipAddress().isBlank()) {
            return service.ipAddress();
        }
        return "#" + service.id();
    }
}

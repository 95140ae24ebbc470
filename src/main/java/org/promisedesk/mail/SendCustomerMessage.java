package org.promisedesk.mail;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.promisedesk.customer.Customer;
import org.promisedesk.customer.Customers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;

/**
 * PLACEHOLDER until the messaging issue lands, which replaces this class: it sends nothing. It
 * records the message it would send — template, customer, address, language — in the process
 * variable {@value #LAST_CUSTOMER_MESSAGE} (with full history every message stays in the trail)
 * and logs it.
 *
 * <p>Every "tell the customer" service task uses it with the field {@code template}:
 * <pre>{@code
 * <bpmn:serviceTask id="Task_TellCustomerCancelled" camunda:asyncBefore="true"
 *     camunda:delegateExpression="${sendCustomerMessage}">
 *   <bpmn:extensionElements>
 *     <camunda:field name="template" stringValue="promise-cancelled" />
 * }</pre>
 * The field may be an expression ({@code promise-${promiseOutcome}}). The process must have the
 * variable {@code customerId}. Prototype scope: the engine injects the field into the bean it
 * gets for each call, so concurrent jobs must not share one instance.
 */
@Component
@Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
public class SendCustomerMessage implements JavaDelegate {

    public static final String LAST_CUSTOMER_MESSAGE = "lastCustomerMessage";
    public static final String CUSTOMER_ID = "customerId";

    private static final Logger log = LoggerFactory.getLogger(SendCustomerMessage.class);

    private final Customers customers;
    private Expression template;

    SendCustomerMessage(Customers customers) {
        this.customers = customers;
    }

    /** Field injection from the model: {@code <camunda:field name="template" ... />}. */
    public void setTemplate(Expression template) {
        this.template = template;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Object templateName = template == null ? null : template.getValue(execution);
        if (templateName == null || templateName.toString().isBlank()) {
            throw new ProcessEngineException(execution.getCurrentActivityId()
                    + ": sendCustomerMessage needs the field 'template'");
        }
        Object customerId = execution.getVariable(CUSTOMER_ID);
        Customer customer = customerId instanceof Number id ? customers.findById(id.longValue()).orElse(null) : null;
        if (customer == null) {
            // Fails the job: it is retried and then shows as an incident; the message is not lost.
            throw new ProcessEngineException("No customer " + customerId + " to send " + templateName + " to");
        }
        String message = "template=" + templateName + "; customer=" + customer.id() + "; to=" + customer.email()
                + "; lang=" + customer.preferredLanguage();
        execution.setVariable(LAST_CUSTOMER_MESSAGE, message);
        log.info("Request {}: customer message recorded, not sent (e-mail is not built yet): {}",
                execution.getProcessBusinessKey(), message);
    }
}

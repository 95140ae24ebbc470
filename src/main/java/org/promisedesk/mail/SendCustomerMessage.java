package org.promisedesk.mail;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.promisedesk.customer.Customer;
import org.promisedesk.customer.Customers;
import org.promisedesk.mail.OutboundMessage.State;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;

/**
 * THE way a process sends a customer an e-mail: a service task with
 * <pre>{@code
 * <bpmn:serviceTask id="Task_TellCustomerCancelled" camunda:asyncBefore="true"
 *     camunda:delegateExpression="${sendCustomerMessage}">
 *   <bpmn:extensionElements>
 *     <camunda:field name="template" stringValue="promise-cancelled" />
 * }</pre>
 * The field may be an expression ({@code promise-${promiseOutcome}}). It needs the variable
 * {@code customerId}; the request key is {@code requestKey} or the business key. The template
 * gets every process variable (one whose value is null counts as missing), {@code customer} and
 * {@code requestKey}. The step must be the start of its own job ({@code asyncBefore}): the job id
 * is the message key, one message per step however often the job runs. The step only QUEUES the
 * message, in the job's own transaction; it is handed to the mail server once that transaction has
 * committed, and again later if the server is away ({@link MessageDelivery}), so an outage never holds
 * up the process. It sets {@value #LAST_CUSTOMER_MESSAGE}, so the history shows every message. The optional field
 * {@code attachments} is an expression yielding a {@link MailAttachment}, a list of them or null;
 * it is evaluated once, when the message is composed, and stored with it. Prototype scope: the engine
 * injects the field into the bean it gets for each call, so concurrent jobs must not share one.
 */
@Component
@Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
public class SendCustomerMessage implements JavaDelegate {

    public static final String LAST_CUSTOMER_MESSAGE = "lastCustomerMessage";
    public static final String CUSTOMER_ID = "customerId";
    public static final String CUSTOMER = "customer";

    private static final Pattern TEMPLATE_NAME = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    private final Customers customers;
    private final MailTemplates templates;
    private final OutboundMessages outbox;
    private final MessageDelivery delivery;
    private final MailSettings settings;
    private Expression template;
    private Expression attachments;

    SendCustomerMessage(Customers customers, MailTemplates templates, OutboundMessages outbox,
            MessageDelivery delivery, MailSettings settings) {
        this.customers = customers;
        this.templates = templates;
        this.outbox = outbox;
        this.delivery = delivery;
        this.settings = settings;
    }

    /** Field injection from the model: {@code <camunda:field name="template" ... />}. */
    public void setTemplate(Expression template) {
        this.template = template;
    }

    /** Optional field injection: {@code <camunda:field name="attachments" expression="${...}" />}. */
    public void setAttachments(Expression attachments) {
        this.attachments = attachments;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String activity = execution.getCurrentActivityId();
        JobEntity job = Context.getCommandContext().getCurrentJob();
        if (job == null || !activity.equals(job.getActivityId())) {
            throw new ProcessEngineException(activity + ": sendCustomerMessage must start a job of its own;"
                    + " set camunda:asyncBefore=\"true\" on the service task");
        }
        Object name = template == null ? null : template.getValue(execution);
        if (name == null || !TEMPLATE_NAME.matcher(name.toString()).matches()) {
            throw new ProcessEngineException(activity + ": sendCustomerMessage needs the field 'template'"
                    + " naming a template in lower-case words and dashes, not '" + name + "'");
        }
        OutboundMessage queued = outbox.find(job.getId()).orElseGet(() -> {
            OutboundMessage composed = compose(execution, job, name.toString());
            outbox.insert(composed);
            return composed;
        });
        Context.getCommandContext().getTransactionContext().addTransactionListener(TransactionState.COMMITTED,
                committed -> delivery.deliverNow(queued.messageKey()));
        execution.setVariable(LAST_CUSTOMER_MESSAGE, queued.summary());
    }

    private OutboundMessage compose(DelegateExecution execution, JobEntity job, String templateName) {
        String requestKey = RequestKeys.of(execution);
        Customer customer = customer(execution.getVariable(CUSTOMER_ID), templateName, requestKey);
        Map<String, Object> variables = new HashMap<>();
        execution.getVariables().forEach((key, value) -> {
            if (value != null) {
                variables.put(key, value);
            }
        });
        variables.put(CUSTOMER, customer);
        variables.put(RequestKeys.VARIABLE, requestKey);
        MailTemplates.RenderedMail mail = templates.render(templateName, customer.preferredLanguage(), variables);
        List<MailAttachment> files = MailAttachments.check(attachments == null ? null : attachments.getValue(execution),
                execution.getCurrentActivityId() + " (request " + requestKey + ", " + templateName + ")",
                settings.maxAttachmentSize());
        String messageId = "<" + UUID.randomUUID() + "@" + settings.messageIdHost() + ">";
        return new OutboundMessage(job.getId(), requestKey, execution.getProcessInstanceId(),
                execution.getCurrentActivityId(), templateName, customer.id(), customer.email(),
                customer.preferredLanguage(), RequestKeys.tag(requestKey, mail.subject()), messageId, mail.text(),
                mail.html(), State.PENDING, 0, ClockUtil.getCurrentTime().toInstant(), null, files);
    }

    /** Failing here fails the job: it is retried, so an address added meanwhile is used. */
    private Customer customer(Object customerId, String templateName, String requestKey) {
        Customer customer = customerId instanceof Number id ? customers.findById(id.longValue()).orElse(null) : null;
        if (customer == null) {
            throw new ProcessEngineException("Request " + requestKey + ": no customer " + customerId + " to send "
                    + templateName + " to");
        }
        if (customer.email() == null || customer.email().isBlank()) {
            throw new ProcessEngineException("Request " + requestKey + ": customer " + customer.id()
                    + " has no e-mail address for " + templateName);
        }
        return customer;
    }
}

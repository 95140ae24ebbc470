package org.promisedesk.intake;

import static org.promisedesk.intake.IntakeProcess.CLASSES;
import static org.promisedesk.intake.IntakeProcess.CUSTOMER_ID;
import static org.promisedesk.intake.IntakeProcess.HANDLED_BY;
import static org.promisedesk.intake.IntakeProcess.REQUEST_CLASS;
import static org.promisedesk.intake.IntakeProcess.REQUEST_STATE;
import static org.promisedesk.intake.IntakeProcess.SERVICE_ID;
import static org.promisedesk.intake.IntakeProcess.STATE_IN_PROGRESS;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.promisedesk.customer.Subscription;
import org.promisedesk.customer.Subscriptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Completion of {@code Task_ClassifyRequest}: {@code requestClass} is one of the nine classes,
 * {@code serviceId} (optional) is one of the customer's services, and "out of scope" needs a
 * note saying why. Rejected naming the fields otherwise; the task stays open.
 */
@Component
class CheckClassification implements TaskListener {

    private static final Logger log = LoggerFactory.getLogger(CheckClassification.class);

    private final Subscriptions subscriptions;

    CheckClassification(Subscriptions subscriptions) {
        this.subscriptions = subscriptions;
    }

    @Override
    public void notify(DelegateTask task) {
        DelegateExecution execution = task.getExecution();
        List<String> problems = new ArrayList<>();
        Object requestClass = execution.getVariable(REQUEST_CLASS);
        if (!(requestClass instanceof String text) || !CLASSES.contains(text)) {
            problems.add(REQUEST_CLASS + (requestClass == null ? " is required" : " '" + requestClass + "' is not")
                    + ": one of " + String.join(", ", CLASSES));
        }
        Long serviceId = serviceId(execution, problems);
        Scope.check(execution, problems);
        Texts.reject("The request cannot be classified", problems);

        execution.setVariable(SERVICE_ID, serviceId);
        execution.setVariable(REQUEST_STATE, STATE_IN_PROGRESS);
        execution.setVariable(HANDLED_BY, Actors.of(task));
        log.info("Request {}: classified as {} by {}{}", execution.getProcessBusinessKey(), requestClass, Actors.of(task),
                Scope.outOfScope(execution) ? ", out of scope" : "");
    }

    private Long serviceId(DelegateExecution execution, List<String> problems) {
        Object value = execution.getVariable(SERVICE_ID);
        if (value == null || value instanceof String text && text.isBlank()) {
            return null;
        }
        if (!(value instanceof Number number) || number.doubleValue() != Math.rint(number.doubleValue())) {
            problems.add(SERVICE_ID + " '" + value + "' is not a service id");
            return null;
        }
        long id = number.longValue();
        long customerId = ((Number) execution.getVariable(CUSTOMER_ID)).longValue();
        if (subscriptions.findByCustomer(customerId).stream().map(Subscription::id).noneMatch(s -> s == id)) {
            problems.add(SERVICE_ID + " " + id + " is not a service of customer " + customerId);
        }
        return id;
    }
}

package org.promisedesk.promise;

import static org.promisedesk.promise.PromiseProcess.CUSTOMER_ID;
import static org.promisedesk.promise.PromiseProcess.CUSTOMER_NAME;
import static org.promisedesk.promise.PromiseProcess.DUE_DATE;
import static org.promisedesk.promise.PromiseProcess.DUE_DATE_CHANGES;
import static org.promisedesk.promise.PromiseProcess.OWNER;
import static org.promisedesk.promise.PromiseProcess.PROMISE_TEXT;
import static org.promisedesk.promise.PromiseProcess.REMINDER_AT;
import static org.promisedesk.promise.PromiseProcess.WORKING_VARIABLES;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.context.Context;
import org.promisedesk.customer.Customer;
import org.promisedesk.customer.Customers;
import org.promisedesk.mail.RequestKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * {@code Task_CheckPromise}: checks the inputs of a new promise and normalises them. It runs in
 * the transaction that starts the process, so bad input fails the start with one
 * {@link BadUserRequestException} naming every bad field, and nothing is started.
 */
@Component
class CheckPromise implements JavaDelegate {

    private static final Logger log = LoggerFactory.getLogger(CheckPromise.class);

    private final Customers customers;
    private final IdentityService identityService;
    private final DueDates dueDates;

    CheckPromise(Customers customers, IdentityService identityService, DueDates dueDates) {
        this.customers = customers;
        this.identityService = identityService;
        this.dueDates = dueDates;
    }

    @Override
    public void execute(DelegateExecution execution) {
        List<String> problems = new ArrayList<>();
        Customer customer = customers.fromVariable(CUSTOMER_ID, execution.getVariable(CUSTOMER_ID), problems);
        String requestKey = RequestKeys.optional(execution, problems);
        String promiseText = Explanations.valid(execution.getVariable(PROMISE_TEXT));
        if (promiseText == null) {
            problems.add(Explanations.rule(PROMISE_TEXT) + " saying what was promised");
        }
        String owner = owner(execution.getVariable(OWNER), problems);
        Date dueDate = DueDates.future(execution.getVariable(DUE_DATE), DUE_DATE, problems);
        if (!problems.isEmpty()) {
            throw new BadUserRequestException("The promise cannot be made: " + String.join("; ", problems));
        }

        if (requestKey != null) {
            RequestKeys.record(execution, requestKey);
        }
        execution.removeVariables(WORKING_VARIABLES);
        execution.setVariable(CUSTOMER_ID, customer.id());
        execution.setVariable(CUSTOMER_NAME, customer.name());
        execution.setVariable(PROMISE_TEXT, promiseText);
        execution.setVariable(OWNER, owner);
        execution.setVariable(DUE_DATE, dueDate);
        execution.setVariable(REMINDER_AT, dueDates.reminderAt(dueDate));
        execution.setVariable(DUE_DATE_CHANGES, 0);
        log.info("Request {}: promise made to customer {}, owner {}, due {}", execution.getProcessBusinessKey(),
                customer.id(), owner, DueDates.format(dueDate));
    }

    private String owner(Object value, List<String> problems) {
        if (!(value instanceof String text) || text.isBlank()) {
            problems.add(OWNER + " is required: the user id of who keeps the promise");
            return null;
        }
        String owner = text.strip();
        // The process checks its own input: the starter needs no right to read users for that.
        long users = Context.getCommandContext().runWithoutAuthorization(
                () -> identityService.createUserQuery().userId(owner).count());
        if (users == 0) {
            problems.add(OWNER + " '" + owner + "' is not a user");
        }
        return owner;
    }
}

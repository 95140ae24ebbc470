package org.promisedesk.refusal;

import static org.promisedesk.refusal.RefusalProcess.ALTERNATIVE;
import static org.promisedesk.refusal.RefusalProcess.CALLED_BY_PROCESS;
import static org.promisedesk.refusal.RefusalProcess.CUSTOMER_ID;
import static org.promisedesk.refusal.RefusalProcess.CUSTOMER_NAME;
import static org.promisedesk.refusal.RefusalProcess.CUSTOMER_PROFILE;
import static org.promisedesk.refusal.RefusalProcess.REFERRAL;
import static org.promisedesk.refusal.RefusalProcess.REFUSED_BY;
import static org.promisedesk.refusal.RefusalProcess.REQUEST_SUMMARY;
import static org.promisedesk.refusal.RefusalProcess.WORKING_VARIABLES;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.promisedesk.customer.Customer;
import org.promisedesk.customer.Customers;
import org.promisedesk.mail.RequestKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * {@code Task_CheckRefusal}: checks the inputs of a new refusal and normalises them. It runs in
 * the transaction that starts the process, so bad input fails the start with one
 * {@link BadUserRequestException} naming every bad field, and nothing is started.
 *
 * <p>The request key is required (the customer's e-mail answer finds the refusal by it). Who
 * refuses defaults to the user who starts it; without one, the draft waits for the team.
 */
@Component
class CheckRefusal implements JavaDelegate {

    private static final Logger log = LoggerFactory.getLogger(CheckRefusal.class);

    private final Customers customers;
    private final IdentityService identityService;

    CheckRefusal(Customers customers, IdentityService identityService) {
        this.customers = customers;
        this.identityService = identityService;
    }

    @Override
    public void execute(DelegateExecution execution) {
        List<String> problems = new ArrayList<>();
        Customer customer = customers.fromVariable(CUSTOMER_ID, execution.getVariable(CUSTOMER_ID), problems);
        String requestKey = RequestKeys.required(execution, "the request being refused", problems);
        String summary = Texts.atLeast(execution.getVariable(REQUEST_SUMMARY), Texts.NOTE_MIN);
        if (summary == null) {
            problems.add(Texts.rule(REQUEST_SUMMARY, Texts.NOTE_MIN) + " saying what the customer asked for");
        }
        String refusedBy = refusedBy(execution.getVariable(REFUSED_BY), problems);
        Texts.optional(execution, ALTERNATIVE, Texts.NOTE_MIN, problems);
        Texts.optional(execution, REFERRAL, Texts.NOTE_MIN, problems);
        if (!problems.isEmpty()) {
            throw new BadUserRequestException("The refusal cannot be started: " + String.join("; ", problems));
        }

        RequestKeys.record(execution, requestKey);
        execution.removeVariables(WORKING_VARIABLES);
        execution.setVariable(CUSTOMER_ID, customer.id());
        execution.setVariable(CUSTOMER_NAME, customer.name());
        execution.setVariable(CUSTOMER_PROFILE, customer.serviceProfile().name());
        Texts.normalise(execution, REQUEST_SUMMARY, summary);
        execution.setVariable(REFUSED_BY, refusedBy);
        execution.setVariable(CALLED_BY_PROCESS, execution.getProcessInstance().getSuperExecution() != null);
        log.info("Request {}: refusal started for customer {} ({}), refused by {}", requestKey, customer.id(),
                customer.serviceProfile(), refusedBy == null ? "the team" : refusedBy);
    }

    /** The given user, else whoever starts the refusal, else nobody (the team's inbox). */
    private String refusedBy(Object value, List<String> problems) {
        if (value == null || value instanceof String text && text.isBlank()) {
            Authentication current = identityService.getCurrentAuthentication();
            return current == null ? null : current.getUserId();
        }
        if (!(value instanceof String text)) {
            problems.add(REFUSED_BY + " '" + value + "' is not a user id");
            return null;
        }
        String userId = text.strip();
        // The process checks its own input: the starter needs no right to read users for that.
        long users = Context.getCommandContext().runWithoutAuthorization(
                () -> identityService.createUserQuery().userId(userId).count());
        if (users == 0) {
            problems.add(REFUSED_BY + " '" + userId + "' is not a user");
        }
        return userId;
    }
}

package org.promisedesk.intake;

import static org.promisedesk.intake.IntakeProcess.AGENT_PROMISES;
import static org.promisedesk.intake.IntakeProcess.BODY;
import static org.promisedesk.intake.IntakeProcess.BODY_MAX;
import static org.promisedesk.intake.IntakeProcess.CHANNEL;
import static org.promisedesk.intake.IntakeProcess.CHANNELS;
import static org.promisedesk.intake.IntakeProcess.CONTACT_ADDRESS;
import static org.promisedesk.intake.IntakeProcess.CUSTOMER_ID;
import static org.promisedesk.intake.IntakeProcess.DEFAULT_PRIORITY;
import static org.promisedesk.intake.IntakeProcess.FIRST_RESPONSE_AT;
import static org.promisedesk.intake.IntakeProcess.INBOUND_MESSAGE_ID;
import static org.promisedesk.intake.IntakeProcess.OUT_OF_SCOPE;
import static org.promisedesk.intake.IntakeProcess.PRIORITIES;
import static org.promisedesk.intake.IntakeProcess.PRIORITY;
import static org.promisedesk.intake.IntakeProcess.RECEIVED_AT;
import static org.promisedesk.intake.IntakeProcess.REOPEN_COUNT;
import static org.promisedesk.intake.IntakeProcess.REQUESTED_PRIORITY;
import static org.promisedesk.intake.IntakeProcess.REQUEST_CLASS;
import static org.promisedesk.intake.IntakeProcess.REQUEST_STATE;
import static org.promisedesk.intake.IntakeProcess.SERVICE_ID;
import static org.promisedesk.intake.IntakeProcess.SLA_BREACHED;
import static org.promisedesk.intake.IntakeProcess.SLA_BREACHES;
import static org.promisedesk.intake.IntakeProcess.SLA_PAUSED_SINCE;
import static org.promisedesk.intake.IntakeProcess.SLA_PAUSED_TOTAL;
import static org.promisedesk.intake.IntakeProcess.STATE_NEW;
import static org.promisedesk.intake.IntakeProcess.SUBJECT;
import static org.promisedesk.intake.IntakeProcess.SUBJECT_MAX;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.promisedesk.customer.Customer;
import org.promisedesk.customer.Customers;
import org.promisedesk.mail.RequestKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * {@code Task_OpenRequest}: checks the start of a request and sets it up. It runs in the
 * transaction that starts the process, so bad input fails the start with one
 * {@code BadUserRequestException} naming every bad field, and nothing is started — whether the
 * start came from {@code POST /api/requests}, an e-mail or the Tasklist start form. A start
 * without a request key (Tasklist) takes the next one and makes it the business key.
 */
@Component
class OpenRequest implements JavaDelegate {

    private static final Logger log = LoggerFactory.getLogger(OpenRequest.class);
    static final int SUBJECT_MIN = 2;
    static final int BODY_MIN = 2;
    static final int ADDRESS_MAX = 254;

    private final Customers customers;
    private final RequestKeySequence keys;

    OpenRequest(Customers customers, RequestKeySequence keys) {
        this.customers = customers;
        this.keys = keys;
    }

    @Override
    public void execute(DelegateExecution execution) {
        List<String> problems = new ArrayList<>();
        String requestKey = requestKey(execution, problems);
        String channel = channel(execution.getVariable(CHANNEL), problems);
        Object customerValue = execution.getVariable(CUSTOMER_ID);
        Customer customer = customerValue == null || customerValue instanceof String text && text.isBlank() ? null
                : customers.fromVariable(CUSTOMER_ID, customerValue, problems);
        String contactAddress = Texts.optionalLine(execution.getVariable(CONTACT_ADDRESS), CONTACT_ADDRESS, ADDRESS_MAX,
                problems);
        String subject = Texts.requiredLine(execution.getVariable(SUBJECT), SUBJECT, SUBJECT_MIN, SUBJECT_MAX, problems);
        String body = Texts.required(execution.getVariable(BODY), BODY, BODY_MIN, BODY_MAX, problems);
        String priority = priority(execution.getVariable(PRIORITY), problems);
        Texts.reject("The request cannot be opened", problems);

        if (requestKey == null) {
            requestKey = keys.next();
        }
        RequestKeys.record(execution, requestKey);
        execution.setVariable(CHANNEL, channel);
        execution.setVariable(CUSTOMER_ID, customer == null ? null : customer.id());
        execution.setVariable(CONTACT_ADDRESS, contactAddress);
        execution.setVariable(SUBJECT, subject);
        execution.setVariable(BODY, body);
        execution.setVariable(REQUESTED_PRIORITY, priority);
        execution.setVariable(PRIORITY, priority);
        if (execution.getVariable(INBOUND_MESSAGE_ID) == null) {
            execution.setVariable(INBOUND_MESSAGE_ID, null);
        }
        execution.setVariable(RECEIVED_AT, ClockUtil.getCurrentTime());
        execution.setVariable(REQUEST_STATE, STATE_NEW);
        execution.setVariable(REQUEST_CLASS, null);
        execution.setVariable(SERVICE_ID, null);
        execution.setVariable(OUT_OF_SCOPE, false);
        execution.setVariable(FIRST_RESPONSE_AT, null);
        execution.setVariable(SLA_BREACHED, false);
        execution.setVariable(SLA_BREACHES, "[]");
        execution.setVariable(SLA_PAUSED_SINCE, null);
        execution.setVariable(SLA_PAUSED_TOTAL, "PT0S");
        execution.setVariable(REOPEN_COUNT, 0);
        execution.setVariable(AGENT_PROMISES, 0);
        log.info("Request {}: opened by {} ({}), priority {}", requestKey, channel,
                customer == null ? "contact " + contactAddress : "customer " + customer.id(), priority);
    }

    /** The given key, else the business key, which must be a request key, else null (a new key is taken). */
    private static String requestKey(DelegateExecution execution, List<String> problems) {
        String key = RequestKeys.given(execution, problems);
        String businessKey = execution.getProcessBusinessKey();
        if (key != null || businessKey == null) {
            return key;
        }
        if (RequestKeys.businessKeyOf(execution) == null) {
            problems.add("business key '" + businessKey + "' is not a request key like REQ-2026-000123");
        }
        return businessKey;
    }

    private static String channel(Object value, List<String> problems) {
        String channel = value instanceof String text ? text.strip().toLowerCase(Locale.ROOT) : null;
        if (channel == null || channel.isEmpty()) {
            problems.add(CHANNEL + " is required: one of " + String.join(", ", CHANNELS));
            return null;
        }
        if (!CHANNELS.contains(channel)) {
            problems.add(CHANNEL + " '" + value + "' is not one of " + String.join(", ", CHANNELS));
        }
        return channel;
    }

    private static String priority(Object value, List<String> problems) {
        if (value == null || value instanceof String text && text.isBlank()) {
            return DEFAULT_PRIORITY;
        }
        String priority = value.toString().strip().toUpperCase(Locale.ROOT);
        if (!PRIORITIES.contains(priority)) {
            problems.add(PRIORITY + " '" + value + "' is not one of " + String.join(", ", PRIORITIES));
        }
        return priority;
    }
}

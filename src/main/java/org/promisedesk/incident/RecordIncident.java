package org.promisedesk.incident;

import static org.promisedesk.incident.PostIncidentReportProcess.AFFECTED_CUSTOMER_IDS;
import static org.promisedesk.incident.PostIncidentReportProcess.AFFECTED_SERVICES;
import static org.promisedesk.incident.PostIncidentReportProcess.CUSTOMER_NAMES;
import static org.promisedesk.incident.PostIncidentReportProcess.DRAFTER;
import static org.promisedesk.incident.PostIncidentReportProcess.DURATION_MINUTES;
import static org.promisedesk.incident.PostIncidentReportProcess.INCIDENT_END;
import static org.promisedesk.incident.PostIncidentReportProcess.INCIDENT_ID;
import static org.promisedesk.incident.PostIncidentReportProcess.INCIDENT_START;
import static org.promisedesk.incident.PostIncidentReportProcess.INCIDENT_TITLE;
import static org.promisedesk.incident.PostIncidentReportProcess.PROMISE_CUSTOMER_ID;
import static org.promisedesk.incident.PostIncidentReportProcess.REQUEST_KEY;
import static org.promisedesk.incident.PostIncidentReportProcess.RESOLVED_BY;
import static org.promisedesk.incident.PostIncidentReportProcess.RESOLVED_BY_NAME;
import static org.promisedesk.incident.PostIncidentReportProcess.SERVICE_IDS;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.promisedesk.customer.Customer;
import org.promisedesk.customer.Customers;
import org.promisedesk.customer.Subscription;
import org.promisedesk.customer.Subscriptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * {@code Task_RecordIncident}: checks what the start form or the message {@code IncidentReportNeeded}
 * gave and records the incident. It runs in the transaction that starts the process, so bad input
 * fails the start with one {@link BadUserRequestException} naming every bad field, and nothing is
 * started. The customers of the affected services count as affected too.
 */
@Component
class RecordIncident implements JavaDelegate {

    static final Pattern REQUEST_KEY_PATTERN = Pattern.compile("REQ-\\d{4}-\\d{6}");

    private static final Logger log = LoggerFactory.getLogger(RecordIncident.class);

    private final Customers customers;
    private final Subscriptions subscriptions;
    private final Incidents incidents;
    private final StaffNames names;
    private final IncidentSettings settings;

    RecordIncident(Customers customers, Subscriptions subscriptions, Incidents incidents, StaffNames names,
            IncidentSettings settings) {
        this.customers = customers;
        this.subscriptions = subscriptions;
        this.incidents = incidents;
        this.names = names;
        this.settings = settings;
    }

    @Override
    public void execute(DelegateExecution execution) {
        List<String> problems = new ArrayList<>();
        String title = Texts.valid(execution.getVariable(INCIDENT_TITLE), 5);
        if (title == null) {
            problems.add(INCIDENT_TITLE + " is required: at least 5 characters");
        }
        String requestKey = requestKey(execution, problems);
        String resolvedBy = text(execution.getVariable(RESOLVED_BY));
        String resolvedByName = resolvedBy == null ? null : names.of(resolvedBy);
        if (resolvedByName == null) {
            problems.add(resolvedBy == null ? RESOLVED_BY + " is required: the user id of the engineer who resolved it"
                    : RESOLVED_BY + " '" + resolvedBy + "' is not a user");
        }
        Instant start = time(execution.getVariable(INCIDENT_START), INCIDENT_START, problems);
        Instant end = time(execution.getVariable(INCIDENT_END), INCIDENT_END, problems);
        Instant now = ClockUtil.getCurrentTime().toInstant();
        if (start != null && end != null && end.isBefore(start)) {
            problems.add(INCIDENT_END + " is before " + INCIDENT_START);
        }
        if (end != null && end.isAfter(now)) {
            problems.add(INCIDENT_END + " " + Times.format(end, settings.timeZone())
                    + " is in the future: report an incident once it is over");
        }
        List<Subscription> services = services(execution.getVariable(SERVICE_IDS), problems);
        List<Customer> affected = customers(execution.getVariable(AFFECTED_CUSTOMER_IDS), services, problems);
        if (!problems.isEmpty()) {
            throw new BadUserRequestException("The incident report cannot be started: " + String.join("; ", problems));
        }

        long incidentId = incidents.insert(title, requestKey, execution.getProcessInstanceId(), start, end, resolvedBy,
                now);
        List<Long> customerIds = affected.stream().map(Customer::id).toList();
        incidents.addCustomers(incidentId, customerIds);
        incidents.addServices(incidentId, services.stream().map(Subscription::id).toList());
        if (execution.getProcessBusinessKey() == null) {
            execution.setProcessBusinessKey(requestKey != null ? requestKey : "INC-" + incidentId);
        }
        execution.setVariable(INCIDENT_ID, incidentId);
        execution.setVariable(INCIDENT_TITLE, title);
        execution.setVariable(REQUEST_KEY, requestKey);
        execution.setVariable(RESOLVED_BY, resolvedBy);
        execution.setVariable(RESOLVED_BY_NAME, resolvedByName);
        execution.setVariable(DRAFTER, resolvedBy);
        execution.setVariable(INCIDENT_START, Date.from(start));
        execution.setVariable(INCIDENT_END, Date.from(end));
        execution.setVariable(DURATION_MINUTES, Duration.between(start, end).toMinutes());
        execution.setVariable(AFFECTED_CUSTOMER_IDS, PublishIncidentReport.json(new ArrayList<>(customerIds)));
        execution.setVariable(SERVICE_IDS, PublishIncidentReport.json(new ArrayList<>(services.stream().map(Subscription::id)
                .toList())));
        execution.setVariable(PROMISE_CUSTOMER_ID, customerIds.get(0));
        execution.setVariable(CUSTOMER_NAMES, affected.stream().map(customer -> customer.name() + " (" + customer.id()
                + ")").collect(Collectors.joining(", ")));
        execution.setVariable(AFFECTED_SERVICES, services.stream().map(RecordIncident::describe)
                .collect(Collectors.joining("; ")));
        log.info("Request {}: incident {} '{}' recorded, {} customers affected, report by {}",
                execution.getProcessBusinessKey(), incidentId, title, customerIds.size(), resolvedBy);
    }

    private static String requestKey(DelegateExecution execution, List<String> problems) {
        String key = text(execution.getVariable(REQUEST_KEY));
        String businessKey = execution.getProcessBusinessKey();
        if (key == null) {
            return businessKey != null && REQUEST_KEY_PATTERN.matcher(businessKey).matches() ? businessKey : null;
        }
        if (!REQUEST_KEY_PATTERN.matcher(key).matches()) {
            problems.add(REQUEST_KEY + " '" + key + "' is not a request key like REQ-2026-000123");
        } else if (businessKey != null && !businessKey.equals(key)) {
            problems.add(REQUEST_KEY + " " + key + " differs from the business key " + businessKey);
        }
        return key;
    }

    private Instant time(Object value, String field, List<String> problems) {
        try {
            Instant time = Times.parse(value, settings.timeZone());
            if (time == null) {
                problems.add(field + " is required");
            }
            return time;
        } catch (IllegalArgumentException e) {
            problems.add(field + " " + e.getMessage());
            return null;
        }
    }

    private List<Subscription> services(Object value, List<String> problems) {
        List<Subscription> found = new ArrayList<>();
        for (Long id : ids(value, SERVICE_IDS, problems)) {
            subscriptions.findById(id).ifPresentOrElse(found::add,
                    () -> problems.add(SERVICE_IDS + ": " + id + " is not a known service"));
        }
        return found;
    }

    /** The customers named, then the owners of the services named, each once. */
    private List<Customer> customers(Object value, List<Subscription> services, List<String> problems) {
        Set<Long> ids = new LinkedHashSet<>(ids(value, AFFECTED_CUSTOMER_IDS, problems));
        services.forEach(service -> ids.add(service.customerId()));
        if (ids.isEmpty()) {
            problems.add(AFFECTED_CUSTOMER_IDS + " is required: at least one affected customer");
        }
        List<Customer> found = new ArrayList<>();
        for (Long id : ids) {
            Optional<Customer> customer = customers.findById(id);
            customer.ifPresentOrElse(found::add,
                    () -> problems.add(AFFECTED_CUSTOMER_IDS + ": " + id + " is not a known customer"));
        }
        return found;
    }

    private static List<Long> ids(Object value, String field, List<String> problems) {
        try {
            return IdLists.parse(value);
        } catch (IllegalArgumentException e) {
            problems.add(field + ": " + e.getMessage());
            return List.of();
        }
    }

    private static String describe(Subscription service) {
        String where = Stream.of(service.domain(), service.serverName(), service.ipAddress())
                .filter(part -> part != null && !part.isBlank()).collect(Collectors.joining(", "));
        return service.type() + " #" + service.id() + (where.isEmpty() ? "" : " (" + where + ")");
    }

    private static String text(Object value) {
        return value instanceof String text && !text.isBlank() ? text.strip() : null;
    }
}

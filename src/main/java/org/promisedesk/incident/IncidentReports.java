package org.promisedesk.incident;

import static org.promisedesk.incident.PostIncidentReportProcess.AFFECTED_CUSTOMER_IDS;
import static org.promisedesk.incident.PostIncidentReportProcess.INCIDENT_END;
import static org.promisedesk.incident.PostIncidentReportProcess.INCIDENT_START;
import static org.promisedesk.incident.PostIncidentReportProcess.INCIDENT_TITLE;
import static org.promisedesk.incident.PostIncidentReportProcess.MESSAGE_INCIDENT_REPORT_NEEDED;
import static org.promisedesk.incident.PostIncidentReportProcess.REQUEST_KEY;
import static org.promisedesk.incident.PostIncidentReportProcess.RESOLVED_BY;
import static org.promisedesk.incident.PostIncidentReportProcess.SERVICE_IDS;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.MessageCorrelationBuilder;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

/**
 * How another process asks for a post-incident report: {@code fault-escalation} calls
 * {@link #start} when a major incident is resolved. It correlates the start message
 * {@value PostIncidentReportProcess#MESSAGE_INCIDENT_REPORT_NEEDED} with the request key as the
 * business key; bad input fails with a {@code BadUserRequestException} naming the fields, and
 * nothing is started.
 */
@Component
public class IncidentReports {

    /**
     * What the report needs to start. {@code requestKey} and {@code serviceIds} may be null; the
     * customers of the services count as affected too.
     */
    public record Request(String requestKey, String incidentTitle, String resolvedBy,
            Collection<Long> affectedCustomerIds, Collection<Long> serviceIds, Instant incidentStart,
            Instant incidentEnd) {
    }

    private final RuntimeService runtimeService;

    IncidentReports(RuntimeService runtimeService) {
        this.runtimeService = runtimeService;
    }

    /** Starts the report and returns its process instance id. */
    public String start(Request request) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(INCIDENT_TITLE, request.incidentTitle());
        variables.put(REQUEST_KEY, request.requestKey());
        variables.put(RESOLVED_BY, request.resolvedBy());
        variables.put(AFFECTED_CUSTOMER_IDS, ids(request.affectedCustomerIds()));
        variables.put(SERVICE_IDS, ids(request.serviceIds()));
        variables.put(INCIDENT_START, request.incidentStart() == null ? null : Date.from(request.incidentStart()));
        variables.put(INCIDENT_END, request.incidentEnd() == null ? null : Date.from(request.incidentEnd()));
        MessageCorrelationBuilder correlation = runtimeService.createMessageCorrelation(MESSAGE_INCIDENT_REPORT_NEEDED)
                .setVariables(variables);
        if (request.requestKey() != null) {
            correlation.processInstanceBusinessKey(request.requestKey());
        }
        ProcessInstance instance = correlation.correlateStartMessage();
        return instance.getId();
    }

    private static Object ids(Collection<Long> ids) {
        return PublishIncidentReport.json(ids == null ? List.of() : new ArrayList<>(ids));
    }
}

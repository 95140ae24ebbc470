package org.promisedesk.fault;

import static org.promisedesk.fault.FaultEscalationProcess.CUSTOMER_ID;
import static org.promisedesk.fault.FaultEscalationProcess.FAULT_RESPONSIBILITY;
import static org.promisedesk.fault.FaultEscalationProcess.INCIDENT_REPORT_ID;
import static org.promisedesk.fault.FaultEscalationProcess.ON_CALL_LEAD;
import static org.promisedesk.fault.FaultEscalationProcess.OUR_HARDWARE;
import static org.promisedesk.fault.FaultEscalationProcess.OUR_NETWORK;
import static org.promisedesk.fault.FaultEscalationProcess.REPORTED_AT;
import static org.promisedesk.fault.FaultEscalationProcess.REQUEST_KEY;
import static org.promisedesk.fault.FaultEscalationProcess.RESOLVED_AT;
import static org.promisedesk.fault.FaultEscalationProcess.RESOLVED_BY;
import static org.promisedesk.fault.FaultEscalationProcess.SERVER_NAME;
import static org.promisedesk.fault.FaultEscalationProcess.SERVICE_ID;
import static org.promisedesk.fault.FaultEscalationProcess.SERVICE_LABEL;
import static org.promisedesk.fault.FaultEscalationProcess.SYMPTOM;

import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.promisedesk.incident.IncidentReports;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * {@code Task_StartIncidentReport} (its own job): a major incident gets a post-incident report
 * ({@code post-incident-report}, started through {@link IncidentReports}) under the same request
 * key, drafted by who resolved it. Affected: this customer and, when the fault was ours, every
 * customer with an active service on the same server.
 */
@Component
class StartIncidentReport implements JavaDelegate {

    private static final Logger log = LoggerFactory.getLogger(StartIncidentReport.class);
    private static final int TITLE_MAX = 200;

    private final IncidentReports incidentReports;
    private final ServerCustomers serverCustomers;

    StartIncidentReport(IncidentReports incidentReports, ServerCustomers serverCustomers) {
        this.incidentReports = incidentReports;
        this.serverCustomers = serverCustomers;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Set<Long> affected = new LinkedHashSet<>();
        affected.add(((Number) execution.getVariable(CUSTOMER_ID)).longValue());
        if (List.of(OUR_NETWORK, OUR_HARDWARE).contains(execution.getVariable(FAULT_RESPONSIBILITY))) {
            affected.addAll(serverCustomers.of((String) execution.getVariable(SERVER_NAME)));
        }
        Object serviceId = execution.getVariable(SERVICE_ID);
        String title = execution.getVariable(SERVICE_LABEL) instanceof String label
                ? label + ": " + execution.getVariable(SYMPTOM) : (String) execution.getVariable(SYMPTOM);
        if (title.length() > TITLE_MAX) {
            title = title.substring(0, TITLE_MAX - 1) + "…";
        }
        Object resolvedBy = execution.getVariable(RESOLVED_BY);
        String reportId = incidentReports.start(new IncidentReports.Request((String) execution.getVariable(REQUEST_KEY),
                title, resolvedBy instanceof String who ? who : (String) execution.getVariable(ON_CALL_LEAD),
                List.copyOf(affected), serviceId instanceof Number id ? List.of(id.longValue()) : List.of(),
                ((Date) execution.getVariable(REPORTED_AT)).toInstant(),
                ((Date) execution.getVariable(RESOLVED_AT)).toInstant()));
        execution.setVariable(INCIDENT_REPORT_ID, reportId);
        log.info("Request {}: post-incident report {} started for customers {}", execution.getProcessBusinessKey(),
                reportId, affected);
    }
}

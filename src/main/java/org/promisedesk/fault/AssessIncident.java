package org.promisedesk.fault;

import static org.promisedesk.fault.FaultEscalationProcess.FAULT_OUTCOME;
import static org.promisedesk.fault.FaultEscalationProcess.FAULT_RESPONSIBILITY;
import static org.promisedesk.fault.FaultEscalationProcess.MAJOR_INCIDENT;
import static org.promisedesk.fault.FaultEscalationProcess.MAJOR_REASONS;
import static org.promisedesk.fault.FaultEscalationProcess.OUTAGE_MINUTES;
import static org.promisedesk.fault.FaultEscalationProcess.OUTCOME_RESOLVED;
import static org.promisedesk.fault.FaultEscalationProcess.OUR_HARDWARE;
import static org.promisedesk.fault.FaultEscalationProcess.OUR_NETWORK;
import static org.promisedesk.fault.FaultEscalationProcess.P1;
import static org.promisedesk.fault.FaultEscalationProcess.PRIORITY;
import static org.promisedesk.fault.FaultEscalationProcess.REPORTED_AT;
import static org.promisedesk.fault.FaultEscalationProcess.RESOLVED_AT;
import static org.promisedesk.fault.FaultEscalationProcess.SAME_SERVER_CUSTOMERS;
import static org.promisedesk.fault.FaultEscalationProcess.SERVER_NAME;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * {@code Task_AssessIncident}: the fault is resolved ({@code faultOutcome = resolved}). Is it a
 * major incident? Yes when it was {@code P1}, when the outage (reported to resolved) lasted
 * longer than {@code promise-desk.fault.major-outage}, or when it was ours and more than
 * {@code major-same-server-customers} customers have active services on the same server.
 * {@code majorReasons} says which.
 */
@Component
class AssessIncident implements JavaDelegate {

    private static final Logger log = LoggerFactory.getLogger(AssessIncident.class);

    private final FaultSettings settings;
    private final ServerCustomers serverCustomers;

    AssessIncident(FaultSettings settings, ServerCustomers serverCustomers) {
        this.settings = settings;
        this.serverCustomers = serverCustomers;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Date reportedAt = (Date) execution.getVariable(REPORTED_AT);
        Date resolvedAt = (Date) execution.getVariable(RESOLVED_AT);
        Duration outage = Duration.between(reportedAt.toInstant(), resolvedAt.toInstant());
        boolean ours = List.of(OUR_NETWORK, OUR_HARDWARE).contains(execution.getVariable(FAULT_RESPONSIBILITY));
        int sameServer = ours ? serverCustomers.of((String) execution.getVariable(SERVER_NAME)).size() : 1;
        List<String> reasons = new ArrayList<>();
        if (P1.equals(execution.getVariable(PRIORITY))) {
            reasons.add("P1");
        }
        if (outage.compareTo(settings.majorOutage()) > 0) {
            reasons.add("outage " + outage.toMinutes() + " min > " + settings.majorOutage().toMinutes() + " min");
        }
        if (sameServer > settings.majorSameServerCustomers()) {
            reasons.add(sameServer + " customers on server " + execution.getVariable(SERVER_NAME));
        }
        execution.setVariable(OUTAGE_MINUTES, outage.toMinutes());
        execution.setVariable(SAME_SERVER_CUSTOMERS, sameServer);
        execution.setVariable(MAJOR_INCIDENT, !reasons.isEmpty());
        execution.setVariable(MAJOR_REASONS, String.join("; ", reasons));
        execution.setVariable(FAULT_OUTCOME, OUTCOME_RESOLVED);
        log.info("Request {}: fault resolved after {} min; major incident: {} {}", execution.getProcessBusinessKey(),
                outage.toMinutes(), !reasons.isEmpty(), reasons);
    }
}

package org.promisedesk.incident;

import static org.promisedesk.incident.PostIncidentReportProcess.ALL_ACTIONS_KEPT;
import static org.promisedesk.incident.PostIncidentReportProcess.CLOSED_ACTIONS;
import static org.promisedesk.incident.PostIncidentReportProcess.INCIDENT_ID;
import static org.promisedesk.incident.PostIncidentReportProcess.KIND;
import static org.promisedesk.incident.PostIncidentReportProcess.PROMISE_OUTCOME;
import static org.promisedesk.incident.PostIncidentReportProcess.PROMISE_RESULT;
import static org.promisedesk.incident.PostIncidentReportProcess.TEXT;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * {@code Task_SumUpActions}: every action's promise has ended. The closing note gets the list of
 * actions with their outcome and what was done ({@code closedActions}) and whether all were kept;
 * the incident is closed.
 */
@Component
class SumUpActions implements JavaDelegate {

    private static final Logger log = LoggerFactory.getLogger(SumUpActions.class);

    private final IncidentActions actions;
    private final Incidents incidents;

    SumUpActions(IncidentActions actions, Incidents incidents) {
        this.actions = actions;
        this.incidents = incidents;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long incidentId = ((Number) execution.getVariable(INCIDENT_ID)).longValue();
        List<Map<String, String>> closed = new ArrayList<>();
        boolean allKept = true;
        for (IncidentActions.Action action : actions.ofIncident(incidentId)) {
            Map<String, String> item = new LinkedHashMap<>();
            item.put(KIND, action.kind());
            item.put(TEXT, action.description());
            item.put(PROMISE_OUTCOME, action.outcome() == null ? "unknown" : action.outcome());
            item.put(PROMISE_RESULT, action.resultText() == null ? "" : action.resultText());
            closed.add(item);
            allKept &= "kept".equals(action.outcome());
        }
        incidents.markClosed(incidentId, ClockUtil.getCurrentTime().toInstant());
        execution.setVariable(CLOSED_ACTIONS, PublishIncidentReport.json(closed));
        execution.setVariable(ALL_ACTIONS_KEPT, allKept);
        log.info("Request {}: incident {} closed, {} actions, all kept: {}", execution.getProcessBusinessKey(),
                incidentId, closed.size(), allKept);
    }
}

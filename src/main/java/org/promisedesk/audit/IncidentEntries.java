package org.promisedesk.audit;

import static org.promisedesk.audit.ActivityEntries.details;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricIncident;
import org.promisedesk.audit.AuditEntry.Kind;
import org.springframework.stereotype.Component;

/** Each incident (a step that failed after its retries, such as an e-mail the server refused) and its end. */
@Component
class IncidentEntries implements AuditSource {

    private final HistoryService historyService;

    IncidentEntries(HistoryService historyService) {
        this.historyService = historyService;
    }

    @Override
    public List<AuditEntry> entries(RequestInstances request) {
        List<AuditEntry> entries = new ArrayList<>();
        for (String instanceId : request.ids()) {
            for (HistoricIncident incident : historyService.createHistoricIncidentQuery()
                    .processInstanceId(instanceId).list()) {
                String process = request.processOf(instanceId);
                entries.add(new AuditEntry(Times.of(incident.getCreateTime()), Kind.INCIDENT_CREATED, process,
                        instanceId, incident.getActivityId(), null, "Incident: " + incident.getIncidentMessage(),
                        details("type", incident.getIncidentType(), "incidentId", incident.getId())));
                if (incident.getEndTime() != null) {
                    entries.add(new AuditEntry(Times.of(incident.getEndTime()), Kind.INCIDENT_ENDED, process,
                            instanceId, incident.getActivityId(), null,
                            (incident.isResolved() ? "Incident resolved" : "Incident closed") + ": "
                                    + incident.getIncidentMessage(),
                            details("type", incident.getIncidentType(), "incidentId", incident.getId(),
                                    "resolved", incident.isResolved(), "deleted", incident.isDeleted())));
                }
            }
        }
        return entries;
    }
}

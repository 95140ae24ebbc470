package org.promisedesk.audit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.camunda.bpm.engine.HistoryService;
import org.springframework.stereotype.Service;

/** Everything that happened to one request, across every process instance it ran, in order. */
@Service
public class AuditTrail {

    private static final Comparator<AuditEntry> CHRONOLOGICAL = Comparator
            .comparing(AuditEntry::time, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(entry -> entry.kind().ordinal());

    private final HistoryService historyService;
    private final List<AuditSource> sources;

    AuditTrail(HistoryService historyService, List<AuditSource> sources) {
        this.historyService = historyService;
        this.sources = sources;
    }

    public Trail of(String requestKey) {
        RequestInstances request = RequestInstances.of(historyService, requestKey);
        if (request.isEmpty()) {
            throw new UnknownRequest(requestKey);
        }
        List<AuditEntry> entries = new ArrayList<>();
        sources.forEach(source -> entries.addAll(source.entries(request)));
        entries.sort(CHRONOLOGICAL);
        List<Trail.Instance> instances = request.byId().values().stream()
                .map(instance -> new Trail.Instance(instance.getId(), instance.getProcessDefinitionKey(),
                        instance.getProcessDefinitionName(), instance.getProcessDefinitionId(),
                        instance.getBusinessKey(), instance.getSuperProcessInstanceId(), instance.getState(),
                        Times.of(instance.getStartTime()), Times.of(instance.getEndTime())))
                .toList();
        return new Trail(requestKey, instances, entries);
    }
}

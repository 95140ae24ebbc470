package org.promisedesk.audit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.promisedesk.audit.AuditEntry.Kind;
import org.springframework.stereotype.Component;

/** Each process instance's start and end, and each step's start and end with its duration. */
@Component
class ActivityEntries implements AuditSource {

    private final HistoryService historyService;

    ActivityEntries(HistoryService historyService) {
        this.historyService = historyService;
    }

    @Override
    public List<AuditEntry> entries(RequestInstances request) {
        List<AuditEntry> entries = new ArrayList<>();
        for (HistoricProcessInstance instance : request.byId().values()) {
            String process = instance.getProcessDefinitionKey();
            entries.add(new AuditEntry(Times.of(instance.getStartTime()), Kind.PROCESS_STARTED, process,
                    instance.getId(), instance.getStartActivityId(), instance.getStartUserId(),
                    "Started " + name(instance), details("businessKey", instance.getBusinessKey(),
                            "calledBy", instance.getSuperProcessInstanceId())));
            if (instance.getEndTime() != null) {
                entries.add(new AuditEntry(Times.of(instance.getEndTime()), Kind.PROCESS_ENDED, process,
                        instance.getId(), instance.getEndActivityId(), null,
                        "Ended " + name(instance) + " (" + instance.getState() + ")",
                        details("state", instance.getState(), "durationMillis", instance.getDurationInMillis(),
                                "deleteReason", instance.getDeleteReason())));
            }
            historyService.createHistoricActivityInstanceQuery().processInstanceId(instance.getId())
                    .orderPartiallyByOccurrence().asc().list()
                    .forEach(activity -> addActivity(entries, process, activity));
        }
        return entries;
    }

    private static void addActivity(List<AuditEntry> entries, String process, HistoricActivityInstance activity) {
        String label = activity.getActivityName() != null ? activity.getActivityName() : activity.getActivityId();
        entries.add(new AuditEntry(Times.of(activity.getStartTime()), Kind.ACTIVITY_STARTED, process,
                activity.getProcessInstanceId(), activity.getActivityId(), null, "Reached: " + label,
                details("type", activity.getActivityType())));
        if (activity.getEndTime() != null) {
            entries.add(new AuditEntry(Times.of(activity.getEndTime()), Kind.ACTIVITY_ENDED, process,
                    activity.getProcessInstanceId(), activity.getActivityId(), activity.getAssignee(),
                    (activity.isCanceled() ? "Cancelled: " : "Done: ") + label,
                    details("type", activity.getActivityType(), "durationMillis", activity.getDurationInMillis(),
                            "canceled", activity.isCanceled())));
        }
    }

    private static String name(HistoricProcessInstance instance) {
        return instance.getProcessDefinitionName() != null ? instance.getProcessDefinitionName()
                : instance.getProcessDefinitionKey();
    }

    /** Details without the values that are not there. */
    static Map<String, Object> details(Object... namesAndValues) {
        Map<String, Object> details = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (namesAndValues[i + 1] != null) {
                details.put((String) namesAndValues[i], namesAndValues[i + 1]);
            }
        }
        return details;
    }
}

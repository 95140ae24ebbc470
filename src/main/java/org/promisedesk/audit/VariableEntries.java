package org.promisedesk.audit;

import static org.promisedesk.audit.ActivityEntries.details;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.variable.value.ObjectValue;
import org.promisedesk.audit.AuditEntry.Kind;
import org.springframework.stereotype.Component;

/**
 * Every variable change, with its value. A change made by a person through a task (a submitted
 * form) is form data, attributed to the user the operation log names.
 */
@Component
class VariableEntries implements AuditSource {

    private static final int MAX_VALUE_LENGTH = 2000;

    private final HistoryService historyService;

    VariableEntries(HistoryService historyService) {
        this.historyService = historyService;
    }

    @Override
    public List<AuditEntry> entries(RequestInstances request) {
        List<AuditEntry> entries = new ArrayList<>();
        for (String instanceId : request.ids()) {
            Map<String, String> userByOperation = usersByOperation(instanceId);
            Map<String, String> stepTypes = stepTypes(instanceId);
            for (HistoricDetail detail : historyService.createHistoricDetailQuery().processInstanceId(instanceId)
                    .variableUpdates().disableCustomObjectDeserialization().orderPartiallyByOccurrence().asc().list()) {
                HistoricVariableUpdate update = (HistoricVariableUpdate) detail;
                String user = update.getUserOperationId() == null ? null : userByOperation.get(update.getUserOperationId());
                // A step the engine ran within a person's call (a decision right after the start) wrote
                // its own result: only values set on the instance or through a user task are the person's.
                String stepType = stepTypes.get(update.getActivityInstanceId());
                if (user != null && stepType != null && !stepType.equals("userTask")) {
                    user = null;
                }
                boolean byPerson = update.getTaskId() != null || user != null;
                entries.add(new AuditEntry(Times.of(update.getTime()), byPerson ? Kind.FORM_DATA : Kind.VARIABLE_CHANGED,
                        request.processOf(instanceId), instanceId, activityOf(update), user,
                        update.getVariableName() + " = " + shortValue(update),
                        details("variable", update.getVariableName(), "value", value(update),
                                "type", update.getTypeName(), "revision", update.getRevision(),
                                "taskId", update.getTaskId())));
            }
        }
        return entries;
    }

    /** Activity instance id → its element type (userTask, businessRuleTask, …). */
    private Map<String, String> stepTypes(String instanceId) {
        Map<String, String> types = new HashMap<>();
        historyService.createHistoricActivityInstanceQuery().processInstanceId(instanceId).list()
                .forEach(activity -> types.put(activity.getId(), activity.getActivityType()));
        return types;
    }

    private Map<String, String> usersByOperation(String instanceId) {
        Map<String, String> users = new HashMap<>();
        for (UserOperationLogEntry entry : historyService.createUserOperationLogQuery()
                .processInstanceId(instanceId).list()) {
            if (entry.getUserId() != null) {
                users.put(entry.getOperationId(), entry.getUserId());
            }
        }
        return users;
    }

    /** The step the change happened in; none when it was made on the process instance itself. */
    private static String activityOf(HistoricVariableUpdate update) {
        String activityInstanceId = update.getActivityInstanceId();
        if (activityInstanceId == null || activityInstanceId.equals(update.getProcessInstanceId())) {
            return null;
        }
        return activityInstanceId.split(":")[0];
    }

    private static Object value(HistoricVariableUpdate update) {
        if (update.getErrorMessage() != null) {
            return "(not readable: " + update.getErrorMessage() + ")";
        }
        // Object variables (a decision's result map, JSON) are read without deserializing them:
        // show what is stored, never the class (getValue() would throw).
        Object value = update.getTypedValue() instanceof ObjectValue object && !object.isDeserialized()
                ? object.getValueSerialized() : update.getValue();
        if (value == null || value instanceof Number || value instanceof Boolean || value instanceof java.util.Date) {
            return value;
        }
        String text = String.valueOf(value);
        return text.length() > MAX_VALUE_LENGTH ? text.substring(0, MAX_VALUE_LENGTH) + "…" : text;
    }

    private static String shortValue(HistoricVariableUpdate update) {
        String text = String.valueOf(value(update));
        return text.length() > 120 ? text.substring(0, 120) + "…" : text;
    }
}

package org.promisedesk.audit;

import static org.promisedesk.audit.ActivityEntries.details;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricDecisionInputInstance;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.history.HistoricDecisionOutputInstance;
import org.promisedesk.audit.AuditEntry.Kind;
import org.springframework.stereotype.Component;

/** Each DMN decision: its inputs, and for each matched rule the rule and its outputs. */
@Component
class DecisionEntries implements AuditSource {

    private final HistoryService historyService;

    DecisionEntries(HistoryService historyService) {
        this.historyService = historyService;
    }

    @Override
    public List<AuditEntry> entries(RequestInstances request) {
        List<AuditEntry> entries = new ArrayList<>();
        for (String instanceId : request.ids()) {
            for (HistoricDecisionInstance decision : historyService.createHistoricDecisionInstanceQuery()
                    .processInstanceId(instanceId).includeInputs().includeOutputs().disableCustomObjectDeserialization()
                    .list()) {
                Map<String, Object> inputs = new LinkedHashMap<>();
                for (HistoricDecisionInputInstance input : decision.getInputs()) {
                    inputs.put(label(input.getClauseName(), input.getClauseId()), input.getValue());
                }
                Map<String, Map<String, Object>> rules = new LinkedHashMap<>();
                for (HistoricDecisionOutputInstance output : decision.getOutputs()) {
                    rules.computeIfAbsent(output.getRuleId(), rule -> new LinkedHashMap<>())
                            .put(label(output.getVariableName(), output.getClauseId()), output.getValue());
                }
                String name = decision.getDecisionDefinitionName() != null ? decision.getDecisionDefinitionName()
                        : decision.getDecisionDefinitionKey();
                entries.add(new AuditEntry(Times.of(decision.getEvaluationTime()), Kind.DECISION,
                        request.processOf(instanceId), instanceId, decision.getActivityId(), decision.getUserId(),
                        "Decided: " + name + " — " + (rules.isEmpty() ? "no rule matched" : "rules " + rules.keySet()),
                        details("decision", decision.getDecisionDefinitionKey(),
                                "decisionName", name, "decisionDefinitionId", decision.getDecisionDefinitionId(),
                                "inputs", inputs,
                                "matchedRules", rules)));
            }
        }
        return entries;
    }

    private static String label(String name, String id) {
        return name != null ? name : id;
    }
}

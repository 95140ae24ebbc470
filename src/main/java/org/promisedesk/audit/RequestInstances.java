package org.promisedesk.audit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;

/**
 * A request's process instances: the instances under its business key and, recursively, every
 * instance they called (a call activity may pass another business key, or none).
 */
record RequestInstances(String key, Map<String, HistoricProcessInstance> byId) {

    static RequestInstances of(HistoryService history, String key) {
        Map<String, HistoricProcessInstance> found = new LinkedHashMap<>();
        List<HistoricProcessInstance> next = new ArrayList<>(history.createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey(key).orderByProcessInstanceStartTime().asc().list());
        while (!next.isEmpty()) {
            List<HistoricProcessInstance> children = new ArrayList<>();
            for (HistoricProcessInstance instance : next) {
                if (found.putIfAbsent(instance.getId(), instance) == null) {
                    children.addAll(history.createHistoricProcessInstanceQuery()
                            .superProcessInstanceId(instance.getId()).list());
                }
            }
            next = children;
        }
        return new RequestInstances(key, found);
    }

    boolean isEmpty() {
        return byId.isEmpty();
    }

    String[] ids() {
        return byId.keySet().toArray(String[]::new);
    }

    String processOf(String processInstanceId) {
        HistoricProcessInstance instance = byId.get(processInstanceId);
        return instance == null ? null : instance.getProcessDefinitionKey();
    }
}

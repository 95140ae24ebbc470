package org.promisedesk.platform;

import java.nio.charset.StandardCharsets;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.builder.AbstractFlowNodeBuilder;
import org.camunda.bpm.model.bpmn.instance.Process;

/** Small models built in code for the platform tests, independent of the product's processes. */
final class TestModels {

    /** Who may start a test model: every group that works tasks (start rights follow the model). */
    static final String STARTERS = String.join(",", Groups.TASK_WORKERS);

    /** A process with one user task for each candidate group, in parallel; task workers may start it. */
    static BpmnModelInstance taskPerGroup(String processId, String... groups) {
        AbstractFlowNodeBuilder<?, ?> fork = Bpmn.createExecutableProcess(processId).camundaHistoryTimeToLive(1)
                .startEvent().parallelGateway("fork");
        for (String group : groups) {
            fork = fork.moveToNode("fork").userTask("Task_" + group).camundaCandidateGroups(group)
                    .camundaDueDate("${due}").endEvent("End_" + group);
        }
        return startableByTaskWorkers(fork.done());
    }

    /** A process whose user task uses a Camunda Form by binding latest, as our models do. */
    static String processWithForm(String processId, String formId) {
        return Bpmn.convertToString(startableByTaskWorkers(Bpmn.createExecutableProcess(processId)
                .camundaHistoryTimeToLive(1).startEvent().userTask("Task_Fill").camundaFormRef(formId).camundaFormRefBinding("latest")
                .endEvent().done()));
    }

    static BpmnModelInstance startableByTaskWorkers(BpmnModelInstance model) {
        model.getModelElementsByType(Process.class).forEach(process -> process.setCamundaCandidateStarterGroups(STARTERS));
        return model;
    }

    static byte[] form(String formId) {
        return ("{\"type\":\"default\",\"id\":\"" + formId + "\",\"components\":[{\"type\":\"textfield\","
                + "\"key\":\"note\",\"label\":\"Note\"}],\"schemaVersion\":16}").getBytes(StandardCharsets.UTF_8);
    }

    private TestModels() {
    }
}

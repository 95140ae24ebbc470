package org.promisedesk.audit;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;

/**
 * A small request for the audit tests: a decision, a step that can be made to fail (an
 * incident), then a promise called under the same request key.
 */
final class AuditProbe {

    static final String PROCESS = "Process_AuditProbe";
    static final String DECISION = "Decision_AuditProbePriority";

    static BpmnModelInstance process() {
        BpmnModelInstance model = Bpmn.createExecutableProcess(PROCESS).name("Audit probe").camundaHistoryTimeToLive(30)
                .startEvent("Event_Start")
                .businessRuleTask("Task_DecidePriority").name("Decide the priority").camundaDecisionRef(DECISION)
                        .camundaResultVariable("priority").camundaMapDecisionResult("singleEntry")
                .serviceTask("Task_MayFail").name("A step that may fail").camundaAsyncBefore()
                        .camundaExpression("${shouldFail ? noSuchVariable : 'fine'}")
                .callActivity("Call_Promise").name("Keep a promise").calledElement("promise")
                        .camundaInBusinessKey("#{execution.processBusinessKey}")
                        .camundaIn("customerId", "customerId").camundaIn("requestKey", "requestKey")
                        .camundaIn("promiseText", "promiseText").camundaIn("owner", "owner")
                        .camundaIn("dueDate", "dueDate")
                .endEvent("Event_End")
                .done();
        // Start rights follow the model: the tests start it as an agent.
        model.getModelElementsByType(Process.class).forEach(process -> process.setCamundaCandidateStarterGroups("agents"));
        return model;
    }

    static String decision() {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/"
                    xmlns:camunda="http://camunda.org/schema/1.0/dmn" id="Definitions_AuditProbe"
                    name="Audit probe" namespace="http://camunda.org/schema/1.0/dmn">
                  <decision id="%s" name="Priority of a probe" camunda:historyTimeToLive="30">
                    <decisionTable id="Table_Priority" hitPolicy="FIRST">
                      <input id="Input_Profile" label="Service profile">
                        <inputExpression id="Expression_Profile" typeRef="string"><text>profile</text></inputExpression>
                      </input>
                      <output id="Output_Priority" label="Priority" name="priority" typeRef="string"/>
                      <rule id="Rule_Vip"><inputEntry id="In_Vip"><text>"VIP"</text></inputEntry>
                        <outputEntry id="Out_Vip"><text>"P1"</text></outputEntry></rule>
                      <rule id="Rule_Other"><inputEntry id="In_Other"><text>-</text></inputEntry>
                        <outputEntry id="Out_Other"><text>"P3"</text></outputEntry></rule>
                    </decisionTable>
                  </decision>
                </definitions>
                """.formatted(DECISION);
    }

    private AuditProbe() {
    }
}

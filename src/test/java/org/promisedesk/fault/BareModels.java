package org.promisedesk.fault;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.ConditionExpression;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SendTask;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.TimeCycle;
import org.camunda.bpm.model.bpmn.instance.TimeDate;
import org.camunda.bpm.model.bpmn.instance.TimeDuration;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaExecutionListener;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaField;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaIn;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputOutput;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaOut;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;

/**
 * B1's yardstick: a shipped model turned into a bare model of the same shape. Every wait state
 * stays (user tasks, {@code asyncBefore} steps, timers, message events, call activities,
 * sub-processes) and every gateway; what goes is our code: service, send and business-rule tasks
 * do nothing ({@code ${true}}), listeners, fields and input/output mappings are removed, timer and
 * task expressions become constants, a call activity calls the bare copy and passes every
 * variable, and each condition of a flow from S to T becomes "T comes after S in {@code path},
 * and no other target of S between them" —
 * the variable {@code path} lists the activities a real request passed, in order
 * ({@code ,intake:Event_ContactLogged,…,}), so the bare instance goes the same way without any of
 * the variables our steps compute, and does not take a flow back to an activity it passed.
 */
final class BareModels {

    static final String SUFFIX = "-bare";
    static final String PATH = "path";
    private static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";

    static BpmnModelInstance bare(String resource, Map<String, String> calledElements) throws Exception {
        BpmnModelInstance model;
        try (InputStream in = BareModels.class.getResourceAsStream(resource)) {
            model = Bpmn.readModelFromStream(in);
        }
        String processId = model.getModelElementsByType(Process.class).iterator().next().getId();
        for (Process process : model.getModelElementsByType(Process.class)) {
            process.setId(process.getId() + SUFFIX);
            process.setName((process.getName() == null ? process.getId() : process.getName()) + " (bare)");
        }
        List<BaseElement> automated = new ArrayList<>();
        automated.addAll(model.getModelElementsByType(ServiceTask.class));
        automated.addAll(model.getModelElementsByType(SendTask.class));
        automated.addAll(model.getModelElementsByType(BusinessRuleTask.class));
        for (BaseElement task : automated) {
            for (String attribute : List.of("delegateExpression", "class", "expression", "resultVariable", "type", "topic",
                    "decisionRef", "decisionRefBinding", "mapDecisionResult", "decisionRefVersion",
                    "decisionRefTenantId", "decisionRefVersionTag")) {
                task.removeAttributeNs(CAMUNDA, attribute);
            }
            task.setAttributeValueNs(CAMUNDA, "expression", "${true}");
        }
        for (UserTask task : model.getModelElementsByType(UserTask.class)) {
            for (String attribute : List.of("dueDate", "followUpDate", "priority", "assignee", "candidateUsers",
                    "candidateGroups")) {
                String value = task.getAttributeValueNs(CAMUNDA, attribute);
                if (value != null && value.contains("{")) {
                    task.removeAttributeNs(CAMUNDA, attribute);
                }
            }
        }
        for (CallActivity call : model.getModelElementsByType(CallActivity.class)) {
            call.setCalledElement(calledElements.getOrDefault(call.getCalledElement(), call.getCalledElement()));
            ExtensionElements extensions = call.getExtensionElements();
            if (extensions != null) {
                removeAll(extensions, extensions.getChildElementsByType(CamundaIn.class));
                removeAll(extensions, extensions.getChildElementsByType(CamundaOut.class));
            } else {
                extensions = model.newInstance(ExtensionElements.class);
                call.setExtensionElements(extensions);
            }
            CamundaIn businessKey = model.newInstance(CamundaIn.class);
            businessKey.setCamundaBusinessKey("#{execution.processBusinessKey}");
            extensions.addChildElement(businessKey);
            CamundaIn all = model.newInstance(CamundaIn.class);
            all.setCamundaVariables("all");
            extensions.addChildElement(all);
            CamundaOut out = model.newInstance(CamundaOut.class);
            out.setCamundaVariables("all");
            extensions.addChildElement(out);
        }
        for (ExtensionElements extensions : model.getModelElementsByType(ExtensionElements.class)) {
            removeAll(extensions, extensions.getChildElementsByType(CamundaExecutionListener.class));
            removeAll(extensions, extensions.getChildElementsByType(CamundaTaskListener.class));
            removeAll(extensions, extensions.getChildElementsByType(CamundaField.class));
            removeAll(extensions, extensions.getChildElementsByType(CamundaInputOutput.class));
        }
        for (TimeDate date : model.getModelElementsByType(TimeDate.class)) {
            date.setTextContent("2099-01-01T00:00:00");
        }
        for (TimeDuration duration : model.getModelElementsByType(TimeDuration.class)) {
            duration.setTextContent("P3650D");
        }
        for (TimeCycle cycle : model.getModelElementsByType(TimeCycle.class)) {
            cycle.setTextContent("R/2099-01-01T00:00:00/P1D");
        }
        for (SequenceFlow flow : model.getModelElementsByType(SequenceFlow.class)) {
            ConditionExpression condition = flow.getConditionExpression();
            if (condition != null) {
                condition.removeAttributeNs(CAMUNDA, "resource");
                condition.removeAttribute("language");
                condition.setTextContent("${" + taken(processId, flow) + "}");
            }
        }
        return model;
    }

    /**
     * Flow S→T is taken when T comes after S in the path and no other target of S comes between
     * them (a later activity reachable from both branches must not decide).
     */
    private static String taken(String processId, SequenceFlow flow) {
        String source = at(processId, flow.getSource().getId());
        String target = at(processId, flow.getTarget().getId());
        StringBuilder expression = new StringBuilder(target + " > " + source);
        for (SequenceFlow other : flow.getSource().getOutgoing()) {
            if (other != flow && !other.getTarget().getId().equals(flow.getTarget().getId())) {
                String alternative = at(processId, other.getTarget().getId());
                expression.append(" && !(" + alternative + " > " + source + " && " + alternative + " < " + target + ")");
            }
        }
        return expression.toString();
    }

    private static String at(String processId, String activityId) {
        return PATH + ".indexOf('," + processId + ":" + activityId + ",')";
    }

    private static void removeAll(ModelElementInstance parent, Collection<? extends ModelElementInstance> children) {
        for (ModelElementInstance child : new ArrayList<>(children)) {
            parent.removeChildElement(child);
        }
    }

    private BareModels() {
    }
}

package org.promisedesk.deployment;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.promisedesk.platform.ModelFiles;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The server's check of every new deployment, whatever sent it (Camunda Modeler, the REST API,
 * the application at start-up), before the engine parses it (docs/process-owners.md): the
 * {@link BpmnChecks} of each model, FEEL only in decisions, a form id in every form, and every
 * form, called process, decision and awaited message named by a model exists — in this
 * deployment or already deployed. Any problem refuses the whole deployment with all of them.
 */
class DeploymentGate implements Deployer {

    private final ExpressionPolicy policy;
    private final ObjectMapper json = new ObjectMapper();
    private final GateListener listener;
    private final ModelChanges changes = new ModelChanges();
    private Set<String> applicationMessages;

    /**
     * Told what the gate decided, to record it: an accepted deployment with what it changes, by
     * element; a refused one with its problems, before its transaction is rolled back.
     */
    interface GateListener {
        void decided(DeploymentEntity deployment, Findings findings, List<String> changes);
    }

    DeploymentGate(ExpressionPolicy policy, GateListener listener) {
        this.policy = policy;
        this.listener = listener;
    }

    @Override
    public void deploy(DeploymentEntity deployment) {
        if (!deployment.isNew()) {
            return; // a deployment read back into the cache passed the gate when it was made
        }
        Map<String, ResourceEntity> resources = deployment.getResources() == null ? Map.of() : deployment.getResources();
        Findings findings = check(resources);
        listener.decided(deployment, findings, findings.isEmpty() ? changes.of(resources) : List.of());
        if (!findings.isEmpty()) {
            throw new ModelRefused(findings);
        }
    }

    Findings check(Map<String, ResourceEntity> resources) {
        Findings findings = new Findings();
        List<BpmnChecks> models = new ArrayList<>();
        Set<String> formIds = new HashSet<>();
        Set<String> decisionIds = new HashSet<>();
        for (ResourceEntity resource : resources.values()) {
            String name = resource.getName();
            if (name.endsWith(".bpmn") || name.endsWith(".bpmn20.xml")) {
                Element root = XmlTree.read(resource.getBytes());
                if (root != null) {
                    BpmnChecks checks = new BpmnChecks(name, policy, findings);
                    checks.check(root);
                    models.add(checks);
                }
            } else if (name.endsWith(".dmn") || name.endsWith(".dmn11.xml")) {
                Element root = XmlTree.read(resource.getBytes());
                if (root != null) {
                    checkDecisions(name, root, findings, decisionIds);
                }
            } else if (name.endsWith(".form")) {
                formId(name, resource.getBytes(), findings).ifPresent(formIds::add);
            }
        }
        checkReferences(models, formIds, decisionIds, findings);
        return findings;
    }

    private void checkReferences(List<BpmnChecks> models, Set<String> formIds, Set<String> decisionIds,
            Findings findings) {
        CommandContext engine = Context.getCommandContext();
        Set<String> processIds = new HashSet<>();
        Set<String> sent = new HashSet<>(applicationMessages());
        models.forEach(model -> {
            processIds.addAll(model.processIds);
            sent.addAll(model.thrownMessages);
        });
        for (BpmnChecks model : models) {
            String file = model.resource();
            missing(model.forms, formIds, key -> engine.getCamundaFormDefinitionManager()
                    .findLatestDefinitionByKey(key) != null, file, "form", findings);
            missing(model.calledProcesses, processIds, key -> engine.getProcessDefinitionManager()
                    .findLatestProcessDefinitionByKey(key) != null, file, "called process", findings);
            missing(model.decisions, decisionIds, key -> engine.getDecisionDefinitionManager()
                    .findLatestDecisionDefinitionByKey(key) != null, file, "decision", findings);
            for (BpmnChecks.Reference message : model.awaitedMessages) {
                if (!sent.contains(message.name())) {
                    findings.add(file, "waits for the message " + message.name() + ", which no model sends and the "
                            + "application does not correlate", message.element(), message.elementId());
                }
            }
        }
    }

    private static void missing(List<BpmnChecks.Reference> references, Set<String> inThisDeployment,
            Predicate<String> deployed, String file, String what, Findings findings) {
        for (BpmnChecks.Reference reference : references) {
            if (!inThisDeployment.contains(reference.name()) && !deployed.test(reference.name())) {
                findings.add(file, what + " " + reference.name() + " does not exist: it is neither in this "
                        + "deployment nor deployed", reference.element(), reference.elementId());
            }
        }
    }

    /** Decisions are FEEL, which cannot call Java (Camunda keeps FEEL's external functions off). */
    private static void checkDecisions(String file, Element element, Findings findings, Set<String> decisionIds) {
        if (element.getTagName().equals("decision") && element.attribute("id") != null) {
            decisionIds.add(element.attribute("id"));
        }
        String language = element.attribute("expressionLanguage");
        if (language != null && !language.toLowerCase(Locale.ROOT).contains("feel")) {
            findings.add(file, "expression language " + language + " can run code; decisions use FEEL", element,
                    element.attribute("id"));
        }
        element.elements().forEach(child -> checkDecisions(file, child, findings, decisionIds));
    }

    private java.util.Optional<String> formId(String file, byte[] content, Findings findings) {
        try {
            JsonNode id = json.readTree(content).path("id");
            if (id.isTextual() && !id.asText().isBlank()) {
                return java.util.Optional.of(id.asText());
            }
            findings.add(file, "the form has no \"id\"; a task finds its form by that id (camunda:formRef)", null, null);
        } catch (Exception e) {
            findings.add(file, "the form is not valid JSON: " + e.getMessage(), null, null);
        }
        return java.util.Optional.empty();
    }

    /**
     * The messages the application's own models wait for or send: the build checks that the code
     * correlates each (ModelConsistencyTest), so a model may wait for them too.
     */
    private synchronized Set<String> applicationMessages() {
        if (applicationMessages == null) {
            Set<String> names = new HashSet<>();
            for (ModelFiles.ModelFile file : ModelFiles.fromClasspath().files()) {
                if (file.name().endsWith(".bpmn")) {
                    BpmnChecks checks = new BpmnChecks(file.name(), policy, new Findings());
                    checks.check(XmlTree.read(file.content()));
                    names.addAll(checks.thrownMessages);
                    checks.awaitedMessages.forEach(message -> names.add(message.name()));
                }
            }
            applicationMessages = names;
        }
        return applicationMessages;
    }
}

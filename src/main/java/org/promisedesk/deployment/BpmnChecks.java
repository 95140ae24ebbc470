package org.promisedesk.deployment;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * One BPMN file through the gate: the constructs that run code of the model's own (scripts,
 * {@code camunda:class}, connectors) are refused, every expression goes through the
 * {@link ExpressionPolicy}, and what the file names elsewhere (forms, called processes,
 * decisions, messages) is collected for {@link DeploymentGate} to look up.
 */
final class BpmnChecks {

    static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";

    /** A name the file uses, where it uses it. */
    record Reference(String name, Element element, String elementId) {
    }

    /** Elements whose text is prose or a literal, never evaluated. */
    private static final Set<String> NOT_EVALUATED = Set.of("documentation", "textAnnotation", "string", "properties");
    private static final Set<String> DELEGATE_ATTRIBUTES = Set.of("delegateExpression",
            "variableMappingDelegateExpression");
    private static final Set<String> CLASS_ATTRIBUTES = Set.of("class", "variableMappingClass");
    private static final Set<String> THROWING = Set.of("intermediateThrowEvent", "endEvent");

    private final String resource;
    private final ExpressionPolicy policy;
    private final Findings findings;

    final Set<String> processIds = new HashSet<>();
    final List<Reference> forms = new ArrayList<>();
    final List<Reference> calledProcesses = new ArrayList<>();
    final List<Reference> decisions = new ArrayList<>();
    final List<Reference> awaitedMessages = new ArrayList<>();
    final Set<String> thrownMessages = new HashSet<>();
    private final Map<String, String> messageNames = new HashMap<>();
    private final List<Reference> messageRefs = new ArrayList<>();
    private final List<Boolean> messageRefThrown = new ArrayList<>();

    BpmnChecks(String resource, ExpressionPolicy policy, Findings findings) {
        this.resource = resource;
        this.policy = policy;
        this.findings = findings;
    }

    String resource() {
        return resource;
    }

    void check(Element definitions) {
        walk(definitions, null, null);
        for (int i = 0; i < messageRefs.size(); i++) {
            Reference ref = messageRefs.get(i);
            String name = messageNames.getOrDefault(ref.name(), ref.name());
            if (messageRefThrown.get(i)) {
                thrownMessages.add(name);
            } else {
                awaitedMessages.add(new Reference(name, ref.element(), ref.elementId()));
            }
        }
    }

    private void walk(Element element, Element parent, String enclosingId) {
        boolean ours = BPMN.equals(element.getUri()) || CAMUNDA.equals(element.getUri());
        if (!ours && parent != null || NOT_EVALUATED.contains(element.getTagName())) {
            return; // diagram layout, other tools' extensions, prose
        }
        String id = element.attribute("id") != null ? element.attribute("id") : enclosingId;
        constructs(element, parent, id);
        attributes(element, id);
        String text = element.getText();
        if (text != null && (text.contains("${") || text.contains("#{"))) {
            policy.checkValue(text.strip()).ifPresent(reason -> refuse(reason, element, id));
        }
        for (Element child : element.elements()) {
            walk(child, element, id);
        }
    }

    private void constructs(Element element, Element parent, String id) {
        String tag = element.getTagName();
        boolean camunda = CAMUNDA.equals(element.getUri());
        if (!camunda && tag.equals("scriptTask")) {
            refuse("a script task runs any code the model holds; use a service task with one of the "
                    + "application's delegate beans", element, id);
        } else if (camunda && tag.equals("script")) {
            refuse("a script runs any code the model holds; use an expression or a delegate bean", element, id);
        } else if (camunda && tag.equals("connector")) {
            refuse("connectors call other systems from the model; use a delegate bean", element, id);
        } else if (element.attribute("language") != null) {
            refuse("a condition in the script language " + element.attribute("language")
                    + " runs any code the model holds; use an expression", element, id);
        }
        if (!camunda && tag.equals("process") && !"false".equals(element.attribute("isExecutable"))) {
            processIds.add(element.attribute("id"));
            if (blank(camunda(element, "historyTimeToLive"))) {
                refuse("the process has no history time to live (camunda:historyTimeToLive); the audit trail "
                        + "needs one", element, id);
            }
        }
        if (!camunda && tag.equals("message") && element.attribute("id") != null) {
            messageNames.put(element.attribute("id"), element.attribute("name"));
        }
        if (!camunda && tag.equals("messageEventDefinition") && element.attribute("messageRef") != null) {
            messageRefs.add(new Reference(element.attribute("messageRef"), element, id));
            messageRefThrown.add(parent != null && THROWING.contains(parent.getTagName()));
        }
        if (!camunda && tag.equals("receiveTask") && element.attribute("messageRef") != null) {
            messageRefs.add(new Reference(element.attribute("messageRef"), element, id));
            messageRefThrown.add(false);
        }
        references(element, tag, camunda, id);
    }

    private void references(Element element, String tag, boolean camunda, String id) {
        String formRef = camunda(element, "formRef");
        if (!camunda && formRef != null) {
            if ("deployment".equals(camunda(element, "formRefBinding"))) {
                refuse("form " + formRef + " is bound to its deployment: a model or form deployed alone would lose "
                        + "it; use camunda:formRefBinding=\"latest\"", element, id);
            }
            if (!formRef.contains("${")) {
                forms.add(new Reference(formRef, element, id));
            }
        }
        String called = element.attribute("calledElement");
        if (!camunda && tag.equals("callActivity") && called != null && !called.contains("${")) {
            calledProcesses.add(new Reference(called, element, id));
        }
        String decision = camunda(element, "decisionRef");
        if (!camunda && decision != null && !decision.contains("${")) {
            decisions.add(new Reference(decision, element, id));
        }
    }

    private void attributes(Element element, String id) {
        for (String key : element.attributes()) {
            String value = element.attribute(key);
            // camunda:delegateExpression on a BPMN element, plain delegateExpression on a camunda:* one
            boolean qualified = key.startsWith(CAMUNDA + ":");
            boolean camunda = qualified || CAMUNDA.equals(element.getUri()) && !key.contains(":");
            String name = qualified ? key.substring(CAMUNDA.length() + 1) : key;
            if (camunda && CLASS_ATTRIBUTES.contains(name)) {
                refuse("camunda:" + name + " " + value + " names a Java class; use a delegate expression "
                        + "${beanName} naming one of the application's beans", element, id);
            } else if (camunda && DELEGATE_ATTRIBUTES.contains(name)) {
                policy.checkDelegate(value).ifPresent(reason -> refuse(reason, element, id));
            } else if (value != null && (value.contains("${") || value.contains("#{"))
                    && !(camunda && name.equals("stringValue"))) {
                policy.checkValue(value).ifPresent(reason -> refuse(reason, element, id));
            }
        }
    }

    private void refuse(String reason, Element element, String id) {
        findings.add(resource, reason, element, id);
    }

    private static String camunda(Element element, String name) {
        return element.attribute(CAMUNDA + ":" + name);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}

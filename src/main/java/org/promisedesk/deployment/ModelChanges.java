package org.promisedesk.deployment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What a deployment changes, by element, against the latest deployed version of each process,
 * decision and form it brings (for the deployment record, docs/process-owners.md): one line per
 * process, decision or form, e.g. "intake.bpmn: process intake, after version 3: changed
 * Task_ClassifyRequest; added Task_CallBack". Diagram layout is not an element change.
 */
final class ModelChanges {

    private static final Set<String> LAYOUT = Set.of("http://www.omg.org/spec/BPMN/20100524/DI",
            "https://www.omg.org/spec/DMN/20191111/DMNDI/");

    private final ObjectMapper json = new ObjectMapper();

    /** Runs inside the deployment's command, before the engine's deployers. */
    List<String> of(Map<String, ResourceEntity> resources) {
        CommandContext engine = Context.getCommandContext();
        List<String> lines = new ArrayList<>();
        for (ResourceEntity resource : resources.values()) {
            String file = resource.getName();
            if (file.endsWith(".bpmn") || file.endsWith(".dmn")) {
                Element root = XmlTree.read(resource.getBytes());
                if (root == null) {
                    continue;
                }
                boolean bpmn = file.endsWith(".bpmn");
                for (Element definition : root.elements(bpmn ? "process" : "decision")) {
                    String key = definition.attribute("id");
                    Previous previous = bpmn ? previous(engine, engine.getProcessDefinitionManager()
                            .findLatestProcessDefinitionByKey(key), d -> new Previous(d.getDeploymentId(),
                            d.getResourceName(), d.getVersion()))
                            : previous(engine, engine.getDecisionDefinitionManager().findLatestDecisionDefinitionByKey(key),
                                    d -> new Previous(d.getDeploymentId(), d.getResourceName(), d.getVersion()));
                    String what = file + ": " + (bpmn ? "process " : "decision ") + key;
                    lines.add(previous == null ? what + " is new" : what + ", after version " + previous.version + ": "
                            + describe(signatures(elementOf(previous.content, bpmn ? "process" : "decision", key)),
                                    signatures(definition)));
                }
            } else if (file.endsWith(".form")) {
                form(engine, file, resource.getBytes()).ifPresent(lines::add);
            }
        }
        return lines;
    }

    private record Previous(String deploymentId, String resourceName, int version, byte[] content) {
        Previous(String deploymentId, String resourceName, int version) {
            this(deploymentId, resourceName, version, null);
        }
    }

    private static <T> Previous previous(CommandContext engine, T definition, Function<T, Previous> describe) {
        if (definition == null) {
            return null;
        }
        Previous found = describe.apply(definition);
        ResourceEntity resource = engine.getResourceManager()
                .findResourceByDeploymentIdAndResourceName(found.deploymentId, found.resourceName);
        return resource == null ? null
                : new Previous(found.deploymentId, found.resourceName, found.version, resource.getBytes());
    }

    private java.util.Optional<String> form(CommandContext engine, String file, byte[] content) {
        Map<String, String> now = components(content);
        String id = now.get("");
        if (id == null) {
            return java.util.Optional.empty();
        }
        var latest = engine.getCamundaFormDefinitionManager().findLatestDefinitionByKey(id);
        String what = file + ": form " + id;
        if (latest == null) {
            return java.util.Optional.of(what + " is new");
        }
        ResourceEntity before = engine.getResourceManager()
                .findResourceByDeploymentIdAndResourceName(latest.getDeploymentId(), latest.getResourceName());
        return java.util.Optional.of(what + ", after version " + latest.getVersion() + ": "
                + describe(before == null ? Map.of() : components(before.getBytes()), now));
    }

    /** A form's components by id (what each is, as JSON); "" holds the form's own id. */
    private Map<String, String> components(byte[] content) {
        Map<String, String> byId = new LinkedHashMap<>();
        try {
            JsonNode form = json.readTree(content);
            if (form.path("id").isTextual()) {
                byId.put("", form.path("id").asText());
            }
            collect(form.path("components"), byId);
        } catch (Exception e) {
            // the gate has refused a form that is not JSON already
        }
        return byId;
    }

    private static void collect(JsonNode components, Map<String, String> byId) {
        for (JsonNode component : components) {
            String id = component.path("id").asText(component.path("key").asText(""));
            byId.put(id, component.toString());
            collect(component.path("components"), byId);
        }
    }

    private static Element elementOf(byte[] content, String tag, String id) {
        Element root = content == null ? null : XmlTree.read(content);
        if (root == null) {
            return null;
        }
        return root.elements(tag).stream().filter(e -> id.equals(e.attribute("id"))).findFirst().orElse(null);
    }

    /** Every element with an id under (and including) this one, by id: its tag, attributes, text and unnamed parts. */
    private static Map<String, String> signatures(Element element) {
        Map<String, String> byId = new LinkedHashMap<>();
        if (element != null) {
            sign(element, byId);
        }
        return byId;
    }

    private static String sign(Element element, Map<String, String> byId) {
        StringBuilder own = new StringBuilder(element.getTagName()).append(new TreeSet<>(element.attributes()
                .stream().map(key -> key + "=" + element.attribute(key)).toList())).append(element.getText().strip());
        for (Element child : element.elements()) {
            if (LAYOUT.contains(child.getUri())) {
                continue;
            }
            String signature = sign(child, byId);
            if (child.attribute("id") == null) {
                own.append('<').append(signature).append('>');
            }
        }
        if (element.attribute("id") != null) {
            byId.put(element.attribute("id"), own.toString());
        }
        return own.toString();
    }

    private static String describe(Map<String, String> before, Map<String, String> after) {
        List<String> changed = new ArrayList<>();
        List<String> added = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        after.forEach((id, signature) -> {
            if (id.isEmpty()) {
                return;
            }
            if (!before.containsKey(id)) {
                added.add(id);
            } else if (!before.get(id).equals(signature)) {
                changed.add(id);
            }
        });
        before.keySet().stream().filter(id -> !id.isEmpty() && !after.containsKey(id)).forEach(removed::add);
        List<String> parts = new ArrayList<>();
        if (!changed.isEmpty()) {
            parts.add("changed " + String.join(", ", changed));
        }
        if (!added.isEmpty()) {
            parts.add("added " + String.join(", ", added));
        }
        if (!removed.isEmpty()) {
            parts.add("removed " + String.join(", ", removed));
        }
        return parts.isEmpty() ? "no element changed" : String.join("; ", parts);
    }
}

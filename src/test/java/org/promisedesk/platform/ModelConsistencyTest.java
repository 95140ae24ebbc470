package org.promisedesk.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.MessageEventDefinition;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.ReceiveTask;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.ThrowEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The models, forms and code fit together: what a diagram names exists. A process owner's edit
 * that breaks a name fails here, not in front of an agent.
 */
@EngineTest
class ModelConsistencyTest {

    private static final Path PROCESSES = Path.of("processes");
    private static final Path FORMS = Path.of("forms");
    private static final Pattern BEAN_EXPRESSION = Pattern.compile("^\\$\\{(\\w+)}$");
    private static final Pattern ANY_DELEGATE_EXPRESSION = Pattern.compile("delegateExpression=\"([^\"]*)\"");

    @Autowired
    ApplicationContext context;

    @Test
    void shouldGiveEveryProcessAHistoryTimeToLive() throws IOException {
        for (BpmnModelInstance model : bpmnModels()) {
            for (Process process : model.getModelElementsByType(Process.class)) {
                assertThat(process.getCamundaHistoryTimeToLiveString()).as(process.getId()).isNotBlank();
            }
        }
    }

    /**
     * Start rights follow the models (issue 19): a process people start from Tasklist (it has a
     * start form) names who may, and only groups that exist.
     */
    @Test
    void shouldNameTheStartersOfEveryProcessWithAStartForm() throws IOException {
        for (BpmnModelInstance model : bpmnModels()) {
            for (Process process : model.getModelElementsByType(Process.class)) {
                boolean startForm = process.getChildElementsByType(StartEvent.class).stream()
                        .anyMatch(start -> start.getCamundaFormRef() != null);
                if (startForm) {
                    assertThat(process.getCamundaCandidateStarterGroups()).as("starters of %s", process.getId())
                            .isNotBlank();
                    assertThat(process.getCamundaCandidateStarterGroupsList()).as(process.getId())
                            .isSubsetOf(Groups.ALL);
                }
            }
        }
    }

    @Test
    void shouldGiveEveryUserTaskAFormThatExists() throws IOException {
        Set<String> formIds = formIds();
        for (BpmnModelInstance model : bpmnModels()) {
            for (UserTask task : model.getModelElementsByType(UserTask.class)) {
                assertThat(task.getCamundaFormRef()).as("form of user task %s", task.getId()).isIn(formIds);
                assertThat(task.getCamundaFormRefBinding()).as(task.getId()).isEqualTo("latest");
            }
            for (StartEvent start : model.getModelElementsByType(StartEvent.class)) {
                if (start.getCamundaFormRef() != null) {
                    assertThat(start.getCamundaFormRef()).as("start form of %s", start.getId()).isIn(formIds);
                    assertThat(start.getCamundaFormRefBinding()).as(start.getId()).isEqualTo("latest");
                }
            }
        }
    }

    @Test
    void shouldNameASpringBeanInEveryDelegateExpression() throws IOException {
        List<String> expressions = new ArrayList<>();
        for (Path file : files(PROCESSES, ".bpmn")) {
            Matcher matcher = ANY_DELEGATE_EXPRESSION.matcher(Files.readString(file));
            while (matcher.find()) {
                expressions.add(matcher.group(1));
            }
        }
        assertThat(expressions).isNotEmpty();
        for (String expression : expressions) {
            Matcher bean = BEAN_EXPRESSION.matcher(expression);
            assertThat(bean.matches()).as("%s is a plain ${beanName}", expression).isTrue();
            assertThat(context.containsBean(bean.group(1))).as("bean %s exists", bean.group(1)).isTrue();
        }
    }

    @Test
    void shouldCallOnlyProcessesAndDecisionsThatExist() throws IOException {
        Set<String> processIds = new HashSet<>();
        List<CallActivity> calls = new ArrayList<>();
        for (BpmnModelInstance model : bpmnModels()) {
            model.getModelElementsByType(Process.class).forEach(process -> processIds.add(process.getId()));
            calls.addAll(model.getModelElementsByType(CallActivity.class));
        }
        for (CallActivity call : calls) {
            assertThat(call.getCalledElement()).as("called by %s", call.getId()).isIn(processIds);
        }
        Set<String> decisionIds = new HashSet<>();
        for (Path file : files(PROCESSES, ".dmn")) {
            Dmn.readModelFromFile(file.toFile()).getModelElementsByType(Decision.class)
                    .forEach(decision -> decisionIds.add(decision.getId()));
        }
        for (Path file : files(PROCESSES, ".bpmn")) {
            Matcher matcher = Pattern.compile("camunda:decisionRef=\"([^\"$]+)\"").matcher(Files.readString(file));
            while (matcher.find()) {
                assertThat(matcher.group(1)).as("decision in %s", file).isIn(decisionIds);
            }
        }
    }

    /** A message a process waits for is sent by a model or correlated by the code, by its name. */
    @Test
    void shouldHaveACorrelatingCallerForEveryMessageAProcessWaitsFor() throws IOException {
        String code = javaSources();
        Set<String> thrown = new HashSet<>();
        Set<String> awaited = new HashSet<>();
        for (BpmnModelInstance model : bpmnModels()) {
            for (MessageEventDefinition definition : model.getModelElementsByType(MessageEventDefinition.class)) {
                if (definition.getMessage() == null) {
                    continue;
                }
                String name = definition.getMessage().getName();
                (definition.getParentElement() instanceof ThrowEvent ? thrown : awaited).add(name);
            }
            for (ReceiveTask task : model.getModelElementsByType(ReceiveTask.class)) {
                awaited.add(task.getMessage().getName());
            }
        }
        for (String message : awaited) {
            assertThat(thrown.contains(message) || code.contains("\"" + message + "\""))
                    .as("message %s is sent by a model or correlated in src/main/java", message).isTrue();
        }
    }

    private static Set<String> formIds() throws IOException {
        Set<String> ids = new HashSet<>();
        ObjectMapper json = new ObjectMapper();
        for (Path file : files(FORMS, ".form")) {
            ids.add(json.readTree(file.toFile()).path("id").asText());
        }
        return ids;
    }

    private static Collection<BpmnModelInstance> bpmnModels() throws IOException {
        List<BpmnModelInstance> models = new ArrayList<>();
        for (Path file : files(PROCESSES, ".bpmn")) {
            models.add(Bpmn.readModelFromFile(file.toFile()));
        }
        assertThat(models).isNotEmpty();
        return models;
    }

    private static String javaSources() throws IOException {
        StringBuilder all = new StringBuilder();
        for (Path file : files(Path.of("src/main/java"), ".java")) {
            all.append(Files.readString(file));
        }
        return all.toString();
    }

    private static List<Path> files(Path folder, String ending) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            return paths.filter(path -> path.toString().endsWith(ending)).sorted().toList();
        }
    }
}

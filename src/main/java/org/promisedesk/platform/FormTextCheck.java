package org.promisedesk.platform;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Every form's text fields hold plain text ({@link FreeText}): a {@code textfield} one line, a
 * {@code textarea} lines. Checked on the server for every user task and start event with a
 * {@code camunda:formRef}, whoever submits (Tasklist, the engine REST API's complete or
 * submit-form, Java), so a NUL or an RTL override never reaches a letter or a log.
 *
 * <p>A task's complete listeners (the process's own checks) run inside one listener that also
 * checks the text: the rejection names the text problems together with the first check's, in one
 * 400. Read-only and disabled fields are not checked (the form does not submit them); neither are
 * the fields of a dynamic list. The fields are read from the deployed form, once per definition.
 */
@Component
class FormTextCheck extends AbstractProcessEnginePlugin {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Logger log = LoggerFactory.getLogger(FormTextCheck.class);

    /** Text fields of each deployed form, by process definition and task (or start event). */
    private final Map<String, Map<String, Boolean>> fieldsByForm = new ConcurrentHashMap<>();

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomPostBPMNParseListeners() == null) {
            configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
        }
        configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
            @Override
            public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
                if (element.attributeNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "formRef") != null
                        && activity.getActivityBehavior() instanceof UserTaskActivityBehavior userTask) {
                    checkOnComplete(userTask.getTaskDefinition());
                }
            }

            @Override
            public void parseStartEvent(Element element, ScopeImpl scope, ActivityImpl activity) {
                if (element.attributeNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "formRef") != null
                        && scope instanceof ProcessDefinitionEntity) {
                    activity.addListener(ExecutionListener.EVENTNAME_START, (ExecutionListener) this::checkStart, 0);
                }
            }

            private void checkStart(DelegateExecution execution) {
                String form = execution.getProcessDefinitionId() + "#start";
                List<String> problems = problems(execution, fields(form, () -> execution.getProcessEngineServices()
                        .getFormService().getDeployedStartForm(execution.getProcessDefinitionId())));
                if (!problems.isEmpty()) {
                    throw new BadUserRequestException("The form cannot be submitted: " + String.join("; ", problems));
                }
            }
        });
    }

    private void checkOnComplete(TaskDefinition task) {
        List<TaskListener> own = task.getTaskListeners().computeIfAbsent(TaskListener.EVENTNAME_COMPLETE,
                event -> new ArrayList<>());
        List<TaskListener> checks = List.copyOf(own);
        own.clear();
        own.add(delegateTask -> complete(delegateTask, checks));
    }

    private void complete(DelegateTask task, List<TaskListener> checks) {
        String form = task.getProcessDefinitionId() + "#" + task.getTaskDefinitionKey();
        List<String> problems = problems(task, fields(form, () -> task.getProcessEngineServices().getFormService()
                .getDeployedTaskForm(task.getId())));
        try {
            for (TaskListener check : checks) {
                check.notify(task);
            }
        } catch (ProcessEngineException e) {
            // The engine wraps what a delegate-expression listener throws; the rejection is inside.
            BadUserRequestException rejected = rejection(e);
            if (problems.isEmpty() || rejected == null) {
                throw e;
            }
            throw new BadUserRequestException(rejected.getMessage() + "; " + String.join("; ", problems), e);
        }
        if (!problems.isEmpty()) {
            throw new BadUserRequestException("The form cannot be submitted: " + String.join("; ", problems));
        }
    }

    private static BadUserRequestException rejection(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof BadUserRequestException rejected) {
                return rejected;
            }
        }
        return null;
    }

    private static List<String> problems(VariableScope scope, Map<String, Boolean> fields) {
        List<String> problems = new ArrayList<>();
        fields.forEach((key, multiLine) -> {
            if (scope.getVariable(key) instanceof String text) {
                String problem = FreeText.problem(text.strip(), multiLine);
                if (problem != null) {
                    problems.add(key + " " + problem);
                }
            }
        });
        return problems;
    }

    /**
     * The editable text fields of the form, key → multi-line, read without the caller's
     * authorizations. A form that cannot be found or read has none here (Tasklist cannot show it
     * either). Kept per process definition: our models bind their forms to their deployment.
     */
    private Map<String, Boolean> fields(String form, Supplier<InputStream> deployed) {
        return fieldsByForm.computeIfAbsent(form, unused -> Context.getCommandContext().runWithoutAuthorization(() -> {
            Map<String, Boolean> fields = new LinkedHashMap<>();
            try (InputStream in = deployed.get()) {
                collect(JSON.readTree(in).path("components"), fields);
            } catch (ProcessEngineException | IOException unreadable) {
                log.warn("Form of {} not checked for plain text: {}", form, unreadable.getMessage());
            }
            return fields;
        }));
    }

    private static void collect(JsonNode components, Map<String, Boolean> fields) {
        for (JsonNode component : components) {
            String type = component.path("type").asText();
            boolean editable = !component.path("readonly").asBoolean(false)
                    && !component.path("disabled").asBoolean(false);
            if (editable && component.hasNonNull("key") && (type.equals("textfield") || type.equals("textarea"))) {
                fields.put(component.get("key").asText(), type.equals("textarea"));
            } else if (!type.equals("dynamiclist")) {
                collect(component.path("components"), fields);
            }
        }
    }
}

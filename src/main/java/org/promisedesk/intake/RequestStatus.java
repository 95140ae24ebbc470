package org.promisedesk.intake;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.management.JobDefinition;
import org.camunda.bpm.engine.runtime.EventSubscription;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.promisedesk.customer.Customers;
import org.promisedesk.promise.PromiseProcess;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads a request from the engine for {@code GET /api/requests/{key}}: the intake instance's
 * variables from history (so a finished request reads the same), and from the runtime what every
 * instance under the key — intake and the processes it called — waits for now.
 */
@Component
class RequestStatus {

    static final String USER_TASK = "user-task";
    static final String MESSAGE = "message";
    static final String TIMER = "timer";

    private final HistoryService historyService;
    private final RuntimeService runtimeService;
    private final TaskService taskService;
    private final ManagementService managementService;
    private final RepositoryService repositoryService;
    private final Customers customers;
    private final ObjectMapper json;

    RequestStatus(HistoryService historyService, RuntimeService runtimeService, TaskService taskService,
            ManagementService managementService, RepositoryService repositoryService, Customers customers,
            ObjectMapper json) {
        this.historyService = historyService;
        this.runtimeService = runtimeService;
        this.taskService = taskService;
        this.managementService = managementService;
        this.repositoryService = repositoryService;
        this.customers = customers;
        this.json = json;
    }

    /** Empty when no intake instance has this business key. */
    Optional<RequestView> of(String key) {
        HistoricProcessInstance intake = historyService.createHistoricProcessInstanceQuery()
                .processDefinitionKey(IntakeProcess.PROCESS_ID).processInstanceBusinessKey(key)
                .orderByProcessInstanceStartTime().asc().listPage(0, 1).stream().findFirst().orElse(null);
        if (intake == null) {
            return Optional.empty();
        }
        Map<String, Object> vars = variables(intake.getId());
        boolean ended = intake.getEndTime() != null;
        String state = (String) vars.get(IntakeProcess.REQUEST_STATE);
        if (ended && !IntakeProcess.STATE_CLOSED_BY_SILENCE.equals(state)) {
            state = IntakeProcess.STATE_CLOSED;
        }
        Instant closedAt = instant(vars.get(IntakeProcess.CLOSED_AT));
        if (closedAt == null && ended) {
            closedAt = intake.getEndTime().toInstant();
        }
        RequestView.Sla sla = new RequestView.Sla(instant(vars.get(IntakeProcess.FIRST_RESPONSE_DUE)),
                instant(vars.get(IntakeProcess.RESOLUTION_DUE)), instant(vars.get(IntakeProcess.FIRST_RESPONSE_AT)),
                Boolean.TRUE.equals(vars.get(IntakeProcess.SLA_BREACHED)), breaches(vars.get(IntakeProcess.SLA_BREACHES)),
                instant(vars.get(IntakeProcess.SLA_PAUSED_SINCE)));
        List<ProcessInstance> running = runningInstances(key);
        return Optional.of(new RequestView(key, state, (String) vars.get(IntakeProcess.REQUEST_CLASS),
                customer(vars), (String) vars.get(IntakeProcess.CHANNEL), (String) vars.get(IntakeProcess.SUBJECT),
                (String) vars.get(IntakeProcess.PRIORITY), intake.getStartTime().toInstant(), closedAt,
                (String) vars.get(IntakeProcess.CLOSED_BY), sla, waiting(running), promises(running)));
    }

    /** The instance's variables; a variable of the instance's own scope wins over a local one of the same name. */
    private Map<String, Object> variables(String processInstanceId) {
        Map<String, Object> values = new HashMap<>();
        for (HistoricVariableInstance variable : historyService.createHistoricVariableInstanceQuery()
                .processInstanceId(processInstanceId).list()) {
            boolean root = processInstanceId.equals(variable.getActivityInstanceId());
            if (root || !values.containsKey(variable.getName())) {
                values.put(variable.getName(), variable.getValue());
            }
        }
        return values;
    }

    private RequestView.Customer customer(Map<String, Object> vars) {
        if (!(vars.get(IntakeProcess.CUSTOMER_ID) instanceof Number id)) {
            return null;
        }
        String name = vars.get(IntakeProcess.CUSTOMER_NAME) instanceof String known ? known
                : customers.findById(id.longValue()).map(org.promisedesk.customer.Customer::name).orElse(null);
        return new RequestView.Customer(id.longValue(), name);
    }

    /** The instances under the key and, recursively, those they called. */
    private List<ProcessInstance> runningInstances(String key) {
        Map<String, ProcessInstance> found = new LinkedHashMap<>();
        List<ProcessInstance> next = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(key).list();
        while (!next.isEmpty()) {
            List<ProcessInstance> children = new ArrayList<>();
            for (ProcessInstance instance : next) {
                if (found.putIfAbsent(instance.getId(), instance) == null) {
                    children.addAll(runtimeService.createProcessInstanceQuery()
                            .superProcessInstanceId(instance.getId()).list());
                }
            }
            next = children;
        }
        return new ArrayList<>(found.values());
    }

    private List<RequestView.Waiting> waiting(List<ProcessInstance> instances) {
        if (instances.isEmpty()) {
            return List.of();
        }
        Names names = new Names();
        String[] ids = instances.stream().map(ProcessInstance::getId).toArray(String[]::new);
        List<RequestView.Waiting> waiting = new ArrayList<>();
        for (Task task : taskService.createTaskQuery().processInstanceIdIn(ids).orderByTaskCreateTime().asc().list()) {
            List<String> groups = taskService.getIdentityLinksForTask(task.getId()).stream()
                    .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
                    .map(IdentityLink::getGroupId).toList();
            waiting.add(new RequestView.Waiting(names.process(task.getProcessDefinitionId()),
                    task.getProcessInstanceId(), task.getTaskDefinitionKey(), task.getName(), USER_TASK,
                    task.getAssignee(), groups, instant(task.getDueDate())));
        }
        for (ProcessInstance instance : instances) {
            for (EventSubscription message : runtimeService.createEventSubscriptionQuery()
                    .processInstanceId(instance.getId()).eventType("message").list()) {
                waiting.add(new RequestView.Waiting(names.process(instance.getProcessDefinitionId()), instance.getId(),
                        message.getActivityId(), names.activity(instance.getProcessDefinitionId(),
                                message.getActivityId()), MESSAGE, null, null, null));
            }
        }
        for (ProcessInstance instance : instances) {
            for (Job timer : managementService.createJobQuery().processInstanceId(instance.getId()).timers()
                    .orderByJobDuedate().asc().list()) {
                String activityId = names.activityOfJob(timer.getJobDefinitionId());
                waiting.add(new RequestView.Waiting(names.process(instance.getProcessDefinitionId()), instance.getId(),
                        activityId, names.activity(instance.getProcessDefinitionId(), activityId), TIMER, null, null,
                        instant(timer.getDuedate())));
            }
        }
        return waiting;
    }

    private List<RequestView.OpenPromise> promises(List<ProcessInstance> instances) {
        Date now = ClockUtil.getCurrentTime();
        List<RequestView.OpenPromise> promises = new ArrayList<>();
        for (ProcessInstance instance : instances) {
            if (!instance.getProcessDefinitionId().startsWith(PromiseProcess.PROCESS_ID + ":")) {
                continue;
            }
            Map<String, Object> vars = runtimeService.getVariables(instance.getId(),
                    List.of(PromiseProcess.PROMISE_TEXT, PromiseProcess.OWNER, PromiseProcess.DUE_DATE));
            Date due = vars.get(PromiseProcess.DUE_DATE) instanceof Date date ? date : null;
            promises.add(new RequestView.OpenPromise(instance.getId(), (String) vars.get(PromiseProcess.PROMISE_TEXT),
                    (String) vars.get(PromiseProcess.OWNER), instant(due), due != null && due.before(now)));
        }
        promises.sort(Comparator.comparing(RequestView.OpenPromise::due, Comparator.nullsLast(Comparator.naturalOrder())));
        return promises;
    }

    /** {@code slaBreaches}: a list, JSON (a string or a Spin value), or a comma-separated string. */
    private List<String> breaches(Object value) {
        if (value instanceof Collection<?> list) {
            return list.stream().map(String::valueOf).toList();
        }
        String text = value == null ? "" : value.toString();
        if (text.isBlank()) {
            return List.of();
        }
        if (text.strip().startsWith("[")) {
            try {
                return Arrays.asList(json.readValue(text, String[].class));
            } catch (JsonProcessingException notJson) {
                return List.of(text);
            }
        }
        return Arrays.stream(text.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static Instant instant(Object value) {
        return value instanceof Date date ? date.toInstant() : null;
    }

    /** Process ids and activity names from the (cached) definitions, looked up once per answer. */
    private class Names {

        private final Map<String, String> processes = new HashMap<>();
        private final Map<String, String> jobActivities = new HashMap<>();

        String process(String definitionId) {
            return processes.computeIfAbsent(definitionId,
                    id -> repositoryService.getProcessDefinition(id).getKey());
        }

        String activity(String definitionId, String activityId) {
            if (activityId == null) {
                return null;
            }
            ModelElementInstance element = repositoryService.getBpmnModelInstance(definitionId)
                    .getModelElementById(activityId);
            return element instanceof FlowElement flow ? flow.getName() : null;
        }

        String activityOfJob(String jobDefinitionId) {
            if (jobDefinitionId == null) {
                return null;
            }
            return jobActivities.computeIfAbsent(jobDefinitionId, id -> {
                JobDefinition definition = managementService.createJobDefinitionQuery().jobDefinitionId(id)
                        .singleResult();
                return definition == null ? null : definition.getActivityId();
            });
        }
    }
}

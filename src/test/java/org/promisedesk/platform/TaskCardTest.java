package org.promisedesk.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every user task gets a priority and a due date an inbox can sort by, also in a model that says
 * nothing about either (a process owner's new model): the request's priority, its resolution
 * deadline, or one business day. What a model says itself wins.
 */
@EngineTest
class TaskCardTest {

    private static final String PLAIN = "Process_TaskCardPlain";
    private static final String OWN = "Process_TaskCardOwn";

    @Autowired RepositoryService repositoryService;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;

    private final List<String> instances = new ArrayList<>();

    @BeforeEach
    void deployOnce() {
        if (repositoryService.createProcessDefinitionQuery().processDefinitionKey(PLAIN).count() == 0) {
            repositoryService.createDeployment().name("task-card-probe")
                    .addModelInstance("plain.bpmn", Bpmn.createExecutableProcess(PLAIN).camundaHistoryTimeToLive(1)
                            .camundaStartableInTasklist(false).startEvent().userTask("Task_Plain")
                            .camundaCandidateGroups(Groups.AGENTS).endEvent().done())
                    .addModelInstance("own.bpmn", Bpmn.createExecutableProcess(OWN).camundaHistoryTimeToLive(1)
                            .camundaStartableInTasklist(false).startEvent().userTask("Task_Own")
                            .camundaCandidateGroups(Groups.AGENTS).camundaPriority("20").camundaDueDate("${mine}")
                            .endEvent().done())
                    .deploy();
        }
        // Friday 27 November 2026, 10:00 in Shanghai.
        ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-11-27T02:00:00Z")));
    }

    @AfterEach
    void cleanUp() {
        ClockUtil.reset();
        instances.forEach(id -> runtimeService.deleteProcessInstance(id, "test over"));
    }

    @Test
    void shouldGiveAP1RequestsTaskAHigherPriorityThanAP3s() {
        assertThat(start(PLAIN, Map.of("priority", "P1")).getPriority()).isEqualTo(90);
        assertThat(start(PLAIN, Map.of("priority", "P2")).getPriority()).isEqualTo(70);
        assertThat(start(PLAIN, Map.of("priority", "P3")).getPriority()).isEqualTo(50);
        assertThat(start(PLAIN, Map.of()).getPriority()).as("no request priority").isEqualTo(50);
    }

    @Test
    void shouldCopyWhatTheInboxRowShowsOntoTheTaskUnderNamesOfItsOwn() {
        Task task = start(PLAIN, Map.of("requestKey", "REQ-2026-000777", "customerName", "Northwind Traders Ltd",
                "subject", "Site down", "priority", "P1"));

        assertThat(taskService.getVariablesLocal(task.getId())).containsEntry("rowRequestKey", "REQ-2026-000777")
                .containsEntry("rowCustomer", "Northwind Traders Ltd").containsEntry("rowSubject", "Site down")
                .containsEntry("rowPriority", "P1").doesNotContainKeys("priority", "subject");
        // A form that changes the priority still changes the request's, not a copy on the task.
        taskService.setVariable(task.getId(), "priority", "P2");
        assertThat(runtimeService.getVariable(task.getProcessInstanceId(), "priority")).isEqualTo("P2");
    }

    @Test
    void shouldDateATaskByTheRequestsResolutionDeadline() {
        Date deadline = Date.from(Instant.parse("2026-11-28T06:00:00Z"));
        assertThat(start(PLAIN, Map.of("resolutionDue", deadline)).getDueDate()).isEqualTo(deadline);
        assertThat(start(PLAIN, Map.of("resolveBy", deadline)).getDueDate()).isEqualTo(deadline);
    }

    @Test
    void shouldGiveATaskWithNoDeadlineOneBusinessDayOverTheWeekend() {
        // Friday 10:00 in Shanghai plus one business day: Monday 10:00.
        assertThat(start(PLAIN, Map.of()).getDueDate()).isEqualTo(Date.from(Instant.parse("2026-11-30T02:00:00Z")));
    }

    @Test
    void shouldKeepWhatTheModelSaysItself() {
        Date mine = Date.from(Instant.parse("2026-12-01T01:00:00Z"));
        Map<String, Object> variables = new HashMap<>(Map.of("priority", "P1", "mine", mine));
        variables.put("resolutionDue", Date.from(Instant.parse("2026-11-28T06:00:00Z")));
        Task task = start(OWN, variables);

        assertThat(task.getPriority()).isEqualTo(20);
        assertThat(task.getDueDate()).isEqualTo(mine);
    }

    private Task start(String process, Map<String, Object> variables) {
        String id = runtimeService.startProcessInstanceByKey(process, variables).getId();
        instances.add(id);
        return taskService.createTaskQuery().processInstanceId(id).singleResult();
    }
}

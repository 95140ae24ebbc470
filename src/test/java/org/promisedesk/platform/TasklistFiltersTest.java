package org.promisedesk.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@EngineTest
class TasklistFiltersTest {

    private static final String PROCESS = "Process_FilterProbe";

    @Autowired IdentityService identityService;
    @Autowired FilterService filterService;
    @Autowired RepositoryService repositoryService;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired TasklistFilters tasklistFilters;

    List<String> instances = new ArrayList<>();

    @AfterEach
    void cleanUp() {
        identityService.clearAuthentication();
        instances.forEach(id -> runtimeService.deleteProcessInstance(id, "test over"));
    }

    @Test
    void shouldCreateEachSharedFilterOnceEvenWhenRunAgain() throws Exception {
        tasklistFilters.run(null);

        for (String name : List.of(TasklistFilters.MY_TASKS, TasklistFilters.MY_TEAMS_INBOX,
                TasklistFilters.DUE_TODAY_OR_OVERDUE, TasklistFilters.OPEN_PROMISES)) {
            assertThat(filterService.createFilterQuery().filterName(name).count()).as(name).isEqualTo(1);
        }
    }

    @Test
    void shouldShowTheFiltersToEveryoneWhoWorksTasksButNotToAuditors() {
        assertThat(filterNamesSeenBy("agent", Groups.AGENTS)).containsExactlyInAnyOrder(
                TasklistFilters.MY_TASKS, TasklistFilters.MY_TEAMS_INBOX,
                TasklistFilters.DUE_TODAY_OR_OVERDUE, TasklistFilters.OPEN_PROMISES);
        assertThat(filterNamesSeenBy("tech", Groups.TECH)).hasSize(4);
        assertThat(filterNamesSeenBy("auditor", Groups.AUDITORS)).isEmpty();
    }

    @Test
    void shouldFillEachTeamsInboxWithItsOwnTasks() {
        startProbe(new Date());

        assertThat(taskKeysIn(TasklistFilters.MY_TEAMS_INBOX, "agent", Groups.AGENTS)).containsExactly("Task_agents");
        assertThat(taskKeysIn(TasklistFilters.MY_TEAMS_INBOX, "tech", Groups.TECH)).containsExactly("Task_tech");
    }

    @Test
    void shouldListOnlyWhatIsDueByTheEndOfToday() {
        startProbe(new Date(System.currentTimeMillis() - Duration.ofHours(1).toMillis()));
        startProbe(new Date(System.currentTimeMillis() + Duration.ofDays(3).toMillis()));

        List<Task> due = tasksIn(TasklistFilters.DUE_TODAY_OR_OVERDUE, "agent", Groups.AGENTS);
        assertThat(due).extracting(Task::getProcessInstanceId).containsExactly(instances.get(0));
    }

    @Test
    void shouldListMyClaimedTasksUnderMyTasks() {
        startProbe(new Date());
        assertThat(taskKeysIn(TasklistFilters.MY_TASKS, "agent", Groups.AGENTS)).isEmpty();

        Task task = tasksIn(TasklistFilters.MY_TEAMS_INBOX, "agent", Groups.AGENTS).get(0);
        taskService.claim(task.getId(), "agent");

        assertThat(taskKeysIn(TasklistFilters.MY_TASKS, "agent", Groups.AGENTS)).containsExactly("Task_agents");
        assertThat(taskKeysIn(TasklistFilters.MY_TASKS, "agent2", Groups.AGENTS)).isEmpty();
        assertThat(taskKeysIn(TasklistFilters.MY_TEAMS_INBOX, "agent2", Groups.AGENTS))
                .as("the team still sees a claimed task").containsExactly("Task_agents");
    }

    private void startProbe(Date due) {
        if (repositoryService.createProcessDefinitionQuery().processDefinitionKey(PROCESS).count() == 0) {
            repositoryService.createDeployment().name("filter-probe")
                    .addModelInstance("filter-probe.bpmn", TestModels.taskPerGroup(PROCESS, Groups.AGENTS, Groups.TECH))
                    .deploy();
        }
        instances.add(runtimeService.startProcessInstanceByKey(PROCESS, Map.of("due", due)).getId());
    }

    private List<String> filterNamesSeenBy(String user, String group) {
        identityService.setAuthentication(user, List.of(group));
        try {
            return filterService.createTaskFilterQuery().list().stream().map(Filter::getName).toList();
        } finally {
            identityService.clearAuthentication();
        }
    }

    private List<String> taskKeysIn(String filterName, String user, String group) {
        return tasksIn(filterName, user, group).stream().map(Task::getTaskDefinitionKey).toList();
    }

    private List<Task> tasksIn(String filterName, String user, String group) {
        String filterId = filterService.createFilterQuery().filterName(filterName).singleResult().getId();
        identityService.setAuthentication(user, List.of(group));
        try {
            List<Task> tasks = filterService.list(filterId);
            return tasks.stream().filter(task -> instances.contains(task.getProcessInstanceId())).toList();
        } finally {
            identityService.clearAuthentication();
        }
    }
}

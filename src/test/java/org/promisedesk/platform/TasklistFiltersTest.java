package org.promisedesk.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
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
import org.camunda.bpm.engine.impl.util.ClockUtil;
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
        ClockUtil.reset();
        instances.forEach(id -> runtimeService.deleteProcessInstance(id, "test over"));
    }

    @Test
    void shouldCreateEachSharedFilterOnceEvenWhenRunAgain() throws Exception {
        tasklistFilters.run(null);

        for (String name : List.of(TasklistFilters.MY_TASKS, TasklistFilters.MY_TEAMS_INBOX,
                TasklistFilters.DUE_TODAY_OR_OVERDUE, TasklistFilters.OPEN_PROMISES, TasklistFilters.ALL_OPEN_WORK,
                TasklistFilters.OVERDUE_EVERY_TEAM)) {
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
    void shouldCountTodayInTheBusinessTimeZoneAtOneInTheMorningInShanghai() {
        startProbe(Date.from(Instant.parse("2026-12-08T05:00:00Z"))); // 13:00 on 8 December in Shanghai
        startProbe(Date.from(Instant.parse("2026-12-09T05:00:00Z"))); // 13:00 the day after
        // 01:05 on 8 December in Shanghai is still 7 December on a UTC server.
        ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-12-07T17:05:00Z")));

        assertThat(tasksIn(TasklistFilters.DUE_TODAY_OR_OVERDUE, "agent", Groups.AGENTS))
                .extracting(Task::getProcessInstanceId).containsExactly(instances.get(0));
    }

    @Test
    void shouldNotCountTomorrowAsTodayAtHalfPastElevenAtNightInShanghai() {
        startProbe(Date.from(Instant.parse("2026-12-08T15:45:00Z"))); // 23:45 on 8 December in Shanghai
        startProbe(Date.from(Instant.parse("2026-12-08T16:15:00Z"))); // 00:15 on 9 December
        ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-12-08T15:30:00Z"))); // 23:30 on 8 December

        assertThat(tasksIn(TasklistFilters.DUE_TODAY_OR_OVERDUE, "agent", Groups.AGENTS))
                .extracting(Task::getProcessInstanceId).containsExactly(instances.get(0));
    }

    @Test
    void shouldShowALeadEveryTeamsQueueAndWhatIsOverdueAcrossTeams() {
        startProbe(new Date(System.currentTimeMillis() - Duration.ofHours(2).toMillis()));
        startProbe(new Date(System.currentTimeMillis() + Duration.ofDays(2).toMillis()));

        assertThat(taskKeysIn(TasklistFilters.ALL_OPEN_WORK, "lead", Groups.LEADS))
                .containsExactly("Task_agents", "Task_tech", "Task_agents", "Task_tech");
        assertThat(tasksIn(TasklistFilters.OVERDUE_EVERY_TEAM, "lead", Groups.LEADS))
                .extracting(Task::getProcessInstanceId).containsOnly(instances.get(0)).hasSize(2);
        assertThat(filterNamesSeenBy("lead", Groups.LEADS)).contains(TasklistFilters.ALL_OPEN_WORK,
                TasklistFilters.OVERDUE_EVERY_TEAM);
        assertThat(filterNamesSeenBy("agent", Groups.AGENTS)).doesNotContain(TasklistFilters.ALL_OPEN_WORK,
                TasklistFilters.OVERDUE_EVERY_TEAM);
    }

    @Test
    void shouldShowTheRequestKeyCustomerSubjectAndPriorityOnEveryRow() {
        Filter inbox = filterService.createFilterQuery().filterName(TasklistFilters.MY_TEAMS_INBOX).singleResult();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> columns = (List<Map<String, Object>>) inbox.getProperties().get("variables");
        assertThat(columns).extracting(column -> column.get("name"))
                .containsExactly("rowRequestKey", "rowCustomer", "rowSubject", "rowPriority");
        assertThat(TaskCard.ROW_VARIABLES).containsOnlyKeys("rowRequestKey", "rowCustomer", "rowSubject",
                "rowPriority");
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

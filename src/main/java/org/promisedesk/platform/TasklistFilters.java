package org.promisedesk.platform;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * A fresh Tasklist shows no filters at all. These shared filters are created (or brought up to
 * date) at every start-up and granted to every group that works tasks; the expressions
 * {@code currentUser()} and {@code currentUserGroups()} make one filter serve each team.
 */
@Component
@Order(3)
class TasklistFilters implements ApplicationRunner {

    static final String MY_TASKS = "My tasks";
    static final String MY_TEAMS_INBOX = "My team's inbox";
    static final String DUE_TODAY_OR_OVERDUE = "Due today / overdue";
    static final String OPEN_PROMISES = "Open promises";
    static final String ALL_OPEN_WORK = "All open work (leads)";
    static final String OVERDUE_EVERY_TEAM = "Overdue, every team (leads)";

    /** Today ends at midnight in the business time zone, not the server's ({@link BusinessTimeFunctions}). */
    private static final String END_OF_TODAY = "${" + BusinessTimeFunctions.END_OF_BUSINESS_TODAY + "()}";
    private static final List<String> EVERYONE_WHO_WORKS_TASKS = everyoneWhoWorksTasks();

    private final FilterService filterService;
    private final TaskService taskService;
    private final GroupPermissions groupPermissions;

    TasklistFilters(FilterService filterService, TaskService taskService, GroupPermissions groupPermissions) {
        this.filterService = filterService;
        this.taskService = taskService;
        this.groupPermissions = groupPermissions;
    }

    @Override
    public void run(ApplicationArguments args) {
        ensure(MY_TASKS, -10, "Tasks assigned to me",
                taskService.createTaskQuery().taskAssigneeExpression("${currentUser()}")
                        .orderByDueDate().asc(), EVERYONE_WHO_WORKS_TASKS);
        ensure(MY_TEAMS_INBOX, 0, "Tasks for my groups, claimed or not, the most urgent first",
                taskService.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}")
                        .includeAssignedTasks().orderByDueDate().asc().orderByTaskPriority().desc(),
                EVERYONE_WHO_WORKS_TASKS);
        ensure(DUE_TODAY_OR_OVERDUE, 10, "My tasks and my groups' open tasks due by the end of today"
                + " (business time zone)", dueTodayOrOverdue(), EVERYONE_WHO_WORKS_TASKS);
        ensure(OPEN_PROMISES, 20, "Every promise to a customer that I may see, by due date",
                taskService.createTaskQuery().processDefinitionKey("promise").orderByDueDate().asc(),
                EVERYONE_WHO_WORKS_TASKS);
        // A lead sees every team's queue (leads may read every task, GroupPermissions).
        ensure(ALL_OPEN_WORK, 30, "Every team's open tasks, claimed or not, the most urgent first",
                taskService.createTaskQuery().orderByDueDate().asc().orderByTaskPriority().desc(),
                List.of(Groups.LEADS));
        ensure(OVERDUE_EVERY_TEAM, 40, "Every team's tasks past their due date",
                taskService.createTaskQuery().dueBeforeExpression("${now()}").orderByDueDate().asc(),
                List.of(Groups.LEADS));
    }

    private static List<String> everyoneWhoWorksTasks() {
        List<String> readers = new ArrayList<>(Groups.TASK_WORKERS);
        readers.add(Groups.PROCESS_OWNERS);
        return List.copyOf(readers);
    }

    private TaskQuery dueTodayOrOverdue() {
        TaskQuery query = taskService.createTaskQuery();
        query.or()
                .taskAssigneeExpression("${currentUser()}")
                .taskCandidateGroupInExpression("${currentUserGroups()}")
                .endOr();
        return query.dueBeforeExpression(END_OF_TODAY).orderByDueDate().asc();
    }

    private void ensure(String name, int priority, String description, TaskQuery query, List<String> readers) {
        Filter filter = filterService.createFilterQuery().filterName(name).list().stream()
                .filter(existing -> existing.getOwner() == null)
                .findFirst()
                .orElseGet(() -> filterService.newTaskFilter(name));
        filter.setQuery(query);
        filter.setProperties(properties(priority, description));
        filterService.saveFilter(filter);
        readers.forEach(group -> groupPermissions.grant(group, Resources.FILTER, filter.getId(), Permissions.READ));
    }

    private static Map<String, Object> properties(int priority, String description) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("description", description);
        properties.put("priority", priority);
        properties.put("refresh", true);
        properties.put("variables", List.of(
                Map.of("name", "rowRequestKey", "label", "Request"),
                Map.of("name", "rowCustomer", "label", "Customer"),
                Map.of("name", "rowSubject", "label", "Subject"),
                Map.of("name", "rowPriority", "label", "Priority")));
        return properties;
    }
}

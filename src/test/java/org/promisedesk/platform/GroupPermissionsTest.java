package org.promisedesk.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@EngineTest
class GroupPermissionsTest {

    private static final String PROCESS = "Process_Visibility";

    @Autowired IdentityService identityService;
    @Autowired AuthorizationService authorizationService;
    @Autowired RepositoryService repositoryService;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired GroupPermissions groupPermissions;

    String instanceId;

    @BeforeEach
    void startAProcessWithOneTaskForAgentsAndOneForTech() {
        if (repositoryService.createProcessDefinitionQuery().processDefinitionKey(PROCESS).count() == 0) {
            repositoryService.createDeployment().name("visibility-probe")
                    .addModelInstance("visibility.bpmn", TestModels.taskPerGroup(PROCESS, Groups.AGENTS, Groups.TECH))
                    .deploy();
        }
        instanceId = runtimeService.startProcessInstanceByKey(PROCESS, Map.of("due", new Date())).getId();
    }

    @AfterEach
    void logOut() {
        identityService.clearAuthentication();
        runtimeService.deleteProcessInstance(instanceId, "test over");
    }

    @Test
    void shouldCreateEveryGroupOfTheSpec() {
        assertThat(identityService.createGroupQuery().groupIdIn(Groups.ALL.toArray(String[]::new)).count())
                .isEqualTo(7);
        assertThat(identityService.createGroupQuery().groupId(Groups.PROCESS_OWNERS).singleResult().getName())
                .isEqualTo("Process owners");
    }

    @Test
    void shouldChangeNothingWhenRunAgain() throws Exception {
        long authorizations = authorizationService.createAuthorizationQuery().count();
        long groups = identityService.createGroupQuery().count();

        groupPermissions.run(null);

        assertThat(authorizationService.createAuthorizationQuery().count()).isEqualTo(authorizations);
        assertThat(identityService.createGroupQuery().count()).isEqualTo(groups);
    }

    @Test
    void shouldShowAgentsOnlyTheirGroupsTasks() {
        assertThat(taskKeysSeenBy("agent")).containsExactly("Task_agents");
        assertThat(taskKeysSeenBy("tech")).containsExactly("Task_tech");
        assertThat(taskKeysSeenBy("lead")).containsExactlyInAnyOrder("Task_agents", "Task_tech");
    }

    @Test
    void shouldNotLetAnAgentCompleteAnotherGroupsTask() {
        Task techTask = taskService.createTaskQuery().processInstanceId(instanceId)
                .taskDefinitionKey("Task_tech").singleResult();
        logIn("agent");

        assertThatThrownBy(() -> taskService.complete(techTask.getId())).isInstanceOf(AuthorizationException.class);
        identityService.clearAuthentication();
        assertThat(taskService.createTaskQuery().taskId(techTask.getId()).count()).isEqualTo(1);
    }

    @Test
    void shouldLetAuditorsReadButChangeNothing() {
        Task agentTask = taskService.createTaskQuery().processInstanceId(instanceId)
                .taskDefinitionKey("Task_agents").singleResult();
        logIn("auditor");

        assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey(PROCESS).count()).isEqualTo(1);
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(instanceId).count()).isEqualTo(1);
        assertThat(taskService.createTaskQuery().processInstanceId(instanceId).count()).isEqualTo(2);
        assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey(PROCESS))
                .isInstanceOf(AuthorizationException.class);
        assertThatThrownBy(() -> taskService.complete(agentTask.getId())).isInstanceOf(AuthorizationException.class);
        assertThatThrownBy(() -> taskService.setAssignee(agentTask.getId(), "auditor"))
                .isInstanceOf(AuthorizationException.class);
        assertThatThrownBy(() -> runtimeService.deleteProcessInstance(instanceId, "auditor tried"))
                .isInstanceOf(AuthorizationException.class);
        assertThat(authorizationService.isUserAuthorized("auditor", List.of(Groups.AUDITORS), Permissions.CREATE,
                Resources.DEPLOYMENT)).isFalse();
    }

    @Test
    void shouldLetProcessOwnersDeployAndNobodyElse() {
        assertThat(authorizationService.isUserAuthorized("owner", List.of(Groups.PROCESS_OWNERS), Permissions.CREATE,
                Resources.DEPLOYMENT)).isTrue();
        for (String group : Groups.TASK_WORKERS) {
            assertThat(authorizationService.isUserAuthorized("someone", List.of(group), Permissions.CREATE,
                    Resources.DEPLOYMENT)).as(group).isFalse();
        }
    }

    @Test
    void shouldLetAnAgentClaimAndCompleteTheirGroupsTask() {
        Task agentTask = taskService.createTaskQuery().processInstanceId(instanceId)
                .taskDefinitionKey("Task_agents").singleResult();
        logIn("agent");

        taskService.claim(agentTask.getId(), "agent");
        taskService.complete(agentTask.getId());

        identityService.clearAuthentication();
        assertThat(taskService.createTaskQuery().taskId(agentTask.getId()).count()).isZero();
    }

    private List<String> taskKeysSeenBy(String user) {
        logIn(user);
        try {
            return taskService.createTaskQuery().processInstanceId(instanceId).list().stream()
                    .map(Task::getTaskDefinitionKey).toList();
        } finally {
            identityService.clearAuthentication();
        }
    }

    private void logIn(String user) {
        List<String> groups = identityService.createGroupQuery().groupMember(user).list().stream()
                .map(group -> group.getId()).toList();
        identityService.setAuthentication(user, groups);
    }
}

package org.promisedesk.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.promisedesk.deployment.OwnerDeploys.deploy;
import static org.promisedesk.deployment.OwnerDeploys.process;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.promisedesk.incident.PostIncidentReportProcess;
import org.promisedesk.platform.EngineTest;
import org.promisedesk.platform.Groups;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Issue 19: process owners deploy and read, and nothing more — no delete that takes running
 * requests and history with it, no starts; who starts a process is what its model names.
 */
@EngineTest
class OwnerRightsTest {

    @Autowired TestRestTemplate rest;
    @Autowired RepositoryService repositoryService;
    @Autowired RuntimeService runtimeService;
    @Autowired HistoryService historyService;
    @Autowired AuthorizationService authorizationService;

    private final List<String> instances = new ArrayList<>();

    @AfterEach
    void removeWhatWasStarted() {
        instances.forEach(id -> runtimeService.deleteProcessInstanceIfExists(id, "test over", true, true, true, false));
    }

    @Test
    void shouldRefuseAProcessOwnersCascadeDeleteOfTheirOwnDeploymentAndKeepItsHistory() {
        String model = process("Process_OwnerDelete", "Task_Wait", "<bpmn:userTask id=\"Task_Wait\" "
                + "camunda:candidateGroups=\"agents\" />");
        assertThat(deploy(rest, "owner", "owner-delete", "owner-delete.bpmn", model).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        String deploymentId = repositoryService.createDeploymentQuery().deploymentName("owner-delete").singleResult()
                .getId();
        instances.add(runtimeService.startProcessInstanceByKey("Process_OwnerDelete").getId());

        ResponseEntity<String> delete = send("owner", HttpMethod.DELETE, "/engine-rest/deployment/" + deploymentId
                + "?cascade=true", null);

        assertThat(delete.getStatusCode()).as(delete.getBody()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(repositoryService.createDeploymentQuery().deploymentId(deploymentId).count()).isEqualTo(1);
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(instances.get(0)).count()).isEqualTo(1);
        assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(instances.get(0)).count())
                .isEqualTo(1);
        assertThat(send("owner", HttpMethod.GET, "/engine-rest/deployment/" + deploymentId, null).getStatusCode())
                .as("the owner still reads what they deployed").isEqualTo(HttpStatus.OK);
    }

    @Test
    void shouldRefuseAProcessOwnersDeleteOfTheApplicationsDeployment() {
        String deploymentId = repositoryService.createDeploymentQuery().deploymentName("promise-desk").list().get(0)
                .getId();

        ResponseEntity<String> delete = send("owner", HttpMethod.DELETE, "/engine-rest/deployment/" + deploymentId
                + "?cascade=true", null);

        assertThat(delete.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(repositoryService.createDeploymentQuery().deploymentId(deploymentId).count()).isEqualTo(1);
    }

    @Test
    void shouldLeaveAnOperationLogEntryWhenAnAdministratorDeletesADeployment() {
        String model = process("Process_AdminDelete", "Task_Wait", "<bpmn:userTask id=\"Task_Wait\" />");
        deploy(rest, "owner", "admin-delete", "admin-delete.bpmn", model);
        String deploymentId = repositoryService.createDeploymentQuery().deploymentName("admin-delete").singleResult()
                .getId();

        ResponseEntity<String> delete = send("demo", HttpMethod.DELETE, "/engine-rest/deployment/" + deploymentId
                + "?cascade=true", null);

        assertThat(delete.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(historyService.createUserOperationLogQuery().deploymentId(deploymentId)
                .operationType(UserOperationLogEntry.OPERATION_TYPE_DELETE).list())
                .anySatisfy(entry -> assertThat(entry.getUserId()).isEqualTo("demo"));
    }

    @Test
    void shouldNotLetAProcessOwnerStartAProcess() {
        ResponseEntity<String> start = send("owner", HttpMethod.POST, "/engine-rest/process-definition/key/promise/start",
                "{}");

        assertThat(start.getStatusCode()).as(start.getBody()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void shouldRefuseAnAgentsMessageStartOfAProcessOnlyLeadsAndTechStart() {
        long reports = runtimeService.createProcessInstanceQuery()
                .processDefinitionKey(PostIncidentReportProcess.PROCESS_ID).count();

        ResponseEntity<String> message = send("agent", HttpMethod.POST, "/engine-rest/message", "{\"messageName\":\""
                + PostIncidentReportProcess.MESSAGE_INCIDENT_REPORT_NEEDED + "\"}");

        assertThat(message.getStatusCode()).as(message.getBody()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(runtimeService.createProcessInstanceQuery()
                .processDefinitionKey(PostIncidentReportProcess.PROCESS_ID).count()).isEqualTo(reports);
    }

    @Test
    void shouldGiveNoGroupTheRightToStartEveryProcess() {
        for (String group : List.of(Groups.AGENTS, Groups.TECH, Groups.ARCHITECTS, Groups.SALES, Groups.LEADS,
                Groups.PROCESS_OWNERS, Groups.AUDITORS)) {
            assertThat(authorizationService.createAuthorizationQuery().groupIdIn(group)
                    .resourceType(Resources.PROCESS_DEFINITION).resourceId("*")
                    .hasPermission(ProcessDefinitionPermissions.CREATE_INSTANCE).count()).as(group).isZero();
        }
        assertThat(authorizationService.isUserAuthorized("owner", List.of(Groups.PROCESS_OWNERS), Permissions.DELETE,
                Resources.DEPLOYMENT)).isFalse();
    }

    @Test
    void shouldLetTheModelsCandidateStartersStartItAndNobodyElseAcrossVersions() throws Exception {
        String leadsOnly = process("Process_Starters", "Task_Wait", "<bpmn:userTask id=\"Task_Wait\" />")
                .replace("camunda:candidateStarterGroups=\"agents\"", "camunda:candidateStarterGroups=\"leads\"");
        assertThat(deploy(rest, "owner", "starters", "starters.bpmn", leadsOnly).getStatusCode())
                .isEqualTo(HttpStatus.OK);

        assertThat(start("agent", "Process_Starters").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(start("lead", "Process_Starters").getStatusCode()).isEqualTo(HttpStatus.OK);

        String agentsNow = leadsOnly.replace("camunda:candidateStarterGroups=\"leads\"",
                "camunda:candidateStarterGroups=\"agents\"");
        assertThat(deploy(rest, "owner", "starters", "starters.bpmn", agentsNow).getStatusCode())
                .isEqualTo(HttpStatus.OK);

        assertThat(start("agent", "Process_Starters").getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(start("lead", "Process_Starters").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    private ResponseEntity<String> start(String user, String processKey) throws Exception {
        ResponseEntity<String> response = send(user, HttpMethod.POST, "/engine-rest/process-definition/key/"
                + processKey + "/start", "{}");
        if (response.getStatusCode() == HttpStatus.OK) {
            instances.add(new ObjectMapper().readTree(response.getBody()).path("id").asText());
        }
        return response;
    }

    private ResponseEntity<String> send(String user, HttpMethod method, String path, String json) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return rest.withBasicAuth(user, user).exchange(path, method, new HttpEntity<>(json, headers), String.class);
    }
}

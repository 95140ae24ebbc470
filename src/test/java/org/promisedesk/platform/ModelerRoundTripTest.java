package org.promisedesk.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.promisedesk.intake.IntakeProcess;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Issue 19, what a process owner does in Camunda Modeler: deploy one edited file, alone. Every
 * form of the new version still opens (forms are bound {@code latest}), and a form deployed
 * alone is what the next task shows.
 */
@EngineTest
class ModelerRoundTripTest {

    @Autowired TestRestTemplate rest;
    @Autowired RepositoryService repositoryService;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired org.camunda.bpm.engine.ManagementService managementService;

    private final List<String> deployments = new ArrayList<>();
    private final List<String> instances = new ArrayList<>();

    @AfterEach
    void undoTheOwnersDeploys() {
        instances.forEach(id -> runtimeService.deleteProcessInstanceIfExists(id, "test over", true, true, true, false));
        deployments.forEach(id -> repositoryService.deleteDeployment(id, true, true));
    }

    @Test
    void shouldKeepEveryFormOfAnIntakeDeployedAloneFromTheModeler() throws Exception {
        String edited = Files.readString(Path.of("processes/intake.bpmn"))
                .replace("name=\"Classify the request\"", "name=\"Classify the request (edited)\"");

        ResponseEntity<String> deploy = modelerDeploy("intake", "intake.bpmn", edited.getBytes(StandardCharsets.UTF_8));

        assertThat(deploy.getStatusCode()).as(deploy.getBody()).isEqualTo(HttpStatus.OK);
        ProcessDefinition intake = latestIntake();
        deployments.add(intake.getDeploymentId());
        assertThat(repositoryService.getDeploymentResourceNames(intake.getDeploymentId()))
                .containsExactly("intake.bpmn");
        assertThat(repositoryService.createDeploymentQuery().deploymentId(intake.getDeploymentId()).singleResult().getSource()).isEqualTo("Camunda Modeler");

        ResponseEntity<String> startForm = get("agent", "/engine-rest/process-definition/" + intake.getId()
                + "/deployed-start-form");
        assertThat(startForm.getStatusCode()).as(startForm.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(formId(startForm.getBody())).isEqualTo("intake-start");

        ResponseEntity<String> started = post("agent", "/engine-rest/process-definition/" + intake.getId()
                + "/submit-form", "{\"variables\":{\"channel\":{\"value\":\"phone\"},\"customerId\":{\"value\":1,"
                + "\"type\":\"Long\"},\"subject\":{\"value\":\"Backup\"},\"body\":{\"value\":\"Is last night's "
                + "backup complete?\"},\"priority\":{\"value\":\"P3\"}}}");
        assertThat(started.getStatusCode()).as(started.getBody()).isEqualTo(HttpStatus.OK);
        String instanceId = runtimeService.createProcessInstanceQuery().processDefinitionId(intake.getId())
                .singleResult().getId();
        instances.add(instanceId);
        runDueSteps(instanceId);
        Task classify = taskService.createTaskQuery().processInstanceId(instanceId)
                .taskDefinitionKey(IntakeProcess.TASK_CLASSIFY_REQUEST).singleResult();
        assertThat(classify.getName()).isEqualTo("Classify the request (edited)");
        assertThat(formId(get("agent", "/engine-rest/task/" + classify.getId() + "/deployed-form").getBody()))
                .isEqualTo("intake-classify");
        ResponseEntity<String> submitted = post("agent", "/engine-rest/task/" + classify.getId() + "/submit-form",
                "{\"variables\":{\"requestClass\":{\"value\":\"technical-question\"}}}");
        assertThat(submitted.getStatusCode()).as(submitted.getBody()).isEqualTo(HttpStatus.NO_CONTENT);

        BpmnModelInstance model = repositoryService.getBpmnModelInstance(intake.getId());
        for (UserTask userTask : model.getModelElementsByType(UserTask.class)) {
            Task task = taskBefore(intake.getId(), userTask.getId());
            ResponseEntity<String> form = get("demo", "/engine-rest/task/" + task.getId() + "/deployed-form");
            assertThat(form.getStatusCode()).as("%s: %s", userTask.getId(), form.getBody()).isEqualTo(HttpStatus.OK);
            assertThat(formId(form.getBody())).as(userTask.getId()).isEqualTo(userTask.getCamundaFormRef());
        }
    }

    @Test
    void shouldShowAFormDeployedAloneInTheNextTaskThatNeedsIt() throws IOException {
        String edited = Files.readString(Path.of("forms/intake-classify.form"))
                .replaceFirst("\"label\":\\s*\"", "\"label\": \"(edited) ");

        ResponseEntity<String> deploy = modelerDeploy("intake-classify", "intake-classify.form",
                edited.getBytes(StandardCharsets.UTF_8));

        assertThat(deploy.getStatusCode()).as(deploy.getBody()).isEqualTo(HttpStatus.OK);
        deployments.add(repositoryService.createDeploymentQuery().deploymentName("intake-classify").singleResult()
                .getId());
        Task task = taskBefore(latestIntake().getId(), IntakeProcess.TASK_CLASSIFY_REQUEST);
        assertThat(get("agent", "/engine-rest/task/" + task.getId() + "/deployed-form").getBody())
                .contains("(edited) ");
    }

    /** The steps after the start that wait for a job (the acknowledgement), run as the job executor would. */
    private void runDueSteps(String instanceId) {
        for (int i = 0; i < 10; i++) {
            var jobs = managementService.createJobQuery().processInstanceId(instanceId).executable().messages()
                    .list();
            if (jobs.isEmpty()) {
                return;
            }
            jobs.forEach(job -> managementService.executeJob(job.getId()));
        }
    }

    /** A task of that definition, started right before the user task, with every date its timers read. */
    private Task taskBefore(String definitionId, String taskId) {
        Map<String, Object> variables = new HashMap<>();
        Date later = new Date(System.currentTimeMillis() + 86_400_000L);
        for (String date : List.of("firstResponseDue", "resolutionDue", "confirmBy", "surveyBy")) {
            variables.put(date, later);
        }
        variables.put(IntakeProcess.CUSTOMER_ID, 1L);
        String instanceId = runtimeService.createProcessInstanceById(definitionId).businessKey("REQ-2026-990001")
                .setVariables(variables).startBeforeActivity(taskId).execute(true, true).getId();
        instances.add(instanceId);
        return taskService.createTaskQuery().processInstanceId(instanceId).taskDefinitionKey(taskId).singleResult();
    }

    private static String formId(String form) throws IOException {
        return new ObjectMapper().readTree(form).path("id").asText();
    }

    private ProcessDefinition latestIntake() {
        return repositoryService.createProcessDefinitionQuery().processDefinitionKey(IntakeProcess.PROCESS_ID)
                .latestVersion().singleResult();
    }

    /** The multipart request of Camunda Modeler's Deploy dialog, for one file, as the process owner. */
    private ResponseEntity<String> modelerDeploy(String name, String fileName, byte[] content) {
        MultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
        body.add("deployment-name", name);
        body.add("deployment-source", "Camunda Modeler");
        body.add("enable-duplicate-filtering", "true");
        body.add(fileName, new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return fileName;
            }
        });
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return rest.withBasicAuth("owner", "owner")
                .postForEntity("/engine-rest/deployment/create", new HttpEntity<>(body, headers), String.class);
    }

    private ResponseEntity<String> get(String user, String path) {
        return rest.withBasicAuth(user, user).getForEntity(path, String.class);
    }

    private ResponseEntity<String> post(String user, String path, String json) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return rest.withBasicAuth(user, user).postForEntity(path, new HttpEntity<>(json, headers), String.class);
    }
}

package org.promisedesk.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The default storage is a file: stop the application, start it again, and every request, task
 * and history entry is still there. Models come from a folder on disk here
 * ({@code promise-desk.models-dir}), as when a process owner saves edits and restarts.
 */
class RestartTest {

    private static final String PROBE = "Process_RestartProbe";

    @TempDir
    Path dir;

    Path models;

    @BeforeEach
    void copyTheProductModelsAndAProbe() throws IOException {
        models = dir.resolve("models");
        for (ModelFiles.ModelFile file : ModelFiles.fromClasspath().files()) {
            Path target = models.resolve(file.isForm() ? ModelFiles.FORMS : ModelFiles.PROCESSES).resolve(file.name());
            Files.createDirectories(target.getParent());
            Files.write(target, file.content());
        }
        Files.createDirectories(models.resolve("processes"));
        Files.createDirectories(models.resolve("forms"));
        Files.writeString(models.resolve("processes/restart-probe.bpmn"), TestModels.processWithForm(PROBE, "probe-form"));
        Files.write(models.resolve("forms/restart-probe.form"), TestModels.form("probe-form"));
    }

    @Test
    void shouldKeepRequestsTasksAndHistoryAcrossARestartWithoutRedeploying() {
        String instanceId;
        long deployments;
        try (var app = start()) {
            ProcessEngine engine = app.getBean(ProcessEngine.class);
            instanceId = engine.getRuntimeService()
                    .startProcessInstanceByKey(PROBE, "REQ-2026-000001", Map.of("note", "kept")).getId();
            deployments = engine.getRepositoryService().createDeploymentQuery().count();
        }

        try (var app = start()) {
            ProcessEngine engine = app.getBean(ProcessEngine.class);
            TaskService tasks = engine.getTaskService();
            Task task = tasks.createTaskQuery().processInstanceId(instanceId).singleResult();
            assertThat(task).isNotNull();
            assertThat(tasks.getVariable(task.getId(), "note")).isEqualTo("kept");
            HistoryService history = engine.getHistoryService();
            assertThat(history.createHistoricProcessInstanceQuery().processInstanceBusinessKey("REQ-2026-000001")
                    .count()).isEqualTo(1);
            assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(instanceId).count())
                    .isGreaterThanOrEqualTo(2);
            assertThat(engine.getRepositoryService().createDeploymentQuery().count()).isEqualTo(deployments);
            assertThat(latestVersion(engine.getRepositoryService())).isEqualTo(1);
        }
    }

    @Test
    void shouldDeployANewVersionWhenAProcessOwnerChangedAFile() throws IOException {
        try (var app = start()) {
            assertThat(latestVersion(app.getBean(RepositoryService.class))).isEqualTo(1);
        }
        Path probe = models.resolve("processes/restart-probe.bpmn");
        Files.writeString(probe, Files.readString(probe).replace("Task_Fill\"", "Task_FillInTheNote\""));

        try (var app = start()) {
            RepositoryService repository = app.getBean(RepositoryService.class);
            assertThat(latestVersion(repository)).isEqualTo(2);
            assertThat(repository.createProcessDefinitionQuery().processDefinitionKey(PROBE).latestVersion()
                    .singleResult().getDeploymentId())
                    .as("the start-up deployment keeps processes and forms together")
                    .satisfies(deploymentId -> assertThat(repository.getDeploymentResourceNames(deploymentId))
                            .contains("restart-probe.bpmn", "restart-probe.form"));
        }
    }

    @Test
    void shouldRefuseToStartWhenAModelFailsToParse() throws IOException {
        Files.writeString(models.resolve("processes/broken.bpmn"),
                TestModels.processWithForm("Process_Broken", "probe-form")
                        .replace("sourceRef=\"Task_Fill\"", "sourceRef=\"Task_Nowhere\""));

        assertThatThrownBy(this::start)
                .hasStackTraceContaining("broken.bpmn")
                .hasStackTraceContaining("nothing was deployed");
    }

    private ConfigurableApplicationContext start() {
        return StandaloneApp.withDatabase("jdbc:h2:file:" + dir.resolve("data/promise-desk").toAbsolutePath())
                .property("promise-desk.models-dir", models.toAbsolutePath())
                .start();
    }

    private static int latestVersion(RepositoryService repository) {
        return repository.createProcessDefinitionQuery().processDefinitionKey(PROBE).latestVersion()
                .singleResult().getVersion();
    }
}

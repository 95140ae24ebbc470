package org.promisedesk.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Resource;
import org.junit.jupiter.api.Test;
import org.promisedesk.platform.ModelFiles.ModelFile;
import org.springframework.beans.factory.annotation.Autowired;

@EngineTest
class ModelDeploymentTest {

    @Autowired
    RepositoryService repositoryService;

    @Autowired
    ModelDeployment modelDeployment;

    @Test
    void shouldDeployProcessesAndFormsAsOneDeploymentNamedRelativeToTheirFolders() {
        var deployment = repositoryService.createDeploymentQuery()
                .deploymentName(ModelDeployment.DEPLOYMENT_NAME).singleResult();
        List<String> names = repositoryService.getDeploymentResources(deployment.getId()).stream()
                .map(Resource::getName).toList();

        ModelFiles packed = ModelFiles.fromClasspath();
        assertThat(names).containsExactlyInAnyOrderElementsOf(
                packed.files().stream().map(ModelFile::name).toList());
        assertThat(names).anyMatch(name -> name.endsWith(".bpmn")).anyMatch(name -> name.endsWith(".form"))
                .allMatch(name -> !name.startsWith("/") && !name.contains(":") && !name.startsWith("processes/"));
    }

    @Test
    void shouldNotDeployAgainWhenNothingChanged() {
        long deployments = repositoryService.createDeploymentQuery().count();
        long definitions = repositoryService.createProcessDefinitionQuery().count();

        modelDeployment.deploy(ModelFiles.fromClasspath());

        assertThat(repositoryService.createDeploymentQuery().count()).isEqualTo(deployments);
        assertThat(repositoryService.createProcessDefinitionQuery().count()).isEqualTo(definitions);
    }

    @Test
    void shouldRefuseAModelThatFailsToParseNamingFileAndElementAndDeployNothing() {
        long deployments = repositoryService.createDeploymentQuery().count();
        String broken = TestModels.processWithForm("Process_Broken", "probe-form")
                .replace("sourceRef=\"Task_Fill\"", "sourceRef=\"Task_Missing\"");
        var models = new ModelFiles(List.of(
                new ModelFile("fine.bpmn", TestModels.processWithForm("Process_Fine", "probe-form")
                        .getBytes(StandardCharsets.UTF_8)),
                new ModelFile("broken.bpmn", broken.getBytes(StandardCharsets.UTF_8)),
                new ModelFile("probe.form", TestModels.form("probe-form"))));

        assertThatThrownBy(() -> modelDeployment.deploy(models))
                .isInstanceOf(ModelDeploymentException.class)
                .hasMessageContaining("broken.bpmn")
                .hasMessageContaining("element ")
                .hasMessageContaining("nothing was deployed");
        assertThat(repositoryService.createDeploymentQuery().count()).isEqualTo(deployments);
        assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey("Process_Fine").count())
                .isZero();
    }

    @Test
    void shouldRefuseAFormWithoutIdNamingTheFile() {
        long deployments = repositoryService.createDeploymentQuery().count();
        var models = new ModelFiles(List.of(
                new ModelFile("fine.bpmn", TestModels.processWithForm("Process_Fine", "probe-form")
                        .getBytes(StandardCharsets.UTF_8)),
                new ModelFile("nameless.form", "{\"type\":\"default\",\"components\":[]}"
                        .getBytes(StandardCharsets.UTF_8))));

        assertThatThrownBy(() -> modelDeployment.deploy(models))
                .isInstanceOf(ModelDeploymentException.class)
                .hasMessageContaining("nameless.form")
                .hasMessageContaining("has no \"id\"");
        assertThat(repositoryService.createDeploymentQuery().count()).isEqualTo(deployments);
    }
}

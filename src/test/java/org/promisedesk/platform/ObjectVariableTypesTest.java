package org.promisedesk.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.ObjectValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.MediaType;
import org.springframework.http.RequestEntity;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Object variables name the Java class they are read into. With Camunda's deserialization type
 * validation on, only our own classes and the JDK's plain value and collection types are ever
 * instantiated from a variable: a variable that names another class (here {@code java.io.File},
 * written as a JSON object through the REST API by an agent working the task) stays a string in
 * the database and is refused when anything reads it.
 */
@EngineTest
class ObjectVariableTypesTest {

    private static final String PROCESS = "object-variable-types";

    @Autowired RepositoryService repositoryService;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired TestRestTemplate anonymous;

    private Deployment deployment;
    private ProcessInstance instance;

    @BeforeEach
    void startAProcessWithAnAgentsTask() {
        deployment = repositoryService.createDeployment().addModelInstance(PROCESS + ".bpmn",
                TestModels.taskPerGroup(PROCESS, Groups.AGENTS)).deploy();
        instance = runtimeService.startProcessInstanceByKey(PROCESS, Map.of("due", new Date()));
    }

    @AfterEach
    void cleanUp() {
        repositoryService.deleteDeployment(deployment.getId(), true);
    }

    @Test
    void shouldNeverInstantiateAClassOutsideTheAllowList() {
        String task = taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult().getId();
        ResponseEntity<String> put = anonymous.withBasicAuth("agent", "agent").exchange(
                RequestEntity.put("/engine-rest/task/" + task + "/variables/file").contentType(MediaType.APPLICATION_JSON)
                        .body("{\"value\":\"\\\"/etc/passwd\\\"\",\"type\":\"Object\",\"valueInfo\":{\"objectTypeName\":"
                                + "\"java.io.File\",\"serializationDataFormat\":\"application/json\"}}"), String.class);
        ResponseEntity<JsonNode> read = anonymous.withBasicAuth("agent", "agent")
                .getForEntity("/engine-rest/task/" + task + "/variables/file", JsonNode.class);
        ResponseEntity<JsonNode> asText = anonymous.withBasicAuth("agent", "agent")
                .getForEntity("/engine-rest/task/" + task + "/variables/file?deserializeValue=false", JsonNode.class);

        assertThat(put.getStatusCode().value()).as("stored as the text it is").isEqualTo(204);
        assertThat(read.getStatusCode().value()).isEqualTo(400);
        assertThat(read.getBody().path("message").asText()).contains("Cannot deserialize", "java.io.File");
        assertThat(asText.getStatusCode().value()).isEqualTo(200);
        assertThat(asText.getBody().path("value").asText()).isEqualTo("\"/etc/passwd\"");
        assertThatThrownBy(() -> runtimeService.getVariable(instance.getId(), "file"))
                .isInstanceOf(ProcessEngineException.class)
                .hasRootCauseMessage("The following classes are not whitelisted for deserialization: [java.io.File]");
        ObjectValue stored = runtimeService.getVariableTyped(instance.getId(), "file", false);
        assertThat(stored.getObjectTypeName()).isEqualTo("java.io.File");
        assertThat(stored.isDeserialized()).isFalse();
    }

    @Test
    void shouldStillReadOurOwnAndTheJdksPlainTypes() {
        runtimeService.setVariable(instance.getId(), "list", Variables.objectValue(new ArrayList<>(List.of("a", "b")))
                .serializationDataFormat(Variables.SerializationDataFormats.JSON).create());
        assertThat(runtimeService.getVariable(instance.getId(), "list")).isEqualTo(List.of("a", "b"));
    }
}

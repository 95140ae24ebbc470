package org.promisedesk.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.BadUserRequestException;
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
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Object variables name the Java class they are read into. Only our own classes and the JDK's
 * plain value and collection types are allowed: a variable that names another class (here
 * {@code java.io.File}, written as a JSON object through the REST API by an agent working the
 * task) is refused with a 400 at write, through every way in, and the task's forms keep working
 * (issue 30). One stored before the check is never instantiated: every read of it is refused.
 */
@EngineTest
class ObjectVariableTypesTest {

    private static final String PROCESS = "object-variable-types";

    @Autowired RepositoryService repositoryService;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired TestRestTemplate anonymous;
    @Autowired JdbcClient jdbc;

    /** {@code java.io.File} as a JSON object variable, the way the REST API takes it. */
    private static final String FILE = "{\"value\":\"\\\"/etc/passwd\\\"\",\"type\":\"Object\",\"valueInfo\":{"
            + "\"objectTypeName\":\"java.io.File\",\"serializationDataFormat\":\"application/json\"}}";

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
    void shouldRefuseAnObjectVariableOfAClassOutsideTheAllowListAtWriteAndKeepTheFormsWorking() {
        String task = taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult().getId();
        ResponseEntity<JsonNode> put = asAgent(RequestEntity.put("/engine-rest/task/" + task + "/variables/file")
                .contentType(MediaType.APPLICATION_JSON).body(FILE));
        ResponseEntity<JsonNode> putOnInstance = asAdmin(RequestEntity
                .put("/engine-rest/process-instance/" + instance.getId() + "/variables/file")
                .contentType(MediaType.APPLICATION_JSON).body(FILE));
        ResponseEntity<JsonNode> complete = asAgent(RequestEntity.post("/engine-rest/task/" + task + "/complete")
                .contentType(MediaType.APPLICATION_JSON).body("{\"variables\":{\"file\":" + FILE + "}}"));

        for (ResponseEntity<JsonNode> refused : List.of(put, putOnInstance, complete)) {
            assertThat(refused.getStatusCode().value()).as("%s", refused.getBody()).isEqualTo(400);
            assertThat(refused.getBody().path("message").asText()).contains("'file'", "java.io.File",
                    "not whitelisted");
        }
        assertThat((Object) runtimeService.getVariableTyped(instance.getId(), "file", false)).as("nothing stored").isNull();
        assertThat(taskService.createTaskQuery().taskId(task).count()).as("the task is still open").isOne();
        ResponseEntity<JsonNode> variables = anonymous.withBasicAuth("agent", "agent")
                .getForEntity("/engine-rest/task/" + task + "/variables", JsonNode.class);
        ResponseEntity<JsonNode> formVariables = anonymous.withBasicAuth("agent", "agent")
                .getForEntity("/engine-rest/task/" + task + "/form-variables", JsonNode.class);
        assertThat(variables.getStatusCode().value()).as("%s", variables.getBody()).isEqualTo(200);
        assertThat(formVariables.getStatusCode().value()).as("%s", formVariables.getBody()).isEqualTo(200);
    }

    @Test
    void shouldRefuseAnObjectVariableThatDoesNotReadAsTheClassItNames() {
        ResponseEntity<JsonNode> put = asAdmin(RequestEntity
                .put("/engine-rest/process-instance/" + instance.getId() + "/variables/list")
                .contentType(MediaType.APPLICATION_JSON).body("{\"value\":\"{not json\",\"type\":\"Object\","
                        + "\"valueInfo\":{\"objectTypeName\":\"java.util.ArrayList\",\"serializationDataFormat\":"
                        + "\"application/json\"}}"));

        assertThat(put.getStatusCode().value()).as("%s", put.getBody()).isEqualTo(400);
        assertThat(put.getBody().path("message").asText()).contains("'list'");
        assertThat((Object) runtimeService.getVariableTyped(instance.getId(), "list", false)).isNull();
    }

    @Test
    void shouldStillTakeAnAllowedObjectVariableThroughTheRestApi() {
        ResponseEntity<JsonNode> put = asAdmin(RequestEntity
                .put("/engine-rest/process-instance/" + instance.getId() + "/variables/list")
                .contentType(MediaType.APPLICATION_JSON).body("{\"value\":\"[\\\"a\\\",\\\"b\\\"]\","
                        + "\"type\":\"Object\",\"valueInfo\":{\"objectTypeName\":"
                        + "\"java.util.ArrayList<java.lang.String>\",\"serializationDataFormat\":\"application/json\"}}"));

        assertThat(put.getStatusCode().value()).as("%s", put.getBody()).isEqualTo(204);
        assertThat(runtimeService.getVariable(instance.getId(), "list")).isEqualTo(List.of("a", "b"));
    }

    @Test
    void shouldRefuseItFromJavaCodeToo() {
        assertThatThrownBy(() -> runtimeService.setVariable(instance.getId(), "file", fileVariable()))
                .isInstanceOf(BadUserRequestException.class).hasMessageContaining("java.io.File");
    }

    @Test
    void shouldNeverInstantiateAClassOutsideTheAllowListStoredBeforeTheCheck() {
        // Stored as a string, then renamed in the database: what a variable written before the check looks like.
        runtimeService.setVariable(instance.getId(), "file", Variables.serializedObjectValue("\"/etc/passwd\"")
                .objectTypeName("java.lang.String").serializationDataFormat(Variables.SerializationDataFormats.JSON)
                .create());
        jdbc.sql("UPDATE ACT_RU_VARIABLE SET TEXT2_ = 'java.io.File' WHERE NAME_ = 'file' AND PROC_INST_ID_ = ?")
                .param(instance.getId()).update();
        String task = taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult().getId();
        ResponseEntity<JsonNode> read = anonymous.withBasicAuth("agent", "agent")
                .getForEntity("/engine-rest/task/" + task + "/variables/file", JsonNode.class);
        ResponseEntity<JsonNode> asText = anonymous.withBasicAuth("agent", "agent")
                .getForEntity("/engine-rest/task/" + task + "/variables/file?deserializeValue=false", JsonNode.class);

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
    private static ObjectValue fileVariable() {
        return Variables.serializedObjectValue("\"/etc/passwd\"").objectTypeName("java.io.File")
                .serializationDataFormat(Variables.SerializationDataFormats.JSON).create();
    }

    private ResponseEntity<JsonNode> asAgent(RequestEntity<String> request) {
        return anonymous.withBasicAuth("agent", "agent").exchange(request, JsonNode.class);
    }

    /** Agents may write only their task's variables; an instance's are written by an administrator. */
    private ResponseEntity<JsonNode> asAdmin(RequestEntity<String> request) {
        return anonymous.withBasicAuth("demo", "demo").exchange(request, JsonNode.class);
    }

    @Test
    void shouldStillReadOurOwnAndTheJdksPlainTypes() {
        runtimeService.setVariable(instance.getId(), "list", Variables.objectValue(new ArrayList<>(List.of("a", "b")))
                .serializationDataFormat(Variables.SerializationDataFormats.JSON).create());
        assertThat(runtimeService.getVariable(instance.getId(), "list")).isEqualTo(List.of("a", "b"));
    }
}

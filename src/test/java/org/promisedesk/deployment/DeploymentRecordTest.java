package org.promisedesk.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.promisedesk.deployment.OwnerDeploys.deploy;
import static org.promisedesk.deployment.OwnerDeploys.process;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.promisedesk.platform.EngineTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Issue 19: every deployment is on record for auditors — who, when, from where, which files, what changed. */
@EngineTest
class DeploymentRecordTest {

    private static final String FIRST = "<bpmn:userTask id=\"Task_Check\" name=\"Check\" camunda:candidateGroups=\"agents\" />";

    @Autowired TestRestTemplate rest;
    @Autowired RepositoryService repositoryService;

    private final List<String> deployments = new ArrayList<>();

    @AfterEach
    void removeTheDeployments() {
        deployments.forEach(id -> repositoryService.deleteDeployment(id, true, true));
    }

    @Test
    void shouldRecordWhoDeployedWhatFromWhereAndWhatChangedByElement() throws Exception {
        String first = process("Process_Recorded", "Task_Check", FIRST);
        String second = process("Process_Recorded", "Task_Check", FIRST.replace("name=\"Check\"", "name=\"Check it\""))
                .replace("<bpmn:endEvent id=\"Event_End\" />", "<bpmn:endEvent id=\"Event_End\" name=\"Done\" />");

        assertThat(deploy(rest, "owner", "recorded", "recorded.bpmn", first).getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode created = newest("auditor", "recorded");
        assertThat(deploy(rest, "owner", "recorded", "recorded.bpmn", second).getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode changed = newest("auditor", "recorded");

        deployments.add(created.path("deploymentId").asText());
        deployments.add(changed.path("deploymentId").asText());
        assertThat(created.path("deployedBy").asText()).isEqualTo("owner");
        assertThat(created.path("source").asText()).isEqualTo("Camunda Modeler");
        assertThat(created.path("deploymentName").asText()).isEqualTo("recorded");
        assertThat(created.path("decision").asText()).isEqualTo("ACCEPTED");
        assertThat(created.path("decidedAt").asText()).isNotBlank();
        assertThat(repositoryService.createDeploymentQuery().deploymentId(created.path("deploymentId").asText())
                .count()).isEqualTo(1);
        assertThat(texts(created.path("resources"))).containsExactly("recorded.bpmn");
        assertThat(texts(created.path("changes"))).containsExactly("recorded.bpmn: process Process_Recorded is new");
        assertThat(texts(changed.path("changes"))).containsExactly(
                "recorded.bpmn: process Process_Recorded, after version 1: changed Task_Check, Event_End");
    }

    @Test
    void shouldRecordAFormChangeByComponent() throws Exception {
        String edited = Files.readString(Path.of("forms/intake-classify.form"))
                .replaceFirst("\"label\":\\s*\"", "\"label\": \"(edited) ");

        assertThat(deploy(rest, "owner", "form-recorded", "intake-classify.form", edited).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        JsonNode entry = newest("owner", "form-recorded");

        deployments.add(entry.path("deploymentId").asText());
        assertThat(texts(entry.path("changes"))).singleElement().asString()
                .startsWith("intake-classify.form: form intake-classify, after version ").contains(": changed ");
    }

    @Test
    void shouldRecordARefusalWithEveryReasonAndNoDeployment() throws Exception {
        ResponseEntity<String> refused = deploy(rest, "owner", "recorded-refusal", "rce.bpmn",
                process("Process_RecordedRce", "Task_Rce", DeploymentGateTest.RUNTIME_EXEC));
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);

        JsonNode entry = newest("auditor", "recorded-refusal");

        assertThat(entry.path("decision").asText()).isEqualTo("REFUSED");
        assertThat(entry.path("deploymentName").asText()).isEqualTo("recorded-refusal");
        assertThat(entry.has("deploymentId")).isFalse();
        assertThat(texts(entry.path("problems"))).singleElement().asString()
                .startsWith("rce.bpmn, Task_Rce: expression ").contains("getClass");
    }

    @Test
    void shouldRecordTheApplicationsOwnDeploymentAtStartUp() throws Exception {
        JsonNode all = new ObjectMapper().readTree(get("auditor", "/api/deployments?size=100").getBody());

        assertThat(all.path("total").asLong()).isPositive();
        assertThat(all.path("items").findValuesAsText("deploymentName")).contains("promise-desk");
    }

    @Test
    void shouldShowTheRecordToProcessOwnersAndAuditorsOnly() {
        assertThat(get("owner", "/api/deployments").getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(get("auditor", "/api/deployments").getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(get("agent", "/api/deployments").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(get("lead", "/api/deployments").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(get("auditor", "/api/deployments?size=0").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    }

    /** The newest record of a deployment of that name (other tests deploy too, some at a moved clock). */
    private JsonNode newest(String user, String deploymentName) throws Exception {
        ResponseEntity<String> response = get(user, "/api/deployments?size=100");
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.OK);
        for (JsonNode item : new ObjectMapper().readTree(response.getBody()).path("items")) {
            if (item.path("deploymentName").asText().equals(deploymentName)) {
                return item;
            }
        }
        throw new AssertionError("no record of a deployment named " + deploymentName + ": " + response.getBody());
    }

    private ResponseEntity<String> get(String user, String path) {
        return rest.withBasicAuth(user, user).getForEntity(path, String.class);
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }
}

package org.promisedesk.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
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

/** Nothing is anonymous, and Camunda Modeler's "Deploy" works for process owners only. */
@EngineTest
class ApiSecurityTest {

    /** Built once: the model builder gives flows random ids, and the same file must be sent twice. */
    private static final byte[] MODELER_PROBE =
            TestModels.processWithForm("Process_ModelerProbe", "modeler-probe").getBytes(StandardCharsets.UTF_8);

    @Autowired
    TestRestTemplate rest;

    @Autowired
    RepositoryService repositoryService;

    @Autowired
    IdentityService identityService;

    @Test
    void shouldTurnAwayAnonymousCallersOfBothApis() {
        assertThat(rest.getForEntity("/engine-rest/task", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        ResponseEntity<String> api = rest.getForEntity("/api/customers", String.class);
        assertThat(api.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(api.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
        assertThat(api.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Basic");
    }

    @Test
    void shouldTurnAwayWrongPasswordsAndUnknownUsers() {
        // Camunda locks a user out for a while after a wrong password: use one nobody else needs.
        if (identityService.createUserQuery().userId("locked").count() == 0) {
            User user = identityService.newUser("locked");
            user.setPassword("right");
            identityService.saveUser(user);
        }
        assertThat(rest.withBasicAuth("locked", "wrong").getForEntity("/engine-rest/task", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(rest.withBasicAuth("nobody", "nobody").getForEntity("/engine-rest/task", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        ResponseEntity<String> api = rest.withBasicAuth("nobody", "nobody").getForEntity("/api/customers", String.class);
        assertThat(api.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(api.getBody()).contains("Unknown user or wrong password");
    }

    @Test
    void shouldLetAKnownUserIn() {
        assertThat(rest.withBasicAuth("agent", "agent").getForEntity("/engine-rest/task", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void shouldKeepTheWebAppsBehindTheirLogin() {
        assertThat(rest.getForEntity("/camunda/api/engine/engine/default/task", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void shouldAcceptAProcessOwnersDeployFromCamundaModeler() {
        ResponseEntity<String> first = modelerDeploy("owner", "modeler-probe");
        ResponseEntity<String> again = modelerDeploy("owner", "modeler-probe");

        assertThat(first.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(first.getBody()).contains("Process_ModelerProbe");
        String deploymentId = repositoryService.createDeploymentQuery().deploymentName("modeler-probe")
                .singleResult().getId();
        assertThat(repositoryService.getDeploymentResourceNames(deploymentId))
                .containsExactlyInAnyOrder("modeler-probe.bpmn", "modeler-probe.form");
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey("Process_ModelerProbe")
                .count()).as("duplicate filtering: the same files deployed twice make one version").isEqualTo(1);
    }

    @Test
    void shouldRefuseAnAgentsDeployFromCamundaModeler() {
        ResponseEntity<String> response = modelerDeploy("agent", "agent-probe");

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(repositoryService.createDeploymentQuery().deploymentName("agent-probe").count()).isZero();
    }

    /** The multipart request Camunda Modeler sends for a BPMN and its form. */
    private ResponseEntity<String> modelerDeploy(String user, String name) {
        MultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
        body.add("deployment-name", name);
        body.add("deployment-source", "Camunda Modeler");
        body.add("enable-duplicate-filtering", "true");
        body.add("modeler-probe.bpmn", file("modeler-probe.bpmn", MODELER_PROBE));
        body.add("modeler-probe.form", file("modeler-probe.form", TestModels.form("modeler-probe")));
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return rest.withBasicAuth(user, user)
                .postForEntity("/engine-rest/deployment/create", new HttpEntity<>(body, headers), String.class);
    }

    private static ByteArrayResource file(String name, byte[] content) {
        return new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return name;
            }
        };
    }
}

package org.promisedesk.deployment;

import java.nio.charset.StandardCharsets;

import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/** Camunda Modeler's Deploy request, and the small models the deployment tests send with it. */
final class OwnerDeploys {

    /** The multipart request of the Modeler's Deploy dialog: files by name and content, as that user. */
    static ResponseEntity<String> deploy(TestRestTemplate rest, String user, String name, String... files) {
        MultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
        body.add("deployment-name", name);
        body.add("deployment-source", "Camunda Modeler");
        body.add("enable-duplicate-filtering", "true");
        for (int i = 0; i < files.length; i += 2) {
            String fileName = files[i];
            body.add(fileName, new ByteArrayResource(files[i + 1].getBytes(StandardCharsets.UTF_8)) {
                @Override
                public String getFilename() {
                    return fileName;
                }
            });
        }
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return rest.withBasicAuth(user, user)
                .postForEntity("/engine-rest/deployment/create", new HttpEntity<>(body, headers), String.class);
    }

    /** A process: start, the given element, end; flow F2 holds {@code condition}; extra definitions after it. */
    static String process(String processId, String elementId, String element, String condition, String definitions,
            boolean ttl) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                    xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
                    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                    id="Definitions_%1$s" targetNamespace="http://promisedesk.org/test">
                  <bpmn:process id="%1$s" isExecutable="true"%5$s camunda:candidateStarterGroups="agents">
                    <bpmn:startEvent id="Event_Start" />
                    <bpmn:sequenceFlow id="F1" sourceRef="Event_Start" targetRef="%6$s" />
                    %2$s
                    <bpmn:sequenceFlow id="F2" sourceRef="%6$s" targetRef="Event_End">%3$s</bpmn:sequenceFlow>
                    <bpmn:endEvent id="Event_End" />
                  </bpmn:process>
                  %4$s
                </bpmn:definitions>
                """.formatted(processId, element, condition, definitions, ttl ? " camunda:historyTimeToLive=\"P1D\"" : "",
                elementId);
    }

    static String process(String processId, String elementId, String element) {
        return process(processId, elementId, element, "", "", true);
    }

    private OwnerDeploys() {
    }
}

package org.promisedesk.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.promisedesk.deployment.OwnerDeploys.deploy;
import static org.promisedesk.deployment.OwnerDeploys.process;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.promisedesk.platform.EngineTest;
import org.promisedesk.platform.ModelFiles;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Issue 19: a model that could run code of its own, or that names what does not exist, is
 * refused at the server with 400 and every problem by file and element, and nothing is deployed.
 */
@EngineTest
class DeploymentGateTest {

    /** The issue's model: a service task whose expression runs an OS command. */
    static final String RUNTIME_EXEC = "<bpmn:serviceTask id=\"Task_Rce\" camunda:expression=\"${&quot;&quot;.getClass()"
            + ".forName(&quot;java.lang.Runtime&quot;).getMethod(&quot;getRuntime&quot;).invoke(null)"
            + ".exec(&quot;touch /tmp/promise-desk-rce&quot;)}\" />";

    @Autowired TestRestTemplate rest;
    @Autowired RepositoryService repositoryService;
    @Autowired ProcessEngineConfigurationImpl engine;
    @Autowired ApplicationContext context;

    static Stream<Arguments> forbidden() {
        return Stream.of(
                Arguments.of("Runtime.exec through getClass (the issue's model)", "Task_Rce", RUNTIME_EXEC,
                        "getClass"),
                Arguments.of("a script task", "Task_Script", "<bpmn:scriptTask id=\"Task_Script\" scriptFormat="
                        + "\"groovy\"><bpmn:script>'id'.execute()</bpmn:script></bpmn:scriptTask>", "script task"),
                Arguments.of("camunda:class", "Task_Class", "<bpmn:serviceTask id=\"Task_Class\" "
                        + "camunda:class=\"java.lang.Object\" />", "names a Java class"),
                Arguments.of("a static call T()", "Task_Static", "<bpmn:serviceTask id=\"Task_Static\" "
                        + "camunda:expression=\"${T(java.lang.Runtime).getRuntime()}\" />", "getRuntime"),
                Arguments.of("a task listener calling an engine service", "Task_Listener", "<bpmn:userTask id="
                        + "\"Task_Listener\"><bpmn:extensionElements><camunda:taskListener event=\"create\" expression="
                        + "\"${runtimeService.deleteProcessInstance(task.processInstanceId, 'gone')}\" />"
                        + "</bpmn:extensionElements></bpmn:userTask>", "deleteProcessInstance"),
                Arguments.of("an execution listener script", "Task_ListenerScript", "<bpmn:task id=\"Task_ListenerScript\">"
                        + "<bpmn:extensionElements><camunda:executionListener event=\"start\"><camunda:script "
                        + "scriptFormat=\"javascript\">java.lang.Runtime.getRuntime()</camunda:script>"
                        + "</camunda:executionListener></bpmn:extensionElements></bpmn:task>", "a script runs"),
                Arguments.of("an external script resource", "Task_ScriptResource", "<bpmn:task id=\"Task_ScriptResource\">"
                        + "<bpmn:extensionElements><camunda:executionListener event=\"start\"><camunda:script "
                        + "scriptFormat=\"groovy\" resource=\"deployment://evil.groovy\" /></camunda:executionListener>"
                        + "</bpmn:extensionElements></bpmn:task>", "a script runs"),
                Arguments.of("an input that reads another bean", "Task_Input", "<bpmn:serviceTask id=\"Task_Input\" "
                        + "camunda:delegateExpression=\"${openRequest}\"><bpmn:extensionElements><camunda:inputOutput>"
                        + "<camunda:inputParameter name=\"x\">${dataSource.connection}</camunda:inputParameter>"
                        + "</camunda:inputOutput></bpmn:extensionElements></bpmn:serviceTask>", "bean dataSource"),
                Arguments.of("a timer reaching the engine", "Event_Timer", "<bpmn:intermediateCatchEvent id=\"Event_Timer\">"
                        + "<bpmn:timerEventDefinition><bpmn:timeDate>${execution.getProcessEngineServices()}"
                        + "</bpmn:timeDate></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>",
                        "getProcessEngineServices"),
                Arguments.of("a property read of class", "Task_ClassProperty", "<bpmn:userTask id=\"Task_ClassProperty\" "
                        + "camunda:assignee=\"${owner.class.name}\" />", "property class"),
                Arguments.of("a delegate expression with a call", "Task_DelegateCall", "<bpmn:serviceTask id="
                        + "\"Task_DelegateCall\" camunda:delegateExpression=\"${openRequest.execute(execution)}\" />",
                        "must be ${beanName}"),
                Arguments.of("an unknown delegate bean", "Task_Unknown", "<bpmn:serviceTask id=\"Task_Unknown\" "
                        + "camunda:delegateExpression=\"${noSuchStep}\" />", "names no bean"),
                Arguments.of("a delegate that is not ours", "Task_Engine", "<bpmn:serviceTask id=\"Task_Engine\" "
                        + "camunda:delegateExpression=\"${repositoryService}\" />", "not one of the application's"),
                Arguments.of("a form that does not exist", "Task_Form", "<bpmn:userTask id=\"Task_Form\" "
                        + "camunda:formRef=\"no-such-form\" camunda:formRefBinding=\"latest\" />",
                        "form no-such-form does not exist"),
                Arguments.of("a form bound to its deployment", "Task_Bound", "<bpmn:userTask id=\"Task_Bound\" "
                        + "camunda:formRef=\"intake-classify\" camunda:formRefBinding=\"deployment\" />",
                        "bound to its deployment"),
                Arguments.of("a called process that does not exist", "Call_Missing", "<bpmn:callActivity id="
                        + "\"Call_Missing\" calledElement=\"no-such-process\" />", "called process no-such-process"),
                Arguments.of("a decision that does not exist", "Task_Decide", "<bpmn:businessRuleTask id="
                        + "\"Task_Decide\" camunda:decisionRef=\"no-such-decision\" camunda:resultVariable=\"r\" "
                        + "camunda:mapDecisionResult=\"singleEntry\" />", "decision no-such-decision"),
                Arguments.of("a connector", "Task_Connector", "<bpmn:serviceTask id=\"Task_Connector\">"
                        + "<bpmn:extensionElements><camunda:connector><camunda:connectorId>http-connector"
                        + "</camunda:connectorId></camunda:connector></bpmn:extensionElements></bpmn:serviceTask>",
                        "connectors"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("forbidden")
    void shouldRefuseEachForbiddenConstructWith400AndDeployNothing(String what, String elementId, String element,
            String reason) throws Exception {
        String processId = "Process_Gate_" + elementId;

        ResponseEntity<String> response = deploy(rest, "owner", "gate-" + elementId, "gate.bpmn",
                process(processId, elementId, element));

        assertRefused(response, processId, "gate-" + elementId);
        assertThat(errorsOf(response, "gate.bpmn")).as(response.getBody())
                .anySatisfy(error -> {
                    assertThat(error.path("mainElementId").asText()).isEqualTo(elementId);
                    assertThat(error.path("message").asText()).contains(reason);
                });
    }

    @Test
    void shouldRefuseAScriptConditionAnUnsentMessageAndAMissingTimeToLiveAllAtOnce() throws Exception {
        String model = process("Process_Gate_All", "Task_Wait",
                "<bpmn:receiveTask id=\"Task_Wait\" messageRef=\"Message_Nobody\" />",
                "<bpmn:conditionExpression xsi:type=\"bpmn:tFormalExpression\" language=\"javascript\">true"
                        + "</bpmn:conditionExpression>",
                "<bpmn:message id=\"Message_Nobody\" name=\"NobodySendsThis\" />", false);
        String juel = """
                <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="Definitions_Juel" name="Juel"
                    namespace="http://promisedesk.org/test">
                  <decision id="Decision_Juel" name="Juel">
                    <literalExpression id="Literal_Juel" expressionLanguage="juel"><text>${1}</text></literalExpression>
                  </decision>
                </definitions>
                """;

        ResponseEntity<String> response = deploy(rest, "owner", "gate-all", "all.bpmn", model, "juel.dmn", juel,
                "nameless.form", "{\"components\":[]}");

        assertRefused(response, "Process_Gate_All", "gate-all");
        assertThat(errorsOf(response, "all.bpmn")).extracting(error -> error.path("mainElementId").asText() + ": "
                + error.path("message").asText())
                .anyMatch(line -> line.startsWith("F2: ") && line.contains("script language javascript"))
                .anyMatch(line -> line.startsWith("Task_Wait: ") && line.contains("NobodySendsThis"))
                .anyMatch(line -> line.startsWith("Process_Gate_All: ") && line.contains("history time to live"));
        assertThat(errorsOf(response, "juel.dmn")).anySatisfy(error -> assertThat(error.path("message").asText())
                .contains("expression language juel"));
        assertThat(errorsOf(response, "nameless.form")).anySatisfy(error -> assertThat(error.path("message").asText())
                .contains("no \"id\""));
        assertThat(repositoryService.createDecisionDefinitionQuery().decisionDefinitionKey("Decision_Juel").count())
                .isZero();
    }

    @Test
    void shouldLetEveryModelOfTheApplicationThrough() {
        Map<String, ResourceEntity> resources = new LinkedHashMap<>();
        for (ModelFiles.ModelFile file : ModelFiles.fromClasspath().files()) {
            ResourceEntity resource = new ResourceEntity();
            resource.setName(file.name());
            resource.setBytes(file.content());
            resources.put(file.name(), resource);
        }
        assertThat(resources.keySet()).contains("intake.bpmn", "promise.bpmn", "service-scope.dmn");
        DeploymentGate gate = new DeploymentGate(new ExpressionPolicy(context), (deployment, findings, changes) -> { });

        Findings findings = engine.getCommandExecutorTxRequired().execute(commandContext -> gate.check(resources));

        assertThat(findings.lines()).isEmpty();
    }

    @Test
    void shouldLetAProcessOwnerDeployAModelThatKeepsTheRules() {
        String model = process("Process_Gate_Fine", "Task_Fine", "<bpmn:userTask id=\"Task_Fine\" "
                + "camunda:formRef=\"intake-classify\" camunda:formRefBinding=\"latest\" camunda:candidateGroups="
                + "\"agents\" camunda:dueDate=\"${priority == 'P1' ? firstResponseDue : resolutionDue}\" />");

        ResponseEntity<String> response = deploy(rest, "owner", "gate-fine", "fine.bpmn", model);

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey("Process_Gate_Fine").count())
                .isEqualTo(1);
    }

    private void assertRefused(ResponseEntity<String> response, String processId, String deploymentName)
            throws Exception {
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(new ObjectMapper().readTree(response.getBody()).path("type").asText()).isEqualTo("ParseException");
        assertThat(repositoryService.createDeploymentQuery().deploymentName(deploymentName).count()).isZero();
        assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey(processId).count()).isZero();
    }

    private static Iterable<JsonNode> errorsOf(ResponseEntity<String> response, String file) throws Exception {
        return new ObjectMapper().readTree(response.getBody()).path("details").path(file).path("errors");
    }
}

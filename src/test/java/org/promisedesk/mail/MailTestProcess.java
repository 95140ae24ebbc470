package org.promisedesk.mail;

import java.util.concurrent.atomic.AtomicBoolean;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Small processes for the mail tests: one message step ({@code template} from the variable of
 * that name), the same step with attachments ({@link MailTestAttachments}), the same step without
 * {@code asyncBefore}, and a listener that makes the job crash
 * once after the message was queued, before the job commits, and the step followed by a user task.
 */
final class MailTestProcess {

    static final String SEND_ONE = "mail-test-send";
    /** The message step, then a user task: the instance is still running while the message waits. */
    static final String SEND_THEN_WAIT = "mail-test-send-then-wait";
    static final String TASK_AFTER_SENDING = "Task_AfterSending";
    static final String SEND_WITH_ATTACHMENTS = "mail-test-send-attachments";
    static final String NOT_ASYNC = "mail-test-not-async";
    static final String WAIT_FOR_REPLY = "mail-test-wait-for-reply";
    static final String EVENT_CUSTOMER_REPLIED = "Event_CustomerReplied";
    static final String STEP = "Task_Send";

    static final AtomicBoolean CRASH_ONCE = new AtomicBoolean();

    static void deployOnce(RepositoryService repository) {
        if (repository.createProcessDefinitionQuery().processDefinitionKey(SEND_ONE).count() > 0) {
            return;
        }
        repository.createDeployment().name("mail-test")
                .addString(SEND_ONE + ".bpmn", process(SEND_ONE, true))
                .addString(SEND_WITH_ATTACHMENTS + ".bpmn", process(SEND_WITH_ATTACHMENTS, true)
                        .replace("<camunda:executionListener", "<camunda:field name=\"attachments\"><camunda:expression>"
                                + "${mailTestAttachments.of(execution)}</camunda:expression></camunda:field>\n"
                                + "                        <camunda:executionListener"))
                .addString(NOT_ASYNC + ".bpmn", process(NOT_ASYNC, false))
                .addString(SEND_THEN_WAIT + ".bpmn", process(SEND_THEN_WAIT, true).replace(
                        "<bpmn:sequenceFlow id=\"Flow_2\" sourceRef=\"Task_Send\" targetRef=\"Event_End\" />",
                        "<bpmn:sequenceFlow id=\"Flow_2\" sourceRef=\"Task_Send\" targetRef=\"" + TASK_AFTER_SENDING + "\" />"
                                + "<bpmn:userTask id=\"" + TASK_AFTER_SENDING + "\" camunda:candidateGroups=\"agents\" />"
                                + "<bpmn:sequenceFlow id=\"Flow_3\" sourceRef=\"" + TASK_AFTER_SENDING
                                + "\" targetRef=\"Event_End\" />"))
                .addString(WAIT_FOR_REPLY + ".bpmn", waitForReply())
                .deploy();
    }

    private static String process(String id, boolean async) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_%1$s" targetNamespace="test">
                  <bpmn:process id="%1$s" isExecutable="true" camunda:historyTimeToLive="1">
                    <bpmn:startEvent id="Event_Start" />
                    <bpmn:sequenceFlow id="Flow_1" sourceRef="Event_Start" targetRef="Task_Send" />
                    <bpmn:serviceTask id="Task_Send" camunda:asyncBefore="%2$s"
                        camunda:delegateExpression="${sendCustomerMessage}">
                      <bpmn:extensionElements>
                        <camunda:field name="template"><camunda:expression>${template}</camunda:expression></camunda:field>
                        <camunda:executionListener delegateExpression="${mailTestCrashAfterSending}" event="end" />
                      </bpmn:extensionElements>
                    </bpmn:serviceTask>
                    <bpmn:sequenceFlow id="Flow_2" sourceRef="Task_Send" targetRef="Event_End" />
                    <bpmn:endEvent id="Event_End" />
                  </bpmn:process>
                </bpmn:definitions>
                """.formatted(id, async);
    }

    /** Waits for {@code CustomerReplied}, then gives an agent a task to read it. */
    private static String waitForReply() {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_Wait" targetNamespace="test">
                  <bpmn:process id="%1$s" isExecutable="true" camunda:historyTimeToLive="1">
                    <bpmn:startEvent id="Event_Start" />
                    <bpmn:sequenceFlow id="Flow_1" sourceRef="Event_Start" targetRef="%2$s" />
                    <bpmn:intermediateCatchEvent id="%2$s">
                      <bpmn:messageEventDefinition id="Definition_Replied" messageRef="Message_CustomerReplied" />
                    </bpmn:intermediateCatchEvent>
                    <bpmn:sequenceFlow id="Flow_2" sourceRef="%2$s" targetRef="Task_ReadReply" />
                    <bpmn:userTask id="Task_ReadReply" camunda:candidateGroups="agents" />
                    <bpmn:sequenceFlow id="Flow_3" sourceRef="Task_ReadReply" targetRef="Event_End" />
                    <bpmn:endEvent id="Event_End" />
                  </bpmn:process>
                  <bpmn:message id="Message_CustomerReplied" name="%3$s" />
                </bpmn:definitions>
                """.formatted(WAIT_FOR_REPLY, EVENT_CUSTOMER_REPLIED, CustomerReplies.MESSAGE);
    }

    /**
     * Throws once when armed: the message was queued, the job's transaction rolls back with it.
     * A bean, as the deploy gate lets models name listeners only by delegate expression.
     */
    @Component("mailTestCrashAfterSending")
    @Profile("test")
    public static class CrashAfterSending implements ExecutionListener {

        @Override
        public void notify(DelegateExecution execution) {
            if (CRASH_ONCE.compareAndSet(true, false)) {
                throw new IllegalStateException("simulated crash after queuing, before the job commits");
            }
        }
    }

    private MailTestProcess() {
    }
}

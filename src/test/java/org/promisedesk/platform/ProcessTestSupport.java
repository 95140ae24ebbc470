package org.promisedesk.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.promisedesk.mail.MailAssertions;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * What the process test classes share: the deployed model and the constants naming its elements, acting as a
 * user, the rejection a task listener throws, and reading a received message.
 */
public final class ProcessTestSupport {

    /** An element id as the models spell it: type prefix, underscore, name. */
    private static final String ELEMENT_ID = "(Task|Event|Gateway|CallActivity|SubProcess)_\\w+";

    /** The latest deployed version of the process's model. */
    public static BpmnModelInstance deployedModel(RepositoryService repositoryService, String processId) {
        String definitionId = repositoryService.createProcessDefinitionQuery().processDefinitionKey(processId)
                .latestVersion().singleResult().getId();
        return repositoryService.getBpmnModelInstance(definitionId);
    }

    /**
     * The values of the constants class's static String fields that are element ids ({@code Task_...} etc.),
     * package-private ones included (as the class's own package sees them).
     */
    public static List<String> elementIdConstants(Class<?> constants) {
        List<String> elementIds = new ArrayList<>();
        try {
            for (Field field : constants.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers()) && field.trySetAccessible()
                        && field.get(null) instanceof String value
                        && value.matches(ELEMENT_ID)) {
                    elementIds.add(value);
                }
            }
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
        return elementIds;
    }

    /** Each of the ids names a flow node (task, event, gateway, sub-process, call activity) of the model. */
    public static void assertEachNamesAFlowNode(BpmnModelInstance model, List<String> elementIds) {
        assertThat(elementIds)
                .allSatisfy(id -> assertThat((Object) model.getModelElementById(id)).as(id).isInstanceOf(FlowNode.class));
    }

    /** Every flow node of the model has its constant, and there is no constant without its flow node. */
    public static void assertEveryFlowNodeHasItsConstant(BpmnModelInstance model, List<String> elementIds) {
        assertThat(model.getModelElementsByType(FlowNode.class)).extracting(FlowNode::getId)
                .as("every element of the model has its constant").containsExactlyInAnyOrderElementsOf(elementIds);
    }

    /** Runs the action authenticated as the user in the group, as Tasklist or REST would. */
    public static <T> T asUser(IdentityService identityService, String userId, String group, Supplier<T> action) {
        identityService.setAuthentication(userId, List.of(group));
        try {
            return action.get();
        } finally {
            identityService.clearAuthentication();
        }
    }

    public static void asUser(IdentityService identityService, String userId, String group, Runnable action) {
        asUser(identityService, userId, group, () -> {
            action.run();
            return null;
        });
    }

    /**
     * The engine wraps an exception from a task listener; what the caller gets to read is the rejection
     * inside (the root cause), naming the fields.
     */
    public static void assertThatRejected(ThrowingCallable completion, String... messageParts) {
        assertThatThrownBy(completion).isInstanceOf(ProcessEngineException.class)
                .rootCause().isInstanceOf(BadUserRequestException.class)
                .message().contains(messageParts);
    }

    public static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The plain-text part of the message; fails when it has none. */
    public static String textOf(MimeMessage message) {
        String text = MailAssertions.plainText(message);
        assertThat(text).as("plain-text part").isNotNull();
        return text;
    }

    private ProcessTestSupport() {
    }
}

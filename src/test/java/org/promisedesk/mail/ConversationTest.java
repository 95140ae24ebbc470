package org.promisedesk.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.promisedesk.platform.EngineTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A task of a request shows the conversation so far from our own records: what we sent (and what
 * is still queued), what the customer wrote, newest first, in the business time zone, as plain
 * text; mail loops and auto-replies left out; a long history cut with a pointer to the rest.
 */
@EngineTest
class ConversationTest {

    private static final String PROBE = "Process_ConversationProbe";

    @Autowired JdbcClient jdbc;
    @Autowired Conversation conversation;
    @Autowired RepositoryService repositoryService;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;

    private final String requestKey = "REQ-2026-9" + String.format("%05d", (int) (Math.random() * 100_000));
    private final List<String> instances = new ArrayList<>();

    @AfterEach
    void cleanUp() {
        instances.forEach(id -> runtimeService.deleteProcessInstance(id, "test over"));
        jdbc.sql("DELETE FROM customer_message WHERE request_key = ?").param(requestKey).update();
        jdbc.sql("DELETE FROM inbound_message WHERE request_key = ?").param(requestKey).update();
    }

    @Test
    void shouldShowWhatWeSentAndWhatTheyWroteNewestFirstOnTheRequestsTask() {
        sent("2026-12-07T01:00:00Z", "Your request " + requestKey + " was received", "We have your request.");
        received("2026-12-07T02:30:00Z", "REPLY_CORRELATED", "Re: Your request",
                "Still down. See [this](http://tracker.example/x) ![](http://tracker.example/p.png)");
        received("2026-12-07T02:31:00Z", "LOOP_IGNORED", "Re: Re: Your request", "our own message, looped");
        queued("2026-12-07T03:00:00Z", "Is it solved?", "Tell us whether it is solved.");

        Task task = taskOfRequest();
        String shown = (String) taskService.getVariableLocal(task.getId(), ConversationOnTasks.VARIABLE);

        assertThat(shown).startsWith("Times in Asia/Shanghai, newest first.");
        assertThat(shown).containsSubsequence(
                "2026-12-07 11:00 — we are sending (queued) to it@northwind.example, in en: Is it solved?",
                "2026-12-07 10:30 — they wrote, from it@northwind.example: Re: Your request",
                "Still down. See [this](http://tracker.example/x) ![](http://tracker.example/p.png)",
                "2026-12-07 09:00 — we sent to it@northwind.example, in en: Your request " + requestKey);
        assertThat(shown).doesNotContain("looped");
        assertThat(runtimeService.getVariable(task.getProcessInstanceId(), ConversationOnTasks.VARIABLE))
                .as("a copy on the task only").isNull();
    }

    @Test
    void shouldCutALongConversationAndSayWhereTheRestIs() {
        for (int i = 0; i < 12; i++) {
            sent("2026-12-0" + (1 + i % 7) + "T0" + (i % 10) + ":00:00Z", "Update " + i, "x".repeat(1500));
        }
        String shown = conversation.of(requestKey);
        assertThat(shown.length()).isLessThanOrEqualTo(Conversation.MAX_LENGTH);
        assertThat(shown).endsWith("[… older messages: the request's audit trail has them all]");
    }

    @Test
    void shouldGiveATaskNoConversationWhenNothingWasWrittenYet() {
        Task task = taskOfRequest();
        assertThat(taskService.getVariableLocal(task.getId(), ConversationOnTasks.VARIABLE)).isNull();
    }

    private Task taskOfRequest() {
        if (repositoryService.createProcessDefinitionQuery().processDefinitionKey(PROBE).count() == 0) {
            repositoryService.createDeployment().name("conversation-probe").addModelInstance("probe.bpmn",
                    Bpmn.createExecutableProcess(PROBE).camundaHistoryTimeToLive(1).camundaStartableInTasklist(false)
                            .startEvent().userTask("Task_Probe").camundaCandidateGroups("agents").endEvent().done())
                    .deploy();
        }
        String id = runtimeService.startProcessInstanceByKey(PROBE, requestKey, Map.of("requestKey", requestKey))
                .getId();
        instances.add(id);
        return taskService.createTaskQuery().processInstanceId(id).singleResult();
    }

    private void sent(String at, String subject, String text) {
        outbound(at, subject, text, "SENT");
    }

    private void queued(String at, String subject, String text) {
        outbound(at, subject, text, "PENDING");
    }

    private void outbound(String at, String subject, String text, String state) {
        String key = UUID.randomUUID().toString();
        Timestamp time = Timestamp.from(Instant.parse(at));
        jdbc.sql("""
                INSERT INTO customer_message (message_key, request_key, process_instance_id, activity_id, template,
                    customer_id, recipient, language, subject, message_id, body_text, body_html, state, attempts,
                    created_at, sent_at)
                VALUES (?, ?, 'none', 'Task_Probe', 'probe', 1, 'it@northwind.example', 'en', ?, ?, ?, '', ?, 0, ?, ?)""")
                .params(key, requestKey, subject, "<" + key + "@promisedesk.example>", text, state, time,
                        state.equals("SENT") ? time : null)
                .update();
    }

    private void received(String at, String disposition, String subject, String text) {
        jdbc.sql("""
                INSERT INTO inbound_message (message_id, received_at, from_address, subject, size_bytes, request_key,
                    customer_id, disposition, sender_mismatch, reply_text)
                VALUES (?, ?, 'it@northwind.example', ?, 100, ?, 1, ?, FALSE, ?)""")
                .params("<" + UUID.randomUUID() + "@customer.example>", Timestamp.from(Instant.parse(at)), subject,
                        requestKey, disposition, text)
                .update();
    }
}

package org.promisedesk.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.promisedesk.intake.IntakeFixture.NORTHWIND_EMAIL;
import static org.promisedesk.intake.IntakeFixture.input;
import static org.promisedesk.intake.IntakeProcess.*;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Date;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.promisedesk.audit.AuditStoryChecks;
import org.promisedesk.mail.TestMailServer;
import org.promisedesk.platform.EngineTest;
import org.promisedesk.platform.Groups;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The audit page of a full request through intake (issue 21, item 1): acknowledged, classified,
 * answered, confirmed by the customer, surveyed. It reads as a story: no element id of the model
 * (no {@code Gateway_Acknowledge}), no map dump, every time in the one named zone, the text of
 * each e-mail sent and received.
 */
@EngineTest
class IntakeAuditTest {

    private static final Instant NOW = Instant.parse("2026-11-19T02:00:00Z");
    private static final String ANSWER = "In the control panel open SSL, choose Let's Encrypt and confirm; it renews itself.";

    @Autowired ProcessEngine processEngine;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired ManagementService managementService;
    @Autowired HistoryService historyService;
    @Autowired RepositoryService repositoryService;
    @Autowired IdentityService identityService;
    @Autowired TestMailServer mail;
    @Autowired TestRestTemplate rest;
    @Autowired JdbcClient jdbc;

    private IntakeFixture fx;

    @BeforeEach
    void setUp() {
        BpmnAwareTests.init(processEngine);
        ClockUtil.setCurrentTime(Date.from(NOW));
        fx = new IntakeFixture(runtimeService, taskService, managementService, identityService, mail);
    }

    @AfterEach
    void tearDown() {
        fx.cleanUp();
    }

    @Test
    void shouldTellAFullRequestAsAStory() {
        String key = "REQ-2026-07%04d".formatted((int) (System.nanoTime() % 10_000));
        ProcessInstance intake = fx.start(input(key, "IT@Northwind.example", "How do I enable HTTPS on my virtual host?",
                "We would like our shop to use HTTPS. Which steps do we take in the panel?"));
        execute(job(TASK_ACKNOWLEDGE, intake));
        fx.classify(intake, CLASS_TECHNICAL_QUESTION);
        fx.answer(TASK_ANSWER_QUESTION, intake, "agent", Groups.AGENTS, ANSWER);
        execute(job(TASK_SEND_ANSWER, intake));
        execute(job(TASK_ASK_IF_SOLVED, intake));
        ClockUtil.setCurrentTime(Date.from(NOW.plusSeconds(3600)));
        replies(key, "Works now, thank you!\n\n> Is it solved?");
        fx.complete(TASK_READ_CONFIRMATION, intake, "agent", Groups.AGENTS, Map.of(CONFIRMATION, CONFIRM_SOLVED));
        execute(job(TASK_SEND_SURVEY, intake));
        replies(key, "5 - quick and clear, thanks");
        assertThat(intake).isEnded();

        String flat = AuditStoryChecks.assertReadsAsAStory(key, rest, repositoryService, historyService, jdbc);
        assertThat(jdbc.sql("SELECT count(*) FROM customer_message WHERE request_key = ?").param(key)
                .query(Long.class).single()).as("acknowledgement, answer, is it solved, survey")
                .isGreaterThanOrEqualTo(4);
        assertThat(flat).contains("2026-11-19 10:00:00")
                .contains("Li Na (Agents (first line))")
                .contains("Entered: requestClass = technical-question")
                .contains("Northwind Traders");
        assertThat(flat).contains(ANSWER).contains("Works now, thank you! > Is it solved?")
                .contains("5 - quick and clear, thanks");
    }

    /** What the inbound mail poller does with a reply: records it, then correlates it. */
    private void replies(String key, String text) {
        String messageId = "<" + key + "-" + System.nanoTime() + "@northwind.example>";
        jdbc.sql("""
                INSERT INTO inbound_message (message_id, received_at, from_address, subject, size_bytes, request_key,
                    customer_id, disposition, sender_mismatch, raw_text, reply_text)
                VALUES (?, ?, ?, ?, 100, ?, 1, 'REPLY_CORRELATED', FALSE, ?, ?)""")
                .params(messageId, new Timestamp(ClockUtil.getCurrentTime().getTime()), NORTHWIND_EMAIL,
                        "Re: [" + key + "]", key, text, text.split("\n\n")[0])
                .update();
        fx.customerReplies(key, NORTHWIND_EMAIL, text.split("\n\n")[0]);
    }
}

package org.promisedesk.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.promisedesk.incident.PostIncidentReportProcess.ACTIONS;
import static org.promisedesk.incident.PostIncidentReportProcess.AFFECTED_CUSTOMER_IDS;
import static org.promisedesk.incident.PostIncidentReportProcess.ALL_ACTIONS_KEPT;
import static org.promisedesk.incident.PostIncidentReportProcess.CALL_ACTIVITY_KEEP_ACTIONS;
import static org.promisedesk.incident.PostIncidentReportProcess.DECISION_APPROVE;
import static org.promisedesk.incident.PostIncidentReportProcess.DECISION_CHANGES;
import static org.promisedesk.incident.PostIncidentReportProcess.DRAFTER;
import static org.promisedesk.incident.PostIncidentReportProcess.DRAFT_DUE_DATE;
import static org.promisedesk.incident.PostIncidentReportProcess.DRAFT_ROUND;
import static org.promisedesk.incident.PostIncidentReportProcess.EVENT_DRAFT_OVERDUE;
import static org.promisedesk.incident.PostIncidentReportProcess.EVENT_DRAFT_REMINDER_DUE;
import static org.promisedesk.incident.PostIncidentReportProcess.EVENT_INCIDENT_CLOSED;
import static org.promisedesk.incident.PostIncidentReportProcess.EVENT_INCIDENT_REPORT_NEEDED;
import static org.promisedesk.incident.PostIncidentReportProcess.EVENT_REPORT_REQUESTED;
import static org.promisedesk.incident.PostIncidentReportProcess.IMPACT;
import static org.promisedesk.incident.PostIncidentReportProcess.INCIDENT_END;
import static org.promisedesk.incident.PostIncidentReportProcess.INCIDENT_ID;
import static org.promisedesk.incident.PostIncidentReportProcess.INCIDENT_START;
import static org.promisedesk.incident.PostIncidentReportProcess.INCIDENT_TITLE;
import static org.promisedesk.incident.PostIncidentReportProcess.LATE_DRAFT_NOTE;
import static org.promisedesk.incident.PostIncidentReportProcess.LATE_PRIORITY;
import static org.promisedesk.incident.PostIncidentReportProcess.MESSAGE_INCIDENT_REPORT_NEEDED;
import static org.promisedesk.incident.PostIncidentReportProcess.PROCESS_ID;
import static org.promisedesk.incident.PostIncidentReportProcess.PROMISE_CUSTOMER_ID;
import static org.promisedesk.incident.PostIncidentReportProcess.REASSIGN_TO;
import static org.promisedesk.incident.PostIncidentReportProcess.REMINDED_PRIORITY;
import static org.promisedesk.incident.PostIncidentReportProcess.REQUEST_KEY;
import static org.promisedesk.incident.PostIncidentReportProcess.RESOLUTION;
import static org.promisedesk.incident.PostIncidentReportProcess.RESOLVED_BY;
import static org.promisedesk.incident.PostIncidentReportProcess.REVIEW_COMMENTS;
import static org.promisedesk.incident.PostIncidentReportProcess.REVIEW_DECISION;
import static org.promisedesk.incident.PostIncidentReportProcess.ROOT_CAUSE;
import static org.promisedesk.incident.PostIncidentReportProcess.SERVICE_IDS;
import static org.promisedesk.incident.PostIncidentReportProcess.TASK_DRAFT_REPORT;
import static org.promisedesk.incident.PostIncidentReportProcess.TASK_FOLLOW_UP_LATE_DRAFT;
import static org.promisedesk.incident.PostIncidentReportProcess.TASK_PUBLISH_INCIDENT_REPORT;
import static org.promisedesk.incident.PostIncidentReportProcess.TASK_REMIND_DRAFTER;
import static org.promisedesk.incident.PostIncidentReportProcess.TASK_REVIEW_REPORT;
import static org.promisedesk.incident.PostIncidentReportProcess.TIMELINE;
import static org.promisedesk.platform.ProcessTestSupport.assertEachNamesAFlowNode;
import static org.promisedesk.platform.ProcessTestSupport.deployedModel;
import static org.promisedesk.platform.ProcessTestSupport.elementIdConstants;
import static org.promisedesk.platform.ProcessTestSupport.subject;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Comment;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Message;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.promisedesk.mail.TestMailServer;
import org.promisedesk.platform.EngineTest;
import org.promisedesk.platform.Groups;
import org.promisedesk.platform.ProcessTestSupport;
import org.promisedesk.promise.PromiseProcess;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

@EngineTest
class PostIncidentReportProcessTest {

    /** Friday 20 November 2026, 09:00 in Shanghai: the draft is due two business days later, on Tuesday. */
    private static final Instant NOW = Instant.parse("2026-11-20T01:00:00Z");
    private static final Date DRAFT_DUE = Date.from(Instant.parse("2026-11-24T01:00:00Z"));
    private static final Date REMINDER = Date.from(Instant.parse("2026-11-23T21:00:00Z"));
    private static final Instant INCIDENT_STARTED = Instant.parse("2026-11-19T06:00:00Z");
    private static final Instant INCIDENT_ENDED = Instant.parse("2026-11-19T08:15:00Z");
    private static final String NORTHWIND = "it@northwind.example";
    private static final String YUNFAN = "ops@yunfan.example.cn";
    private static final AtomicInteger KEYS = new AtomicInteger();

    static final String TIMELINE_JSON = """
            [{"at":"2026-11-19T14:00+08:00","text":"Monitoring alarm: storage latency above 2 s on cluster SH-ST-2"},
             {"at":"2026-11-19T14:10+08:00","text":"工程师确认 RAID 控制器故障"},
             {"at":"2026-11-19T16:15+08:00","text":"Controller replaced, all websites reachable again"}]""";

    @Autowired
    private ProcessEngine processEngine;
    @Autowired
    private RuntimeService runtimeService;
    @Autowired
    private TaskService taskService;
    @Autowired
    private ManagementService managementService;
    @Autowired
    private RepositoryService repositoryService;
    @Autowired
    private IdentityService identityService;
    @Autowired
    private IncidentReports incidentReports;
    @Autowired
    private Incidents incidents;
    @Autowired
    private IncidentActions incidentActions;
    @Autowired
    private TestMailServer mailServer;
    @Autowired
    private TestRestTemplate rest;

    private final List<String> started = new ArrayList<>();

    @BeforeEach
    void setUp() {
        BpmnAwareTests.init(processEngine);
        ClockUtil.setCurrentTime(Date.from(NOW));
    }

    @AfterEach
    void tearDown() {
        ClockUtil.reset();
        identityService.clearAuthentication();
        started.forEach(id -> runtimeService.deleteProcessInstanceIfExists(id, "test over", true, true, true, false));
    }

    @Test
    void shouldPublishOnTimeDraftToEveryCustomerInTheirLanguageAndCloseWhenActionsAreKept() throws Exception {
        String key = nextRequestKey();
        ProcessInstance report = startByMessage(key);

        assertThat(report).isWaitingAt(TASK_DRAFT_REPORT, EVENT_DRAFT_REMINDER_DUE).hasBusinessKey(key)
                .variables().containsEntry(PROMISE_CUSTOMER_ID, 1L).containsEntry(DRAFT_DUE_DATE, DRAFT_DUE)
                .containsEntry(REQUEST_KEY, key).containsEntry(DRAFTER, "tech");
        assertThat(task(TASK_DRAFT_REPORT, report)).isAssignedTo("tech").hasCandidateGroupAssociated(Groups.TECH)
                .hasDueDate(DRAFT_DUE);
        assertThat(job(report, EVENT_DRAFT_REMINDER_DUE).getDuedate()).isEqualTo(REMINDER);

        asUser("tech", Groups.TECH, () -> taskService.complete(task(TASK_DRAFT_REPORT, report).getId(), draft()));
        assertThat(report).isWaitingAt(TASK_REVIEW_REPORT).hasNotPassed(TASK_REMIND_DRAFTER);
        assertThat(managementService.createJobQuery().processInstanceId(report.getId()).timers().count()).isZero();
        asUser("lead", Groups.LEADS, () -> taskService.complete(task(TASK_REVIEW_REPORT, report).getId(),
                Map.of(REVIEW_DECISION, DECISION_APPROVE)));
        assertThat(report).isWaitingAt(TASK_PUBLISH_INCIDENT_REPORT);
        runJobs(report);

        long incidentId = incidentId(report);
        assertThat(incidents.find(incidentId)).get().extracting(Incidents.Incident::state)
                .isEqualTo(Incidents.State.PUBLISHED);
        MimeMessage english = onlyMessage(NORTHWIND, key, "Incident report: Websites on SH-ST-2 unreachable");
        assertThat(text(english)).contains("Dear Northwind Traders Ltd", "2 h 15 min",
                "19 Nov 14:00  Monitoring alarm", "Update the RAID controller firmware", "by 27 November 2026");
        MimeMessage chinese = onlyMessage(YUNFAN, key, "故障报告：Websites on SH-ST-2 unreachable");
        assertThat(text(chinese)).contains("尊敬的上海云帆电子商务有限公司", "2 小时 15 分钟", "11月19日 14:10  工程师确认",
                "预防措施");
        assertThat(pdfText(pdfAttachment(english, "incident-" + incidentId + "-report.en.pdf")))
                .as("the report as PDF, in English").contains("Websites on SH-ST-2 unreachable", "Timeline",
                        "Monitoring alarm: storage latency above 2 s on cluster SH-ST-2", "工程师确认 RAID 控制器故障",
                        "Controller replaced, all websites reachable again");
        byte[] chinesePdf = pdfAttachment(chinese, "incident-" + incidentId + "-report.zh-CN.pdf");
        assertThat(pdfText(chinesePdf)).as("the report as PDF, in Chinese").contains("时间线", "根本原因",
                "Monitoring alarm: storage latency above 2 s on cluster SH-ST-2", "工程师确认 RAID 控制器故障",
                "Controller replaced, all websites reachable again");
        assertThat(chinesePdf).as("the document the report API serves")
                .isEqualTo(incidents.report(incidentId, "zh-CN").orElseThrow().pdf());
        assertThat(report).isWaitingAt(CALL_ACTIVITY_KEEP_ACTIONS);

        List<ProcessInstance> promises = promisesOf(report);
        assertThat(promises).hasSize(2);
        for (ProcessInstance promise : promises) {
            assertThat(promise).hasBusinessKey(key).variables().containsEntry(PromiseProcess.CUSTOMER_ID, 1L)
                    .containsEntry(PromiseProcess.REQUEST_KEY, key);
        }
        keep(promises.get(0), "The firmware is updated on all twelve storage nodes.");
        runJobs(report);
        assertThat(report).isWaitingAt(CALL_ACTIVITY_KEEP_ACTIONS);
        keep(promises.get(1), "The alert on controller cache errors is live and tested.");
        runJobs(report);

        assertThat(report).isEnded().hasPassed(EVENT_INCIDENT_CLOSED).variables().containsEntry(ALL_ACTIONS_KEPT, true);
        assertThat(incidents.find(incidentId)).get().extracting(Incidents.Incident::state)
                .isEqualTo(Incidents.State.CLOSED);
        assertThat(incidentActions.ofIncident(incidentId)).extracting(IncidentActions.Action::outcome)
                .containsExactly("kept", "kept");
        assertThat(text(onlyMessage(NORTHWIND, key, "Done: what we changed after"))).contains(
                "All of them are now done.", "Done: The firmware is updated on all twelve storage nodes.");
        assertThat(text(onlyMessage(YUNFAN, key, "改进措施已全部完成"))).contains(
                "现在这些措施已全部完成。", "已完成：The alert on controller cache errors is live and tested.");
    }

    @Test
    void shouldRemindTheEngineerAndEscalateALateDraftToLeads() {
        ProcessInstance report = startByMessage(nextRequestKey());
        String draftTaskId = task(TASK_DRAFT_REPORT, report).getId();

        ClockUtil.setCurrentTime(REMINDER);
        runJobs(report);
        assertThat(report).hasPassed(TASK_REMIND_DRAFTER).isWaitingAt(TASK_DRAFT_REPORT, EVENT_DRAFT_OVERDUE);
        assertThat(taskService.createTaskQuery().taskId(draftTaskId).singleResult().getPriority())
                .isEqualTo(REMINDED_PRIORITY);
        assertThat(comments(draftTaskId)).containsExactly(
                "Reminder: the post-incident report is due at 2026-11-24 09:00 +08:00");

        ClockUtil.setCurrentTime(Date.from(DRAFT_DUE.toInstant().plusSeconds(60)));
        runJobs(report);
        assertThat(report).isWaitingAt(TASK_DRAFT_REPORT, TASK_FOLLOW_UP_LATE_DRAFT);
        Task lateTask = task(TASK_FOLLOW_UP_LATE_DRAFT, report);
        assertThat(lateTask).hasCandidateGroup(Groups.LEADS).isNotAssigned();
        assertThat(lateTask.getPriority()).isEqualTo(LATE_PRIORITY);

        assertRejected(() -> asUser("lead", Groups.LEADS, () -> taskService.complete(lateTask.getId(),
                Map.of(LATE_DRAFT_NOTE, "ok", REASSIGN_TO, "nobody"))), "lateDraftNote is required",
                "reassignTo 'nobody' is not a user");
        asUser("lead", Groups.LEADS, () -> {
            taskService.claim(lateTask.getId(), "lead");
            taskService.complete(lateTask.getId(), Map.of(LATE_DRAFT_NOTE,
                    "Wang Qiang is on site at a customer; Tom takes over the draft.", REASSIGN_TO, "agent2"));
        });

        assertThat(task(TASK_DRAFT_REPORT, report).getId()).isEqualTo(draftTaskId);
        assertThat(task(TASK_DRAFT_REPORT, report)).isAssignedTo("agent2");
        assertThat(comments(draftTaskId)).contains("Late report followed up by lead: Wang Qiang is on site at a"
                + " customer; Tom takes over the draft. (handed over to agent2)");
        assertThat(report).isWaitingAt(TASK_DRAFT_REPORT).variables().containsEntry(DRAFTER, "agent2");

        taskService.complete(draftTaskId, draft());
        assertThat(report).isWaitingAt(TASK_REVIEW_REPORT);
    }

    @Test
    void shouldGiveTheDraftBackWithCommentsWhenTheLeadAsksForChanges() {
        ProcessInstance report = startByMessage(nextRequestKey());
        taskService.complete(task(TASK_DRAFT_REPORT, report).getId(), draft());
        String reviewTaskId = task(TASK_REVIEW_REPORT, report).getId();

        assertRejected(() -> taskService.complete(reviewTaskId, Map.of(REVIEW_DECISION, DECISION_CHANGES)),
                "reviewComments is required");
        assertRejected(() -> taskService.complete(reviewTaskId, Map.of(REVIEW_DECISION, "maybe")),
                "reviewDecision is required: one of approve, changes");
        ClockUtil.setCurrentTime(Date.from(NOW.plusSeconds(3600)));
        taskService.complete(reviewTaskId, Map.of(REVIEW_DECISION, DECISION_CHANGES,
                REVIEW_COMMENTS, "Say which customers could not send mail, and for how long."));

        // Round 2: one business day for the revision, the draft as it was, the lead's comments beside it.
        assertThat(report).isWaitingAt(TASK_DRAFT_REPORT).variables().containsEntry(DRAFT_ROUND, 2)
                .containsEntry(DRAFT_DUE_DATE, Date.from(Instant.parse("2026-11-23T02:00:00Z")))
                .containsEntry(REVIEW_COMMENTS, "Say which customers could not send mail, and for how long.")
                .containsKeys(TIMELINE, ACTIONS).doesNotContainKey(REVIEW_DECISION);
        taskService.complete(task(TASK_DRAFT_REPORT, report).getId(),
                Map.of(IMPACT, "Mail and websites of 14 customers on SH-ST-2 were down for 2 h 15 min."));
        taskService.complete(task(TASK_REVIEW_REPORT, report).getId(), Map.of(REVIEW_DECISION, DECISION_APPROVE));

        assertThat(report).isWaitingAt(TASK_PUBLISH_INCIDENT_REPORT);
    }

    @Test
    void shouldRejectAnIncompleteDraftNamingEveryField() {
        ProcessInstance report = startByMessage(nextRequestKey());
        String taskId = task(TASK_DRAFT_REPORT, report).getId();
        Map<String, Object> bad = draft();
        bad.put(TIMELINE, SpinValues.jsonValue("[{\"at\":null,\"text\":\"\"}]").create());
        bad.put(ACTIONS, SpinValues.jsonValue("""
                [{"kind":"corrective","text":"Update the RAID controller firmware","owner":"nobody",
                  "dueDate":"2026-11-01T10:00+08:00"},
                 {"kind":"sideways","text":"short","owner":"tech","dueDate":"next week"}]""").create());
        bad.put(ROOT_CAUSE, "   ");

        assertRejected(() -> taskService.complete(taskId, bad), "timeline is required", "rootCause is required",
                "actions[1].owner 'nobody' is not a user", "actions[1].dueDate 2026-11-01 10:00 +08:00 is not in the future",
                "actions[2].kind is required", "actions[2].text is required", "actions[2].dueDate 'next week'");

        assertThat(task(TASK_DRAFT_REPORT, report).getId()).isEqualTo(taskId);
        assertThat(report).isWaitingAt(TASK_DRAFT_REPORT);
    }

    @Test
    void shouldAcceptTheDraftAsTasklistSubmitsItOverTheRestApi() {
        ProcessInstance report = startByMessage(nextRequestKey());
        String taskId = task(TASK_DRAFT_REPORT, report).getId();
        // What Tasklist posts for this form: the dynamic lists as type Json, the text fields untyped.
        String body = """
                {"variables":{
                  "timeline":{"type":"Json","value":%s},
                  "actions":{"type":"Json","value":%s},
                  "impact":{"value":"Websites and mail of customers on SH-ST-2 unreachable."},
                  "rootCause":{"value":"A firmware fault in the RAID controller of SH-ST-2."},
                  "resolution":{"value":"We replaced the controller and checked every volume."}}}""";
        String emptyActions = "[{\"kind\":\"corrective\",\"text\":\"\",\"owner\":\"\",\"dueDate\":null}]";

        ResponseEntity<String> rejected = submitForm("tech", taskId,
                body.formatted(quoted(TIMELINE_JSON), quoted(emptyActions)));
        assertThat(rejected.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(rejected.getBody()).contains("actions is required: at least one corrective or preventive action");

        ResponseEntity<String> accepted = submitForm("tech", taskId,
                body.formatted(quoted(TIMELINE_JSON), quoted(actionsJson())));
        assertThat(accepted.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(report).isWaitingAt(TASK_REVIEW_REPORT);
        assertThat((String) runtimeService.getVariable(report.getId(), "draftPreview"))
                .contains("- 2026-11-19 14:10 +08:00: 工程师确认 RAID 控制器故障", "(preventive, architect, due 2026-11-30");
    }

    @Test
    void shouldTellTheCustomerANewDateWhenAnActionIsRenegotiated() {
        String key = nextRequestKey();
        ProcessInstance report = publish(startByMessage(key));
        ProcessInstance firmware = promisesOf(report).get(0);
        ProcessInstance alerting = promisesOf(report).get(1);
        keep(firmware, "The firmware is updated on all twelve storage nodes.");
        runJobs(report);

        // The alerting action (due 30 November) is late: the promise's lead agrees a new date.
        ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-11-30T10:05:00Z")));
        runJobs(report);
        Task agreeNewDate = task(PromiseProcess.TASK_AGREE_NEW_DATE, alerting);
        assertThat(agreeNewDate).hasCandidateGroup(Groups.LEADS);
        asUser("lead", Groups.LEADS, () -> taskService.complete(agreeNewDate.getId(), Map.of(
                PromiseProcess.NEW_DUE_DATE, "2026-12-04T18:00+08:00",
                PromiseProcess.NEW_DATE_REASON, "The monitoring vendor's API changed; the check needs rework.")));
        runJobs(report);
        assertThat(text(onlyMessage(NORTHWIND, key, "Delayed, new date 4 December 2026"))).contains(
                "The monitoring vendor's API changed");

        keep(alerting, "The alert on controller cache errors is live and tested.");
        runJobs(report);
        assertThat(report).isEnded().variables().containsEntry(ALL_ACTIONS_KEPT, true);
        assertThat(text(onlyMessage(YUNFAN, key, "改进措施已全部完成"))).contains(
                "已完成：The firmware is updated", "已完成：The alert on controller cache errors");
    }

    @Test
    void shouldSayHonestlyInTheClosingNoteWhatCouldNotBeDone() {
        String key = nextRequestKey();
        ProcessInstance report = publish(startByMessage(key));
        ProcessInstance alerting = promisesOf(report).get(1);
        keep(promisesOf(report).get(0), "The firmware is updated on all twelve storage nodes.");
        taskService.complete(task(PromiseProcess.TASK_KEEP_PROMISE, alerting).getId(), Map.of(
                PromiseProcess.OUTCOME, PromiseProcess.OUTCOME_CANNOT_BE_DONE, PromiseProcess.RESULT_TEXT,
                "The vendor does not expose cache errors; we alert on latency instead."));
        runJobs(report);

        assertThat(report).isEnded().variables().containsEntry(ALL_ACTIONS_KEPT, false);
        assertThat(text(onlyMessage(NORTHWIND, key, "Follow-up: what we changed after"))).contains(
                "Not all of them could be done as planned", "Could not be done: The vendor does not expose");
    }

    @Test
    void shouldServeTheKeptReportAsPdfAndHtmlToStaffOnly() throws IOException {
        ProcessInstance report = publish(startByMessage(nextRequestKey()));
        long id = incidentId(report);
        String url = "/api/incidents/" + id + "/report";

        ResponseEntity<byte[]> pdf = get("auditor", url, MediaType.APPLICATION_PDF, null);
        assertThat(pdf.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(pdf.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
        assertThat(pdfText(pdf.getBody())).contains("Websites on SH-ST-2 unreachable", "Timeline",
                "2026-11-19 14:00", "Monitoring alarm: storage latency above 2 s on cluster SH-ST-2",
                "工程师确认 RAID 控制器故障", "Update the RAID controller firmware");
        ResponseEntity<byte[]> chinesePdf = get("agent", url + "?lang=zh-CN", MediaType.APPLICATION_PDF, null);
        assertThat(pdfText(chinesePdf.getBody())).contains("时间线", "根本原因", "改进措施", "预防措施", "2 小时 15 分钟");

        ResponseEntity<byte[]> html = get("tech", url, MediaType.TEXT_HTML, "zh-CN,zh;q=0.9");
        assertThat(html.getHeaders().getContentType().isCompatibleWith(MediaType.TEXT_HTML)).isTrue();
        assertThat(new String(html.getBody(), java.nio.charset.StandardCharsets.UTF_8))
                .contains("<h2>时间线</h2>", "Websites on SH-ST-2 unreachable");

        assertThat(get("sales", url, MediaType.APPLICATION_PDF, null).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<byte[]> unknown = get("lead", "/api/incidents/999999/report", MediaType.APPLICATION_PDF, null);
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(unknown.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(new String(unknown.getBody())).contains("No incident with id 999999");
        assertThat(rest.getForEntity(url, String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void shouldStartFromTheStartFormWithTextAsTasklistSubmitsIt() {
        Map<String, Object> form = new HashMap<>();
        form.put(INCIDENT_TITLE, "  Mail relay down for shared hosting  ");
        form.put(RESOLVED_BY, "tech");
        form.put(AFFECTED_CUSTOMER_IDS, "1, 2");
        form.put(SERVICE_IDS, "");
        form.put(INCIDENT_START, "2026-11-19T14:00+08:00");
        form.put(INCIDENT_END, "2026-11-19T15:30");

        ProcessInstance report = asUser("tech", Groups.TECH,
                () -> runtimeService.startProcessInstanceByKey(PROCESS_ID, form));
        started.add(report.getId());

        long id = incidentId(report);
        assertThat(report).hasPassed(EVENT_REPORT_REQUESTED).isWaitingAt(TASK_DRAFT_REPORT).hasBusinessKey("INC-" + id)
                .variables().containsEntry(INCIDENT_TITLE, "Mail relay down for shared hosting")
                .containsEntry(INCIDENT_END, Date.from(Instant.parse("2026-11-19T07:30:00Z")))
                .containsEntry("durationMinutes", 90L).containsEntry(AFFECTED_CUSTOMER_IDS, List.of(1L, 2L));
        assertThat(incidents.customerIds(id)).containsExactly(1L, 2L);
    }

    @Test
    void shouldRejectAStartWithBadInputNamingEveryField() {
        IncidentReports.Request bad = new IncidentReports.Request("REQ-26-1", "x", "nobody", List.of(999_999L),
                List.of(), INCIDENT_ENDED, INCIDENT_STARTED);

        assertThatThrownBy(() -> incidentReports.start(bad)).isInstanceOf(BadUserRequestException.class)
                .hasMessageContaining("incidentTitle is required").hasMessageContaining("requestKey 'REQ-26-1'")
                .hasMessageContaining("resolvedBy 'nobody' is not a user")
                .hasMessageContaining("incidentEnd is before incidentStart")
                .hasMessageContaining("affectedCustomerIds: 999999 is not a known customer");
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey("REQ-26-1").count()).isZero();
    }

    @Test
    void shouldCountTheCustomersOfAffectedServicesAsAffected() {
        ProcessInstance report = processInstance(incidentReports.start(new IncidentReports.Request(nextRequestKey(),
                "Cloud VM host failure", "tech", List.of(), List.of(3L), INCIDENT_STARTED, INCIDENT_ENDED)));

        long owner = (Long) runtimeService.getVariable(report.getId(), PROMISE_CUSTOMER_ID);
        assertThat(incidents.customerIds(incidentId(report))).containsExactly(owner);
        assertThat((String) runtimeService.getVariable(report.getId(), "affectedServices")).contains("#3");
    }

    @Test
    void shouldKeepConstantsInStepWithTheModel() {
        BpmnModelInstance model = deployedModel(repositoryService, PROCESS_ID);
        assertThat(PROCESS_ID).isEqualTo("post-incident-report");
        List<String> elementIds = elementIdConstants(PostIncidentReportProcess.class);
        assertThat(elementIds).hasSizeGreaterThan(20).contains(EVENT_INCIDENT_REPORT_NEEDED);
        assertEachNamesAFlowNode(model, elementIds);
        assertThat(model.getModelElementsByType(Message.class)).extracting(Message::getName)
                .containsExactly(MESSAGE_INCIDENT_REPORT_NEEDED);
    }

    // helpers

    /** Keys of their own (the mail tests use REQ-2026-8…): the database is shared by all test classes. */
    private static String nextRequestKey() {
        return "REQ-2026-03%04d".formatted(KEYS.incrementAndGet());
    }

    /** As fault-escalation starts it: customers 1 (English) and 2 (Chinese), resolved by tech. */
    private ProcessInstance startByMessage(String key) {
        return processInstance(incidentReports.start(new IncidentReports.Request(key,
                "Websites on SH-ST-2 unreachable", "tech", List.of(1L, 2L), null, INCIDENT_STARTED, INCIDENT_ENDED)));
    }

    private ProcessInstance processInstance(String id) {
        started.add(id);
        return runtimeService.createProcessInstanceQuery().processInstanceId(id).singleResult();
    }

    /** Drafted, approved and published; waiting for the two action promises. */
    private ProcessInstance publish(ProcessInstance report) {
        taskService.complete(task(TASK_DRAFT_REPORT, report).getId(), draft());
        taskService.complete(task(TASK_REVIEW_REPORT, report).getId(), Map.of(REVIEW_DECISION, DECISION_APPROVE));
        runJobs(report);
        assertThat(report).isWaitingAt(CALL_ACTIVITY_KEEP_ACTIONS);
        return report;
    }

    /** The draft as Tasklist submits it: the two dynamic lists as JSON, the rest as text. */
    static Map<String, Object> draft() {
        Map<String, Object> draft = new HashMap<>();
        draft.put(TIMELINE, SpinValues.jsonValue(TIMELINE_JSON).create());
        draft.put(IMPACT, "Websites and mail of customers on the shared hosting cluster SH-ST-2 were unreachable.");
        draft.put(ROOT_CAUSE, "A firmware fault in the RAID controller of SH-ST-2 stopped all writes.");
        draft.put(RESOLUTION, "We replaced the controller, checked every volume and brought the sites back.");
        draft.put(ACTIONS, SpinValues.jsonValue(actionsJson()).create());
        return draft;
    }

    static String actionsJson() {
        return """
                [{"kind":"corrective","text":"Update the RAID controller firmware on all storage nodes",
                  "owner":"tech","dueDate":"2026-11-27T18:00+08:00"},
                 {"kind":"preventive","text":"Alert on controller cache errors before latency rises",
                  "owner":"architect","dueDate":"2026-11-30T18:00+08:00"}]""";
    }

    private static String quoted(String json) {
        return "\"" + json.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", " ") + "\"";
    }

    private void keep(ProcessInstance promise, String result) {
        Task task = task(PromiseProcess.TASK_KEEP_PROMISE, promise);
        if (task != null) {
            taskService.complete(task.getId(), Map.of(PromiseProcess.OUTCOME, PromiseProcess.OUTCOME_KEPT,
                    PromiseProcess.RESULT_TEXT, result));
        }
    }

    private List<ProcessInstance> promisesOf(ProcessInstance report) {
        List<ProcessInstance> promises = new ArrayList<>(runtimeService.createProcessInstanceQuery()
                .superProcessInstanceId(report.getId()).list());
        promises.sort((a, b) -> ((String) runtimeService.getVariable(a.getId(), PromiseProcess.PROMISE_TEXT))
                .compareTo((String) runtimeService.getVariable(b.getId(), PromiseProcess.PROMISE_TEXT)) * -1);
        return promises;
    }

    /** Executes every job that is due, of the report and of its promises, until none is left. */
    private void runJobs(ProcessInstance report) {
        for (int round = 0; round < 50; round++) {
            List<String> instances = new ArrayList<>();
            instances.add(report.getId());
            runtimeService.createProcessInstanceQuery().superProcessInstanceId(report.getId()).list()
                    .forEach(promise -> instances.add(promise.getId()));
            List<Job> due = new ArrayList<>();
            instances.forEach(id -> due.addAll(managementService.createJobQuery().processInstanceId(id).executable()
                    .list()));
            if (due.isEmpty()) {
                return;
            }
            due.forEach(job -> managementService.executeJob(job.getId()));
        }
        throw new AssertionError("jobs keep coming");
    }

    private Job job(ProcessInstance instance, String activityId) {
        return managementService.createJobQuery().processInstanceId(instance.getId()).activityId(activityId)
                .singleResult();
    }

    private long incidentId(ProcessInstance report) {
        Object id = runtimeService.createProcessInstanceQuery().processInstanceId(report.getId()).count() > 0
                ? runtimeService.getVariable(report.getId(), INCIDENT_ID)
                : processEngine.getHistoryService().createHistoricVariableInstanceQuery()
                        .processInstanceId(report.getId()).variableName(INCIDENT_ID).singleResult().getValue();
        return ((Number) id).longValue();
    }

    private List<String> comments(String taskId) {
        return taskService.getTaskComments(taskId).stream().map(Comment::getFullMessage).toList();
    }

    /** The one message to this address whose subject carries the request key and contains the text. */
    private MimeMessage onlyMessage(String address, String key, String subjectPart) {
        List<MimeMessage> found = mailServer.messagesTo(address).stream()
                .filter(message -> subject(message).contains("[" + key + "]") && subject(message).contains(subjectPart))
                .toList();
        assertThat(found).as("messages to %s about %s: %s", address, key, subjectPart).hasSize(1);
        return found.get(0);
    }

    /** The plain-text alternative. */
    private static String text(MimeMessage message) {
        try {
            return textPart(message.getContent());
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String textPart(Object content) throws MessagingException, IOException {
        if (content instanceof jakarta.mail.Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                jakarta.mail.BodyPart part = multipart.getBodyPart(i);
                String found = part.isMimeType("text/plain") ? (String) part.getContent() : textPart(part.getContent());
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private ResponseEntity<String> submitForm(String user, String taskId, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return rest.withBasicAuth(user, user).exchange("/engine-rest/task/" + taskId + "/submit-form", HttpMethod.POST,
                new HttpEntity<>(body, headers), String.class);
    }

    private ResponseEntity<byte[]> get(String user, String url, MediaType accept, String acceptLanguage) {
        HttpHeaders headers = new HttpHeaders();
        headers.setAccept(List.of(accept));
        if (acceptLanguage != null) {
            headers.set(HttpHeaders.ACCEPT_LANGUAGE, acceptLanguage);
        }
        return rest.withBasicAuth(user, user).exchange(url, HttpMethod.GET, new HttpEntity<>(headers), byte[].class);
    }

    /** The one attachment of the message: a PDF of this name; its bytes. */
    private static byte[] pdfAttachment(MimeMessage message, String fileName) throws MessagingException, IOException {
        List<jakarta.mail.BodyPart> files = new ArrayList<>();
        collectAttachments(message.getContent(), files);
        assertThat(files).as("attachments").hasSize(1);
        jakarta.mail.BodyPart file = files.get(0);
        assertThat(file.getFileName()).isEqualTo(fileName);
        assertThat(file.isMimeType("application/pdf")).isTrue();
        try (java.io.InputStream in = file.getInputStream()) {
            return in.readAllBytes();
        }
    }

    private static void collectAttachments(Object content, List<jakarta.mail.BodyPart> files)
            throws MessagingException, IOException {
        if (content instanceof jakarta.mail.Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                jakarta.mail.BodyPart part = multipart.getBodyPart(i);
                if (jakarta.mail.Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
                    files.add(part);
                } else {
                    collectAttachments(part.getContent(), files);
                }
            }
        }
    }

    private static String pdfText(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    private static void assertRejected(Runnable completion, String... messageParts) {
        assertThatThrownBy(completion::run).isInstanceOf(ProcessEngineException.class)
                .satisfies(e -> {
                    Throwable cause = e;
                    while (!(cause instanceof BadUserRequestException) && cause.getCause() != null) {
                        cause = cause.getCause();
                    }
                    assertThat(cause).isInstanceOf(BadUserRequestException.class);
                    assertThat(cause.getMessage()).contains(messageParts);
                });
    }

    private <T> T asUser(String userId, String group, Supplier<T> action) {
        return ProcessTestSupport.asUser(identityService, userId, group, action);
    }

    private void asUser(String userId, String group, Runnable action) {
        ProcessTestSupport.asUser(identityService, userId, group, action);
    }
}

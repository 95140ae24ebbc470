package org.promisedesk.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.List;


import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.promisedesk.platform.EngineTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * One request driven by different people through a decision, an incident, a called promise, a
 * reassignment, a due-date change and a submitted form; the trail must show each, attributed to
 * the right user, in JSON, CSV, the printable page and PDF — and only to auditors and leads.
 */
@EngineTest
class AuditTrailTest {

    private static int next = 0;

    @Autowired TestRestTemplate rest;
    @Autowired RepositoryService repositoryService;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired ManagementService managementService;
    @Autowired IdentityService identityService;
    @Autowired HistoryService historyService;
    @Autowired ObjectMapper json;
    @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;

    String key;

    @BeforeEach
    void deployTheProbe() {
        if (repositoryService.createProcessDefinitionQuery().processDefinitionKey(AuditProbe.PROCESS).count() == 0) {
            repositoryService.createDeployment().name("audit-probe")
                    .addModelInstance("audit-probe.bpmn", AuditProbe.process())
                    .addString("audit-probe.dmn", AuditProbe.decision())
                    .deploy();
        }
        key = "REQ-2099-%06d".formatted(900_000 + (++next) + (int) (System.nanoTime() % 1000) * 10);
    }

    @AfterEach
    void logOut() {
        identityService.clearAuthentication();
    }

    @Test
    void shouldShowEverythingThatHappenedToARequestAttributedToWhoDidIt() throws Exception {
        driveTheProbeRequest();

        JsonNode trail = json.readTree(get("auditor", "/api/audit/requests/" + key).getBody());
        assertThat(trail.path("requestKey").asText()).isEqualTo(key);
        assertThat(trail.path("processInstances")).extracting(node -> node.path("process").asText())
                .containsExactly(AuditProbe.PROCESS, "promise");
        List<JsonNode> entries = list(trail.path("entries"));

        assertThat(one(entries, "PROCESS_STARTED", AuditProbe.PROCESS).path("user").asText()).isEqualTo("agent");
        JsonNode decision = one(entries, "DECISION", AuditProbe.PROCESS);
        assertThat(decision.at("/details/inputs/Service profile").asText()).isEqualTo("VIP");
        assertThat(decision.at("/details/matchedRules/Rule_Vip/priority").asText()).isEqualTo("P1");
        assertThat(one(entries, "INCIDENT_CREATED", AuditProbe.PROCESS).path("activity").asText())
                .isEqualTo("Task_MayFail");
        assertThat(one(entries, "INCIDENT_ENDED", AuditProbe.PROCESS).at("/details/resolved").asBoolean()).isTrue();
        assertThat(entries).anyMatch(entry -> is(entry, "USER_OPERATION") && entry.path("user").asText().equals("lead")
                && entry.at("/details/operation").asText().equals("SetJobRetries"));
        assertThat(entries).anyMatch(entry -> is(entry, "USER_OPERATION") && entry.path("user").asText().equals("tech")
                && entry.at("/details/property").asText().equals("dueDate"));
        assertThat(entries).anyMatch(entry -> is(entry, "TASK_ASSIGNMENT") && entry.path("user").asText().equals("lead")
                && entry.at("/details/userId").asText().equals("agent2"));
        assertThat(one(entries, "TASK_COMPLETED", "promise").path("user").asText()).isEqualTo("tech");
        assertThat(entries).anyMatch(entry -> is(entry, "FORM_DATA") && entry.path("user").asText().equals("tech")
                && entry.at("/details/variable").asText().equals("outcome")
                && entry.at("/details/value").asText().equals("kept"));
        assertThat(entries).anyMatch(entry -> is(entry, "VARIABLE_CHANGED")
                && entry.at("/details/variable").asText().equals("promiseText"));
        assertThat(entries).anyMatch(entry -> is(entry, "ACTIVITY_ENDED")
                && entry.path("activity").asText().equals("Task_KeepPromise") && entry.at("/details/durationMillis").isNumber());
        assertThat(entries).anyMatch(entry -> is(entry, "EMAIL_SENT") && entry.path("process").asText().equals("promise")
                && entry.at("/details/template").asText().equals("promise-kept")
                && entry.at("/details/messageId").asText().startsWith("<"));
        // As instants: a time on the exact second prints without its ".000" and would sort after ".001" as text.
        assertThat(entries).extracting(entry -> java.time.Instant.parse(entry.path("time").asText())).isSorted();
    }

    @Test
    void shouldGiveTheSameRowsAsCsvWithChineseTextIntact() throws Exception {
        driveTheProbeRequest();
        int rows = json.readTree(get("auditor", "/api/audit/requests/" + key).getBody()).path("entries").size();

        ResponseEntity<byte[]> response = rest.withBasicAuth("auditor", "auditor")
                .getForEntity("/api/audit/requests/" + key + "?format=csv", byte[].class);

        assertThat(response.getHeaders().getContentType().toString()).startsWith("text/csv").contains("UTF-8");
        String csv = new String(response.getBody(), StandardCharsets.UTF_8);
        assertThat(csv).startsWith("time,kind,process,processInstanceId,activity,user,summary,details\r\n");
        assertThat(csv).contains("把新的备份计划发给客户").contains(",FORM_DATA,promise,");
        assertThat(AuditCsv.quoted("a \"quoted\", text")).isEqualTo("\"a \"\"quoted\"\", text\"");
        assertThat(csv.split("\r\n(?=\\d{4}-)")).hasSize(rows + 1);
    }

    @Test
    void shouldPrintTheTrailAsAPageAndAsPdf() throws IOException {
        driveTheProbeRequest();

        ResponseEntity<String> page = get("lead", "/api/audit/requests/" + key + "/report");
        assertThat(page.getHeaders().getContentType().isCompatibleWith(MediaType.TEXT_HTML)).isTrue();
        assertThat(page.getBody()).contains("Audit trail of request " + key).contains("Timeline")
                .contains("Priority of a probe").contains("把新的备份计划发给客户");

        HttpHeaders headers = new HttpHeaders();
        headers.setAccept(List.of(MediaType.APPLICATION_PDF));
        ResponseEntity<byte[]> pdf = rest.withBasicAuth("auditor", "auditor").exchange(
                "/api/audit/requests/" + key + "/report", HttpMethod.GET, new HttpEntity<>(headers), byte[].class);
        assertThat(pdf.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
        try (PDDocument document = Loader.loadPDF(pdf.getBody())) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains(key).contains("Timeline").contains("Task completed: Keep the promise")
                    .contains("把新的备份计划发给客户");
            java.nio.file.Files.createDirectories(java.nio.file.Path.of("target", "audit-report"));
            java.nio.file.Files.writeString(java.nio.file.Path.of("target", "audit-report", "report.txt"), text);
            assertThat(text).as("A4 with page numbers").contains("Page 1 of " + document.getNumberOfPages());
            assertThat(document.getPage(0).getMediaBox().getWidth()).isCloseTo(595f, org.assertj.core.data.Offset.offset(2f));
            assertThat(text).as("the heading").contains("Customer").contains("Outcome").contains("completed on ");
            assertThat(text.lines().filter(line -> line.strip().length() > 0 && line.strip().length() <= 3).count())
                    .as("no column squeezed to a few characters a line").isLessThanOrEqualTo(2);
            assertThat(text).as("process and step names whole on one line").contains("Audit probe\n")
                    .contains("A step that may fail");
        }
    }

    /**
     * The page tells the request for a person: names, not ids; people by name and group; one
     * named zone; values in words, no Java map; each e-mail's full text, sent and received; the
     * steps' own writes only in the detailed view.
     */
    @Test
    void shouldTellTheRequestAsAStoryAPersonCanRead() throws Exception {
        driveTheProbeRequest();
        String reply = "您好，备份计划已收到。\nThanks, we got the schedule & it looks right.\n\n> 新的备份计划已发送";
        jdbc.sql("""
                INSERT INTO inbound_message (message_id, received_at, from_address, subject, size_bytes, request_key,
                    customer_id, disposition, sender_mismatch, raw_text, reply_text)
                VALUES (?, ?, 'ops@yunfan.example.cn', ?, 100, ?, 2, 'REPLY_CORRELATED', FALSE, ?, ?)""")
                .params("<" + key + "-reply@yunfan.example.cn>", new java.sql.Timestamp(System.currentTimeMillis()),
                        "Re: [" + key + "] 已完成", key, reply, "您好，备份计划已收到。")
                .update();

        String page = org.springframework.web.util.HtmlUtils.htmlUnescape(get("auditor",
                "/api/audit/requests/" + key + "/report").getBody());

        List<String> ids = new java.util.ArrayList<>();
        historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(key).list().forEach(instance ->
                repositoryService.getBpmnModelInstance(instance.getProcessDefinitionId())
                        .getModelElementsByType(org.camunda.bpm.model.bpmn.instance.FlowElement.class)
                        .forEach(element -> ids.add(element.getId())));
        ids.addAll(List.of(AuditProbe.PROCESS, AuditProbe.DECISION, "Rule_Vip"));
        assertThat(ids).contains("Task_MayFail", "Task_KeepPromise");
        assertThat(ids).allSatisfy(id -> assertThat(page).as("element id " + id).doesNotContain(id));
        assertThat(page).as("no Java map dumps").doesNotContainPattern("\\{[A-Za-z]+=")
                .doesNotContainPattern("[A-Z][a-z]{2} [A-Z][a-z]{2} \\d{2} \\d{2}:\\d{2}:\\d{2} [A-Z]{3,4} \\d{4}")
                .as("no ISO instants: every time in the one zone").doesNotContainPattern("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}")
                .contains("Every time is in China Standard Time (Asia/Shanghai, UTC+8).");
        assertThat(page).contains("A step that may fail", "Keep the promise", "Audit probe")
                .contains("Sarah Lee (Team leads)", "Wang Qiang (Tech (second line))", "Li Na (Agents (first line))")
                .contains("Decided Priority of a probe: priority = P1 (rule 1 of 2)", "given Service profile = VIP")
                .contains("Entered: outcome = kept")
                .as("the decision's result is the step's, not the agent's").doesNotContain("Entered: priority = P1")
                .contains("Retried the failed step: retries 0 → 1")
                .containsPattern("Changed the task: due date \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2} → \\d{4}-")
                .contains("E-mail received from ops@yunfan.example.cn");
        List<String> sent = jdbc.sql("SELECT body_text FROM customer_message WHERE request_key = ?").param(key)
                .query(String.class).list();
        assertThat(sent).isNotEmpty();
        String flat = page.replaceAll("\\s+", " ");
        for (String text : sent) {
            assertThat(flat).as("the full text as sent").contains(text.replaceAll("\\s+", " ").trim());
        }
        assertThat(flat).contains(reply.replaceAll("\\s+", " "));
        assertThat(page).doesNotContain("Recorded: promiseText").contains("values written by steps");

        keepForTheDocs(key);

        String detailed = org.springframework.web.util.HtmlUtils.htmlUnescape(get("auditor",
                "/api/audit/requests/" + key + "/report?detailed=true").getBody());
        assertThat(detailed).contains("Recorded: promiseText = 把新的备份计划发给客户").contains("Detailed view");
        assertThat(ids).allSatisfy(id -> assertThat(detailed).as("element id " + id).doesNotContain(id));
        JsonNode trail = json.readTree(get("auditor", "/api/audit/requests/" + key).getBody());
        assertThat(list(trail.path("entries"))).anyMatch(entry -> is(entry, "VARIABLE_CHANGED"))
                .anyMatch(entry -> is(entry, "ACTIVITY_STARTED"))
                .anyMatch(entry -> is(entry, "EMAIL_RECEIVED") && entry.at("/details/text").asText().equals(reply));
    }

    /** A decision's result map or a JSON object is shown as stored (found by the browser tests: it was a 500). */
    @Test
    void shouldShowObjectVariablesAsStored() {
        ResponseEntity<String> started = post("agent", "/engine-rest/process-definition/key/" + AuditProbe.PROCESS + "/start",
                """
                {"businessKey":"%s","variables":{
                  "profile":{"value":"VIP"},"shouldFail":{"value":false,"type":"Boolean"},
                  "customerId":{"value":2,"type":"Long"},"requestKey":{"value":"%s"},
                  "diagnosis":{"value":"{\\"faultResponsibility\\":\\"unknown\\"}","type":"Object",
                    "valueInfo":{"objectTypeName":"java.util.HashMap","serializationDataFormat":"application/json"}}}}"""
                        .formatted(key, key));
        assertThat(started.getStatusCode()).as(started.getBody()).isEqualTo(HttpStatus.OK);

        ResponseEntity<String> page = get("auditor", "/api/audit/requests/" + key + "/report");
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(page.getBody()).contains("diagnosis = {").contains("faultResponsibility");
        assertThat(get("auditor", "/api/audit/requests/" + key).getBody()).contains("faultResponsibility");
    }

    /**
     * Each export carries the SHA-256 of exactly its bytes (computed here independently), the
     * system can say later that it produced them, and a changed trail has another digest.
     */
    @Test
    void shouldSealEveryExportWithTheSha256OfItsBytes() throws Exception {
        ResponseEntity<String> started = post("agent", "/engine-rest/process-definition/key/" + AuditProbe.PROCESS + "/start",
                """
                {"businessKey":"%s","variables":{"profile":{"value":"VIP"},"shouldFail":{"value":false,"type":"Boolean"},
                  "customerId":{"value":2,"type":"Long"},"requestKey":{"value":"%s"}}}""".formatted(key, key));
        assertThat(started.getStatusCode()).as(started.getBody()).isEqualTo(HttpStatus.OK);
        String path = "/api/audit/requests/" + key;
        HttpHeaders pdf = new HttpHeaders();
        pdf.setAccept(List.of(MediaType.APPLICATION_PDF));

        List<String> digests = new java.util.ArrayList<>();
        for (var export : List.of(List.of(path, "json"), List.of(path + "?format=csv", "csv"),
                List.of(path + "/report", "html"), List.of(path + "/report", "pdf"))) {
            ResponseEntity<byte[]> response = rest.withBasicAuth("auditor", "auditor").exchange(export.get(0),
                    HttpMethod.GET, new HttpEntity<>(export.get(1).equals("pdf") ? pdf : new HttpHeaders()), byte[].class);
            assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
            byte[] sha256 = java.security.MessageDigest.getInstance("SHA-256").digest(response.getBody());
            String hex = java.util.HexFormat.of().formatHex(sha256);
            assertThat(response.getHeaders().getFirst("Repr-Digest")).as(export.get(1))
                    .isEqualTo("sha-256=:" + java.util.Base64.getEncoder().encodeToString(sha256) + ":");
            assertThat(response.getHeaders().getFirst("X-Audit-SHA256")).isEqualTo(hex);
            JsonNode found = json.readTree(get("lead", "/api/audit/exports/" + hex.toUpperCase()).getBody());
            assertThat(found.path(0).path("requestKey").asText()).isEqualTo(key);
            assertThat(found.path(0).path("format").asText()).isEqualTo(export.get(1));
            assertThat(found.path(0).path("exportedBy").asText()).isEqualTo("auditor");
            assertThat(found.path(0).path("bytes").asLong()).isEqualTo(response.getBody().length);
            digests.add(hex);
        }
        assertThat(digests).doesNotHaveDuplicates();

        runtimeService.setVariable(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(key)
                .singleResult().getId(), "note", "changed after the first export");
        ResponseEntity<byte[]> changed = rest.withBasicAuth("auditor", "auditor").getForEntity(path, byte[].class);
        assertThat(new String(changed.getBody(), StandardCharsets.UTF_8)).contains("changed after the first export");
        assertThat(changed.getHeaders().getFirst("X-Audit-SHA256")).isNotEqualTo(digests.get(0));
        assertThat(get("auditor", "/api/audit/exports/" + digests.get(0)).getStatusCode()).isEqualTo(HttpStatus.OK);

        assertThat(get("auditor", "/api/audit/exports/" + "0".repeat(64)).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        ResponseEntity<String> bad = get("auditor", "/api/audit/exports/not-a-digest");
        assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(bad.getBody()).contains("sha256");
        assertThat(get("agent", "/api/audit/exports/" + digests.get(0)).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void shouldLetOnlyAuditorsAndLeadsReadAndNobodyWrite() {
        driveTheProbeRequest();
        String path = "/api/audit/requests/" + key;

        assertThat(get("auditor", path).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(get("lead", path).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(get("agent", path).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(get("tech", path + "/report").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(get("agent", "/api/audit/requests").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(rest.getForEntity(path, String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        for (HttpMethod write : List.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.DELETE, HttpMethod.PATCH)) {
            assertThat(rest.withBasicAuth("auditor", "auditor").exchange(path, write, null, String.class)
                    .getStatusCode()).as(write.name()).isEqualTo(HttpStatus.METHOD_NOT_ALLOWED);
        }
        assertThat(get("auditor", "/api/audit/requests/REQ-2099-000000").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(get("auditor", "/api/audit/requests/not%20a%20key").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        ResponseEntity<String> bothBad = get("auditor", "/api/audit/requests/not%20a%20key?format=xml");
        assertThat(bothBad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(bothBad.getBody()).contains("\"key\"").contains("\"format\"");
    }

    @Test
    void shouldFindRequestsFinishedOrOpenPaged() throws Exception {
        driveTheProbeRequest();

        JsonNode found = json.readTree(get("auditor",
                "/api/audit/requests?process=" + AuditProbe.PROCESS + "&outcome=completed&customerId=2&size=100").getBody());
        assertThat(found.path("items")).extracting(item -> item.path("key").asText()).contains(key);
        assertThat(found.path("total").asLong()).isGreaterThanOrEqualTo(1);
        JsonNode open = json.readTree(get("auditor",
                "/api/audit/requests?process=" + AuditProbe.PROCESS + "&outcome=open&size=100").getBody());
        assertThat(open.path("items")).extracting(item -> item.path("key").asText()).doesNotContain(key);
        ResponseEntity<String> bad = get("auditor", "/api/audit/requests?outcome=maybe");
        assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(bad.getBody()).contains("outcome");
    }

    @Test
    void shouldKeepHistoryForTheRetentionOfItsProcess() {
        driveTheProbeRequest();

        var probe = historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(key)
                .processDefinitionKey(AuditProbe.PROCESS).singleResult();
        assertThat(repositoryService.getProcessDefinition(probe.getProcessDefinitionId()).getHistoryTimeToLive())
                .as("promise-desk.audit.history-time-to-live overrides the model's 30 days").isEqualTo(90);
        assertThat(probe.getRemovalTime()).isEqualTo(new Date(probe.getEndTime().getTime() + 90L * 86_400_000L));
        assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey("promise").latestVersion()
                .singleResult().getHistoryTimeToLive()).as("application.yaml's default, five years").isEqualTo(1825);
    }

    @Test
    void shouldShowARefusalWithAnAppealDecidedByALead() throws Exception {
        ResponseEntity<String> started = post("agent", "/engine-rest/process-definition/key/refusal/start", """
                {"businessKey":"%s","variables":{"requestKey":{"value":"%s"},"customerId":{"value":2,"type":"Long"},
                  "requestSummary":{"value":"给开发人员开放共享主机的 root 权限"}}}""".formatted(key, key));
        assertThat(started.getStatusCode()).isEqualTo(HttpStatus.OK);
        executeJobsOf(key);
        submit("agent", "Task_DraftRefusal", """
                {"reasonCategory":{"value":"technically-unsafe"},
                 "explanation":{"value":"共享主机上的 root 权限会让同一台服务器上的其他客户暴露在风险之中。"},
                 "alternative":{"value":"我们可以为您调整内核参数。"},"referral":{"value":""}}""");
        String review = task("Task_ReviewRefusal").getId();
        assertThat(post("lead", "/engine-rest/task/" + review + "/claim", "{\"userId\":\"lead\"}").getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        submit("lead", "Task_ReviewRefusal", "{\"reviewDecision\":{\"value\":\"approve\"},\"reviewComments\":{\"value\":\"\"}}");
        executeJobsOf(key);
        runtimeService.createMessageCorrelation("CustomerReplied").processInstanceBusinessKey(key)
                .setVariable("replyText", "我们申诉：开发人员需要 root 权限。").setVariable("replyFrom", "ops@yunfan.example.cn")
                .setVariable("replyMessageId", "<" + key + "@yunfan.example.cn>").setVariable("replyFromCustomer", true)
                .correlateAllWithResult();
        submit("agent", "Task_ReadReply", "{\"customerAnswer\":{\"value\":\"appeal\"},\"answerNote\":{\"value\":\"客户来信申诉：开发人员需要 root 权限调优内核。\"}}");
        submit("lead", "Task_DecideAppeal", """
                {"appealDecision":{"value":"uphold"},
                 "appealAnswer":{"value":"共享主机的 root 权限会危及其他客户；我们的决定不变，但可以为您调整内核参数。"}}""");
        executeJobsOf(key);

        JsonNode trail = json.readTree(get("auditor", "/api/audit/requests/" + key).getBody());
        List<JsonNode> entries = list(trail.path("entries"));
        assertThat(one(entries, "PROCESS_ENDED", "refusal").at("/details/state").asText()).isEqualTo("COMPLETED");
        assertThat(one(entries, "DECISION", "refusal").at("/details/decision").asText()).isEqualTo("refusal-review");
        assertThat(entries).anyMatch(entry -> is(entry, "FORM_DATA") && entry.path("user").asText().equals("agent")
                && entry.at("/details/variable").asText().equals("explanation"));
        assertThat(entries).anyMatch(entry -> is(entry, "TASK_ASSIGNMENT") && entry.path("user").asText().equals("lead")
                && entry.path("activity").asText().equals("Task_ReviewRefusal"));
        assertThat(entries).anyMatch(entry -> is(entry, "TASK_COMPLETED") && entry.path("user").asText().equals("lead")
                && entry.path("activity").asText().equals("Task_DecideAppeal"));
        assertThat(entries).anyMatch(entry -> is(entry, "FORM_DATA") && entry.path("user").asText().equals("lead")
                && entry.at("/details/variable").asText().equals("appealDecision")
                && entry.at("/details/value").asText().equals("uphold"));
        assertThat(entries).anyMatch(entry -> is(entry, "VARIABLE_CHANGED")
                && entry.at("/details/variable").asText().equals("replyText"));
        assertThat(entries).filteredOn(entry -> is(entry, "EMAIL_SENT"))
                .extracting(entry -> entry.at("/details/template").asText())
                .containsExactly("refusal-letter", "refusal-upheld");

        String csv = new String(rest.withBasicAuth("auditor", "auditor")
                .getForEntity("/api/audit/requests/" + key + "?format=csv", byte[].class).getBody(), StandardCharsets.UTF_8);
        assertThat(csv.split("\r\n(?=\\d{4}-)")).hasSize(entries.size() + 1);
        assertThat(csv).contains("共享主机上的 root 权限").contains(",DECISION,refusal,").contains(",EMAIL_SENT,refusal,");
    }

    /** The page and the PDF's first page as an image under target/audit-report, for docs/audit.md. */
    private void keepForTheDocs(String requestKey) throws IOException {
        java.nio.file.Path folder = java.nio.file.Path.of("target", "audit-report");
        java.nio.file.Files.createDirectories(folder);
        java.nio.file.Files.writeString(folder.resolve("report.html"),
                get("auditor", "/api/audit/requests/" + requestKey + "/report").getBody());
        HttpHeaders headers = new HttpHeaders();
        headers.setAccept(List.of(MediaType.APPLICATION_PDF));
        byte[] pdf = rest.withBasicAuth("auditor", "auditor").exchange("/api/audit/requests/" + requestKey + "/report",
                HttpMethod.GET, new HttpEntity<>(headers), byte[].class).getBody();
        java.nio.file.Files.write(folder.resolve("report.pdf"), pdf);
        try (PDDocument document = Loader.loadPDF(pdf)) {
            javax.imageio.ImageIO.write(new org.apache.pdfbox.rendering.PDFRenderer(document).renderImageWithDPI(0, 80),
                    "png", folder.resolve("report-page-1.png").toFile());
        }
    }

    private Task task(String taskKey) {
        return taskService.createTaskQuery().processInstanceBusinessKey(key).taskDefinitionKey(taskKey).singleResult();
    }

    private void submit(String user, String taskKey, String variables) {
        ResponseEntity<String> response = post(user, "/engine-rest/task/" + task(taskKey).getId() + "/submit-form",
                "{\"variables\":" + variables + "}");
        assertThat(response.getStatusCode()).as(taskKey + ": " + response.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
        executeJobsOf(key);
    }

    /** agent starts it; lead retries a failed step; lead reassigns the promise and back; tech moves the due date and completes. */
    private void driveTheProbeRequest() {
        ResponseEntity<String> started = post("agent", "/engine-rest/process-definition/key/" + AuditProbe.PROCESS + "/start",
                """
                {"businessKey":"%s","variables":{
                  "profile":{"value":"VIP"},"shouldFail":{"value":true,"type":"Boolean"},
                  "customerId":{"value":2,"type":"Long"},"requestKey":{"value":"%s"},
                  "promiseText":{"value":"把新的备份计划发给客户 (send the new backup schedule)"},
                  "owner":{"value":"tech"},
                  "dueDate":{"value":"2099-01-01T10:00:00.000+0000","type":"Date"}}}""".formatted(key, key));
        assertThat(started.getStatusCode()).isEqualTo(HttpStatus.OK);
        String instanceId = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(key)
                .processDefinitionKey(AuditProbe.PROCESS).singleResult().getId();

        Job failing = managementService.createJobQuery().processInstanceId(instanceId).singleResult();
        try {
            managementService.executeJob(failing.getId());
        } catch (RuntimeException expected) {
            // the step fails; the engine would retry it on its schedule
        }
        managementService.setJobRetries(failing.getId(), 0); // its retries run out: an incident
        runtimeService.setVariable(instanceId, "shouldFail", false);
        as("lead", () -> managementService.setJobRetries(failing.getId(), 1));
        managementService.executeJob(failing.getId());
        executeJobsOf(key);

        Task owners = taskService.createTaskQuery().processInstanceBusinessKey(key).taskDefinitionKey("Task_KeepPromise")
                .singleResult();
        as("lead", () -> taskService.setAssignee(owners.getId(), "agent2"));
        as("lead", () -> taskService.setAssignee(owners.getId(), "tech"));
        as("tech", () -> {
            Task task = taskService.createTaskQuery().taskId(owners.getId()).singleResult();
            task.setDueDate(new Date(task.getDueDate().getTime() + 86_400_000L));
            taskService.saveTask(task);
        });
        ResponseEntity<String> completed = post("tech", "/engine-rest/task/" + owners.getId() + "/submit-form", """
                {"variables":{"outcome":{"value":"kept"},
                  "resultText":{"value":"新的备份计划已发送到您的邮箱。The new schedule is in your inbox."}}}""");
        assertThat(completed.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        executeJobsOf(key);
        assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(key).unfinished()
                .count()).as("the request has ended").isZero();
    }

    private void executeJobsOf(String businessKey) {
        for (int round = 0; round < 20; round++) {
            List<Job> due = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(businessKey).list()
                    .stream()
                    .flatMap(instance -> managementService.createJobQuery().processInstanceId(instance.getId())
                            .executable().list().stream())
                    .filter(job -> job.getDuedate() == null || !job.getDuedate().after(new Date()))
                    .toList();
            if (due.isEmpty()) {
                return;
            }
            due.forEach(job -> managementService.executeJob(job.getId()));
        }
    }

    private void as(String user, Runnable action) {
        List<String> groups = identityService.createGroupQuery().groupMember(user).list().stream()
                .map(group -> group.getId()).toList();
        identityService.setAuthentication(user, groups);
        try {
            action.run();
        } finally {
            identityService.clearAuthentication();
        }
    }

    private ResponseEntity<String> get(String user, String path) {
        return rest.withBasicAuth(user, user).getForEntity(path, String.class);
    }

    private ResponseEntity<String> post(String user, String path, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return rest.withBasicAuth(user, user).postForEntity(path, new HttpEntity<>(body, headers), String.class);
    }

    private static List<JsonNode> list(JsonNode array) {
        List<JsonNode> list = new java.util.ArrayList<>();
        array.forEach(list::add);
        return list;
    }

    private static boolean is(JsonNode entry, String kind) {
        return entry.path("kind").asText().equals(kind);
    }

    private static JsonNode one(List<JsonNode> entries, String kind, String process) {
        List<JsonNode> matching = entries.stream()
                .filter(entry -> is(entry, kind) && entry.path("process").asText().equals(process)).toList();
        assertThat(matching).as("%s in %s", kind, process).hasSize(1);
        return matching.get(0);
    }

}

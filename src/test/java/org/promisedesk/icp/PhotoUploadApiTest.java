package org.promisedesk.icp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.promisedesk.icp.IcpFilingProcess.FILING_ID;
import static org.promisedesk.icp.IcpFilingProcess.PROCESS_ID;
import static org.promisedesk.icp.IcpFilingProcess.REVIEW_APPROVE;
import static org.promisedesk.icp.IcpFilingProcess.REVIEW_DECISION;
import static org.promisedesk.icp.IcpFilingProcess.TASK_ASK_FOR_PHOTO;
import static org.promisedesk.icp.IcpFilingProcess.TASK_AWAIT_PHOTO;
import static org.promisedesk.icp.IcpFilingProcess.TASK_CHECK_PHOTO;
import static org.promisedesk.icp.IcpFilingProcess.TASK_REVIEW_MATERIALS;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.promisedesk.icp.IcpFixtures.TestCustomer;
import org.promisedesk.platform.EngineTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import com.fasterxml.jackson.databind.JsonNode;

/** {@code POST /api/icp-filings/{id}/photo} as an agent does it, over HTTP with the demo users. */
@EngineTest
class PhotoUploadApiTest {

    private static final Instant NOW = Instant.parse("2026-11-20T01:00:00Z");
    private static final AtomicInteger KEYS = new AtomicInteger();

    @Autowired TestRestTemplate anonymous;
    @Autowired ProcessEngine processEngine;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired JdbcClient jdbc;

    private final List<String> started = new ArrayList<>();
    private final List<TestCustomer> customers = new ArrayList<>();

    @BeforeEach
    void setUp() {
        BpmnAwareTests.init(processEngine);
        ClockUtil.setCurrentTime(Date.from(NOW));
    }

    @AfterEach
    void tearDown() {
        ClockUtil.reset();
        started.forEach(id -> runtimeService.deleteProcessInstanceIfExists(id, "test over", false, true, true, false));
        customers.forEach(customer -> IcpFixtures.remove(jdbc, customer));
    }

    @Test
    void shouldStoreTheAgentsUploadAndMoveTheFilingOnToTheCheck() {
        ProcessInstance filing = filingWaitingForPhoto();
        long filingId = filingId(filing);
        byte[] photo = IcpFixtures.jpeg(3 * 1024 * 1024); // above Spring's own 1 MB default

        ResponseEntity<JsonNode> response = upload("agent", filingId, photo, "face.jpg", MediaType.IMAGE_JPEG);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(response.getHeaders().getLocation()).hasToString("/api/icp-filings/" + filingId + "/photo");
        JsonNode receipt = response.getBody();
        assertThat(receipt.get("filingId").asLong()).isEqualTo(filingId);
        assertThat(receipt.get("contentType").asText()).isEqualTo("image/jpeg");
        assertThat(receipt.get("sizeBytes").asInt()).isEqualTo(3 * 1024 * 1024);
        assertThat(receipt.get("sha256").asText()).isEqualTo(Photos.sha256(photo));
        assertThat(receipt.get("receivedBy").asText()).isEqualTo("agent");
        assertThat(receipt.get("receivedAt").asText()).isEqualTo("2026-11-20T01:00:00Z");
        assertThat(receipt.get("filingContinued").asBoolean()).isTrue();
        assertThat(filing).isWaitingAt(TASK_CHECK_PHOTO);

        ResponseEntity<byte[]> shown = anonymous.withBasicAuth("agent", "agent")
                .getForEntity("/api/icp-filings/" + filingId + "/photo", byte[].class);
        assertThat(shown.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(shown.getHeaders().getContentType()).isEqualTo(MediaType.IMAGE_JPEG);
        assertThat(shown.getHeaders().getFirst("X-Received-By")).isEqualTo("agent");
        assertThat(shown.getBody()).isEqualTo(photo);
        assertThat(anonymous.withBasicAuth("auditor", "auditor")
                .getForEntity("/api/icp-filings/" + filingId + "/photo", byte[].class).getStatusCode())
                .as("auditors read").isEqualTo(HttpStatus.OK);
    }

    @Test
    void shouldRefuseWhatIsNoUsablePhotoAndLeaveTheFilingWaiting() {
        ProcessInstance filing = filingWaitingForPhoto();
        long filingId = filingId(filing);

        assertProblem(upload("agent", filingId, PhotoRulesTest.PNG, "face.jpg", MediaType.IMAGE_JPEG),
                HttpStatus.UNSUPPORTED_MEDIA_TYPE, "not an image/jpeg image");
        assertProblem(upload("agent", filingId, IcpFixtures.jpeg(100), "face.gif", MediaType.IMAGE_GIF),
                HttpStatus.UNSUPPORTED_MEDIA_TYPE, "only image/jpeg and image/png");
        assertProblem(upload("agent", filingId, "%PDF-1.7 scan".getBytes(), "id.pdf", MediaType.APPLICATION_PDF),
                HttpStatus.UNSUPPORTED_MEDIA_TYPE, "only image/jpeg and image/png");
        assertProblem(upload("agent", filingId, new byte[0], "face.jpg", MediaType.IMAGE_JPEG),
                HttpStatus.BAD_REQUEST, "empty");
        ResponseEntity<JsonNode> tooLarge = upload("agent", filingId, IcpFixtures.jpeg(5 * 1024 * 1024 + 1024),
                "face.jpg", MediaType.IMAGE_JPEG);
        assertThat(tooLarge.getStatusCode()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
        assertThat(tooLarge.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);

        assertThat(filing).isWaitingAt(TASK_AWAIT_PHOTO);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM icp_photo WHERE filing_id = :id").param("id", filingId)
                .query(Long.class).single()).isZero();
    }

    @Test
    void shouldRefuseAnUploadTheFilingDoesNotWaitFor() {
        TestCustomer customer = customer();
        ProcessInstance atReview = start(customer);

        assertProblem(upload("agent", filingId(atReview), IcpFixtures.jpeg(100), "face.jpg", MediaType.IMAGE_JPEG),
                HttpStatus.CONFLICT, "is not waiting for a photo");
        assertProblem(upload("agent", 987_654_321L, IcpFixtures.jpeg(100), "face.jpg", MediaType.IMAGE_JPEG),
                HttpStatus.NOT_FOUND, "There is no ICP filing 987654321");
        ResponseEntity<JsonNode> none = anonymous.withBasicAuth("agent", "agent")
                .getForEntity("/api/icp-filings/" + filingId(atReview) + "/photo", JsonNode.class);
        assertProblem(none, HttpStatus.NOT_FOUND, "has no photo yet");
    }

    @Test
    void shouldLetOnlyAgentsAndLeadsUpload() {
        ProcessInstance filing = filingWaitingForPhoto();
        long filingId = filingId(filing);

        assertThat(upload(null, filingId, IcpFixtures.jpeg(100), "face.jpg", MediaType.IMAGE_JPEG).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertProblem(upload("tech", filingId, IcpFixtures.jpeg(100), "face.jpg", MediaType.IMAGE_JPEG),
                HttpStatus.FORBIDDEN, "Only agents, leads may upload");
        assertProblem(anonymous.withBasicAuth("sales", "sales")
                .getForEntity("/api/icp-filings/" + filingId + "/photo", JsonNode.class), HttpStatus.FORBIDDEN, "may see");
        assertThat(filing).isWaitingAt(TASK_AWAIT_PHOTO);

        assertThat(upload("lead", filingId, IcpFixtures.jpeg(100), "face.jpg", MediaType.IMAGE_JPEG).getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
    }

    // helpers

    private ResponseEntity<JsonNode> upload(String user, long filingId, byte[] content, String fileName,
            MediaType type) {
        HttpHeaders partHeaders = new HttpHeaders();
        partHeaders.setContentType(type);
        MultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
        body.add("photo", new HttpEntity<>(new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return fileName;
            }
        }, partHeaders));
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        TestRestTemplate client = user == null ? anonymous : anonymous.withBasicAuth(user, user);
        return client.exchange("/api/icp-filings/" + filingId + "/photo", HttpMethod.POST,
                new HttpEntity<>(body, headers), JsonNode.class);
    }

    private static void assertProblem(ResponseEntity<JsonNode> response, HttpStatus status, String detail) {
        assertThat(response.getStatusCode()).isEqualTo(status);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getBody().get("status").asInt()).isEqualTo(status.value());
        assertThat(response.getBody().get("detail").asText()).contains(detail);
    }

    private ProcessInstance filingWaitingForPhoto() {
        ProcessInstance filing = start(customer());
        taskService.complete(task(TASK_REVIEW_MATERIALS, filing).getId(), Map.of(REVIEW_DECISION, REVIEW_APPROVE));
        execute(job(TASK_ASK_FOR_PHOTO, filing));
        assertThat(filing).isWaitingAt(TASK_AWAIT_PHOTO);
        return filing;
    }

    private ProcessInstance start(TestCustomer customer) {
        String key = "REQ-2026-6%05d".formatted(KEYS.incrementAndGet());
        ProcessInstance filing = runtimeService.startProcessInstanceByKey(PROCESS_ID,
                IcpFixtures.materials(customer, key));
        started.add(filing.getId());
        return filing;
    }

    private TestCustomer customer() {
        TestCustomer customer = IcpFixtures.customer(jdbc, "zh-CN");
        customers.add(customer);
        return customer;
    }

    private long filingId(ProcessInstance filing) {
        return ((Number) runtimeService.getVariable(filing.getId(), FILING_ID)).longValue();
    }
}

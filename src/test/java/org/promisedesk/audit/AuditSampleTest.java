package org.promisedesk.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.promisedesk.platform.EngineTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The sample export (issue 21, item 3) over a few hundred finished requests: filtered by class,
 * customer, outcome and dates, as CSV and JSON, with or without each trail, written page by page
 * (the test context's page is 50 requests), and a 400 that names every bad parameter.
 */
@EngineTest
class AuditSampleTest {

    private static final String PROCESS = "Process_SampleProbe";
    private static final int REQUESTS = 300;
    private static final String SAMPLE = "/api/audit/sample?process=" + PROCESS;

    @Autowired TestRestTemplate rest;
    @Autowired RepositoryService repositoryService;
    @Autowired RuntimeService runtimeService;
    @Autowired AuditSample sample;
    @Autowired ObjectMapper json;

    /** 300 requests: even ones are faults of customer 7001, odd ones complaints of customer 7002. */
    @BeforeEach
    void aFewHundredRequests() {
        if (repositoryService.createProcessDefinitionQuery().processDefinitionKey(PROCESS).count() > 0) {
            return;
        }
        repositoryService.createDeployment().name("sample-probe").addModelInstance("sample-probe.bpmn",
                Bpmn.createExecutableProcess(PROCESS).name("Sample probe").camundaHistoryTimeToLive(30)
                        .startEvent("Event_Start").name("Request opened").endEvent("Event_End").name("Request closed")
                        .done())
                .deploy();
        for (int i = 0; i < REQUESTS; i++) {
            runtimeService.startProcessInstanceByKey(PROCESS, "REQ-2098-%06d".formatted(i), Map.of(
                    "requestClass", i % 2 == 0 ? "fault" : "complaint", "customerId", i % 2 == 0 ? 7001L : 7002L,
                    "priority", "P" + (1 + i % 3)));
        }
    }

    @Test
    void shouldExportEveryMatchingRequestAsCsvStreamed() {
        ResponseEntity<byte[]> all = rest.withBasicAuth("auditor", "auditor").getForEntity(SAMPLE, byte[].class);

        assertThat(all.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(all.getHeaders().getContentType().toString()).startsWith("text/csv");
        assertThat(all.getHeaders().getContentLength()).as("sent as it is written, not measured first").isEqualTo(-1);
        List<String> lines = List.of(new String(all.getBody(), StandardCharsets.UTF_8).split("\r\n"));
        assertThat(lines.get(0)).isEqualTo(String.join(",", AuditSample.REQUEST_HEADER));
        assertThat(lines).hasSize(REQUESTS + 1);
        assertThat(lines.subList(1, lines.size())).extracting(line -> line.split(",")[0]).doesNotHaveDuplicates()
                .startsWith("REQ-2098-000000", "REQ-2098-000001");
        assertThat(lines.get(1)).contains(",fault,7001,P1,COMPLETED,");
        String sha256 = org.promisedesk.platform.Digests.sha256Hex(all.getBody());
        JsonNode recorded = readTree(rest.withBasicAuth("auditor", "auditor")
                .getForEntity("/api/audit/exports/" + sha256, String.class).getBody());
        assertThat(recorded.path(0).path("sample").asText()).as("the system vouches for the file")
                .isEqualTo("process=" + PROCESS);
        assertThat(recorded.path(0).path("format").asText()).isEqualTo("csv");
        assertThat(recorded.path(0).path("bytes").asLong()).isEqualTo(all.getBody().length);

        assertThat(csvRows(SAMPLE + "&class=fault")).hasSize(REQUESTS / 2).allMatch(line -> line.contains(",fault,7001,"));
        assertThat(csvRows(SAMPLE + "&class=fault&customerId=7002")).isEmpty();
        assertThat(csvRows(SAMPLE + "&customerId=7002&outcome=completed")).hasSize(REQUESTS / 2);
        assertThat(csvRows(SAMPLE + "&outcome=open")).isEmpty();
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        assertThat(csvRows(SAMPLE + "&from=" + today + "&to=" + today)).hasSize(REQUESTS);
        assertThat(csvRows(SAMPLE + "&to=" + today.minusDays(1))).isEmpty();
    }

    @Test
    void shouldExportJsonWithEachRequestsTrailOnRequest() throws Exception {
        JsonNode requests = json.readTree(get("lead", SAMPLE + "&format=json").getBody());
        assertThat(requests.path("count").asInt()).isEqualTo(REQUESTS);
        assertThat(requests.path("requests")).hasSize(REQUESTS);
        assertThat(requests.at("/criteria/process").asText()).isEqualTo(PROCESS);
        assertThat(requests.at("/requests/1/requestClass").asText()).isEqualTo("complaint");
        assertThat(requests.at("/requests/1/customerId").asLong()).isEqualTo(7002);
        assertThat(requests.at("/requests/1/entries").isMissingNode()).isTrue();

        JsonNode withTrails = json.readTree(get("auditor", SAMPLE + "&format=json&trails=true&class=fault").getBody());
        assertThat(withTrails.path("requests")).hasSize(REQUESTS / 2).allSatisfy(request ->
                assertThat(request.path("entries")).extracting(entry -> entry.path("kind").asText())
                        .contains("PROCESS_STARTED", "PROCESS_ENDED"));

        String csv = new String(rest.withBasicAuth("auditor", "auditor")
                .getForEntity(SAMPLE + "&trails=true&customerId=7001", byte[].class).getBody(), StandardCharsets.UTF_8);
        assertThat(csv).startsWith("requestKey,time,kind,");
        assertThat(csv).contains("REQ-2098-000298,").doesNotContain("REQ-2098-000299,");
    }

    /** With 50 requests a page, 300 requests leave in 6 flushes, none holding more than its page. */
    @Test
    void shouldWriteThePagesOneAfterAnother() throws Exception {
        FlushCounter out = new FlushCounter();

        long written = sample.write(AuditSample.parse(Map.of("process", PROCESS)), out);

        assertThat(written).isEqualTo(REQUESTS);
        assertThat(out.flushedChunks).hasSizeGreaterThanOrEqualTo(REQUESTS / 50);
        assertThat(out.flushedChunks.stream().mapToLong(Long::longValue).max().orElseThrow())
                .as("no flush carries more than about a page").isLessThan(out.total / 4);
    }

    @Test
    void shouldNameEveryBadParameterAndLetOnlyAuditorsAndLeadsExport() throws Exception {
        ResponseEntity<String> bad = get("auditor", "/api/audit/sample?from=2026-13-01&to=soon&class=gossip"
                + "&customerId=-4&outcome=maybe&format=xml&trails=yes&colour=red");

        assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        JsonNode problem = json.readTree(bad.getBody());
        List<String> named = new ArrayList<>();
        problem.path("parameters").fieldNames().forEachRemaining(named::add);
        assertThat(named).containsExactlyInAnyOrder("from", "to", "class", "customerId", "outcome", "format", "trails",
                "colour");
        assertThat(get("auditor", "/api/audit/sample?from=2026-12-08&to=2026-12-01").getBody())
                .contains("must not be before from");
        assertThat(get("agent", SAMPLE).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(rest.getForEntity(SAMPLE, String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    private JsonNode readTree(String body) {
        try {
            return json.readTree(body);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The JDK's client asks for trailers: the digest arrives after the last byte, for those bytes. */
    @Test
    void shouldSendTheDigestOfTheSampleAsATrailer(@org.springframework.boot.test.web.server.LocalServerPort int port)
            throws Exception {
        java.net.Socket socket = new java.net.Socket("127.0.0.1", port);
        try (socket) {
            String auth = java.util.Base64.getEncoder().encodeToString("auditor:auditor".getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().write(("GET " + SAMPLE + "&class=complaint HTTP/1.1\r\nHost: localhost\r\n"
                    + "Authorization: Basic " + auth + "\r\nTE: trailers\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            String raw = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(raw).contains("Transfer-Encoding: chunked");
            String body = dechunk(raw.substring(raw.indexOf("\r\n\r\n") + 4));
            String trailers = raw.substring(raw.lastIndexOf("\r\n0\r\n") + 5);
            assertThat(trailers).containsIgnoringCase("X-Audit-SHA256: "
                    + org.promisedesk.platform.Digests.sha256Hex(body.getBytes(StandardCharsets.UTF_8)));
        }
    }

    /** The body of a chunked response (sizes in hex, each chunk then CRLF), without the trailers. */
    private static String dechunk(String chunked) {
        byte[] bytes = chunked.getBytes(StandardCharsets.UTF_8);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        int at = 0;
        while (true) {
            int lineEnd = indexOf(bytes, at);
            int size = Integer.parseInt(new String(bytes, at, lineEnd - at, StandardCharsets.US_ASCII).trim(), 16);
            if (size == 0) {
                return out.toString(StandardCharsets.UTF_8);
            }
            out.write(bytes, lineEnd + 2, size);
            at = lineEnd + 2 + size + 2;
        }
    }

    private static int indexOf(byte[] bytes, int from) {
        for (int i = from; i < bytes.length - 1; i++) {
            if (bytes[i] == '\r' && bytes[i + 1] == '\n') {
                return i;
            }
        }
        throw new IllegalStateException("no line end");
    }

    private List<String> csvRows(String path) {
        ResponseEntity<byte[]> response = rest.withBasicAuth("auditor", "auditor").getForEntity(path, byte[].class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        List<String> lines = List.of(new String(response.getBody(), StandardCharsets.UTF_8).split("\r\n"));
        return lines.subList(1, lines.size());
    }

    private ResponseEntity<String> get(String user, String path) {
        return rest.withBasicAuth(user, user).getForEntity(path, String.class);
    }

    /** Counts the bytes that arrive between flushes. */
    static final class FlushCounter extends OutputStream {
        final List<Long> flushedChunks = new ArrayList<>();
        long total;
        private long sinceFlush;

        @Override
        public void write(int b) {
            sinceFlush++;
            total++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            sinceFlush += len;
            total += len;
        }

        @Override
        public void flush() {
            if (sinceFlush > 0) {
                flushedChunks.add(sinceFlush);
                sinceFlush = 0;
            }
        }
    }
}

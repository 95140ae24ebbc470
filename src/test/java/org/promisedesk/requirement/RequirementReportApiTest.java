package org.promisedesk.requirement;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.promisedesk.platform.EngineTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * {@code GET /api/reports/requirements} over real HTTP. The decisions it counts are recorded in
 * March 2031 (Shanghai time), a month no other test decides anything in.
 */
@EngineTest
class RequirementReportApiTest {

    private static final String PATH = "/api/reports/requirements";
    private static boolean recorded;

    @Autowired private TestRestTemplate rest;
    @Autowired private RequirementDecisions decisions;
    @Autowired private ObjectMapper json;

    @BeforeEach
    void recordTenDecisions() {
        if (recorded) {
            return;
        }
        recorded = true;
        // architect: 7 refused, 2 scheduled, 1 done now — the rule of thumb exactly; 1 of them overridden
        for (int i = 0; i < 7; i++) {
            record("architect", 1L, "refuse-with-alternative", "refuse-with-alternative", "2031-03-0" + (i + 1) + "T02:00:00Z");
        }
        record("architect", 2L, "schedule", "accept-now", "2031-03-10T02:00:00Z");
        record("architect", 2L, "schedule", "schedule", "2031-03-11T02:00:00Z");
        record("architect", 4L, "accept-now", "accept-now", "2031-03-12T02:00:00Z");
        // demo: one referral, at 07:30 on 1 April in Shanghai — inside a report to 1 April, outside one to 31 March
        record("demo", 4L, "refer-to-sales", "refer-to-sales", "2031-03-31T23:30:00Z");
    }

    @Test
    void shouldCountAndShareEachDecisionAgainstTheRuleOfThumb() throws Exception {
        JsonNode report = ok("architect", PATH + "?from=2031-03-01&to=2031-03-31");

        assertThat(report.get("from").asText()).isEqualTo("2031-03-01");
        assertThat(report.get("to").asText()).isEqualTo("2031-03-31");
        JsonNode total = report.get("total");
        assertThat(total.get("decisions").asLong()).isEqualTo(10);
        assertThat(total.get("counts").get("refuse-with-alternative").asLong()).isEqualTo(7);
        assertThat(total.get("counts").get("schedule").asLong()).isEqualTo(2);
        assertThat(total.get("counts").get("accept-now").asLong()).isEqualTo(1);
        assertThat(total.get("counts").get("refer-to-sales").asLong()).isZero();
        assertThat(total.get("shares").get("refuse-with-alternative").decimalValue()).isEqualByComparingTo("0.70");
        assertThat(total.get("shares").get("schedule").decimalValue()).isEqualByComparingTo("0.20");
        assertThat(report.get("reference").get("refuse-with-alternative").decimalValue()).isEqualByComparingTo("0.70");
        assertThat(report.get("reference").get("accept-now").decimalValue()).isEqualByComparingTo("0.10");
        assertThat(report.get("overridden").asLong()).isEqualTo(1);
        assertThat(report.get("byArchitect")).hasSize(1);
        assertThat(report.get("byArchitect").get(0).get("key").asText()).isEqualTo("architect");
        assertThat(report.get("byCustomer")).extracting(node -> node.get("key").asText()).containsExactly("1", "2", "4");
        assertThat(report.get("byCustomer").get(1).get("counts").get("schedule").asLong()).isEqualTo(2);
        assertThat(report.get("byCustomer").get(1).get("shares").get("schedule").decimalValue()).isEqualByComparingTo("1.00");
    }

    @Test
    void shouldCountDaysInShanghaiTimeWithBothEndsIncluded() throws Exception {
        JsonNode report = ok("lead", PATH + "?from=2031-04-01&to=2031-04-01");

        assertThat(report.get("total").get("decisions").asLong()).isEqualTo(1);
        assertThat(report.get("byArchitect").get(0).get("key").asText()).isEqualTo("demo");
        assertThat(report.get("byCustomer").get(0).get("counts").get("refer-to-sales").asLong()).isEqualTo(1);
    }

    @Test
    void shouldAnswer400NamingTheParameterForABadDate() throws Exception {
        ResponseEntity<String> response = rest.withBasicAuth("architect", "architect")
                .getForEntity(PATH + "?from=2031-13-01&to=2031-03-31", String.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
        assertThat(response.getBody()).contains("from", "2031-13-01");
        assertThat(rest.withBasicAuth("architect", "architect")
                .getForEntity(PATH + "?from=2031-04-01&to=2031-03-01", String.class).getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @Test
    void shouldRefuseAnonymousAndUsersOutsideTheReadingGroups() {
        assertThat(rest.getForEntity(PATH, String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(rest.withBasicAuth("agent", "agent").getForEntity(PATH, String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(rest.withBasicAuth("auditor", "auditor").getForEntity(PATH, String.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
    }

    private void record(String architect, long customerId, String decision, String proposed, String at) {
        decisions.record(new RequirementDecisions.Decision("report-test-" + UUID.randomUUID(), "REQ-2031-000001",
                customerId, architect, proposed, decision, !decision.equals(proposed),
                decision.equals(proposed) ? null : "Reason for the override", Instant.parse(at)));
    }

    private JsonNode ok(String user, String path) throws Exception {
        ResponseEntity<String> response = rest.withBasicAuth(user, user).getForEntity(path, String.class);
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.OK);
        return json.readTree(response.getBody());
    }
}

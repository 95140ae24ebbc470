package org.promisedesk.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.promisedesk.fault.FaultEscalationProcess.DNS_DOES_NOT_RESOLVE;
import static org.promisedesk.fault.FaultEscalationProcess.DNS_NO_DOMAIN;
import static org.promisedesk.fault.FaultEscalationProcess.DNS_RESOLVES;
import static org.promisedesk.fault.FaultEscalationProcess.DNS_RESOLVES_ELSEWHERE;
import static org.promisedesk.fault.FaultEscalationProcess.DNS_RESOLVES_TO_US;
import static org.promisedesk.fault.FaultEscalationProcess.DNS_RESULT;
import static org.promisedesk.fault.FaultEscalationProcess.DOMAIN;
import static org.promisedesk.fault.FaultEscalationProcess.HTTP_CLIENT_ERROR;
import static org.promisedesk.fault.FaultEscalationProcess.HTTP_FORBIDDEN;
import static org.promisedesk.fault.FaultEscalationProcess.HTTP_NOT_FOUND;
import static org.promisedesk.fault.FaultEscalationProcess.HTTP_NO_ANSWER;
import static org.promisedesk.fault.FaultEscalationProcess.HTTP_OK;
import static org.promisedesk.fault.FaultEscalationProcess.HTTP_RESULT;
import static org.promisedesk.fault.FaultEscalationProcess.HTTP_SERVER_ERROR;
import static org.promisedesk.fault.FaultEscalationProcess.HTTP_STATUS;
import static org.promisedesk.fault.FaultEscalationProcess.IP_ADDRESS;
import static org.promisedesk.fault.FaultEscalationProcess.NOT_CHECKED;
import static org.promisedesk.fault.FaultEscalationProcess.OPEN_PORTS;
import static org.promisedesk.fault.FaultEscalationProcess.PROCESS_ID;
import static org.promisedesk.fault.FaultEscalationProcess.RESOLVED_ADDRESSES;
import static org.promisedesk.fault.FaultEscalationProcess.TASK_CHECK_DOMAIN_RESOLUTION;
import static org.promisedesk.fault.FaultEscalationProcess.TASK_CHECK_HTTP_STATUS;
import static org.promisedesk.fault.FaultEscalationProcess.TASK_CHECK_REACHABILITY;
import static org.promisedesk.fault.FaultEscalationProcess.TASK_DECIDE_RESPONSIBILITY;
import static org.promisedesk.fault.FaultEscalationProcess.TCP_NO_ADDRESS;
import static org.promisedesk.fault.FaultEscalationProcess.TCP_OPEN;
import static org.promisedesk.fault.FaultEscalationProcess.TCP_REFUSED;
import static org.promisedesk.fault.FaultEscalationProcess.TCP_RESULT;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.promisedesk.platform.EngineTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The three first-line checks against servers on loopback and a DNS responder the test controls
 * ({@link FaultTestNetwork}): what each finds, and that each runs as its own job and leaves its
 * result in the process.
 */
@EngineTest
class FaultChecksTest {

    private static final String SITE = "shop.fault-checks.example";
    private static final String ELSEWHERE = "moved.fault-checks.example";
    private static final String FORBIDDEN = "forbidden.fault-checks.example";
    private static final String MISSING = "missing.fault-checks.example";
    private static final String BROKEN = "broken.fault-checks.example";
    private static final String TEAPOT = "teapot.fault-checks.example";

    @Autowired private FaultSettings settings;
    @Autowired private CheckDomainResolution dns;
    @Autowired private CheckReachability reachability;
    @Autowired private CheckHttpStatus http;
    @Autowired private ProcessEngine processEngine;
    @Autowired private RuntimeService runtimeService;

    private final List<String> started = new ArrayList<>();

    @BeforeEach
    void setUp() {
        BpmnAwareTests.init(processEngine);
        FaultTestNetwork.start(settings);
        FaultTestNetwork.names.put(SITE, FaultTestNetwork.OUR_SERVER);
        FaultTestNetwork.names.put(ELSEWHERE, "192.0.2.99");
        FaultTestNetwork.statuses.put(FORBIDDEN, 403);
        FaultTestNetwork.statuses.put(MISSING, 404);
        FaultTestNetwork.statuses.put(BROKEN, 500);
        FaultTestNetwork.statuses.put(TEAPOT, 418);
    }

    @AfterEach
    void tearDown() {
        started.forEach(id -> runtimeService.deleteProcessInstanceIfExists(id, "test over", true, true, true, false));
    }

    @Test
    void shouldFindThatTheDomainResolvesToOurServer() {
        CheckDomainResolution.Result result = dns.check(SITE, FaultTestNetwork.OUR_SERVER);

        assertThat(result.outcome()).isEqualTo(DNS_RESOLVES_TO_US);
        assertThat(result.addresses()).containsExactly(FaultTestNetwork.OUR_SERVER);
    }

    @Test
    void shouldFindThatTheDomainPointsElsewhere() {
        CheckDomainResolution.Result result = dns.check(ELSEWHERE.toUpperCase(), FaultTestNetwork.OUR_SERVER);

        assertThat(result.outcome()).isEqualTo(DNS_RESOLVES_ELSEWHERE);
        assertThat(result.addresses()).containsExactly("192.0.2.99");
    }

    @Test
    void shouldFindThatAnUnknownDomainDoesNotResolve() {
        assertThat(dns.check("nowhere.fault-checks.example", FaultTestNetwork.OUR_SERVER).outcome())
                .isEqualTo(DNS_DOES_NOT_RESOLVE);
    }

    @Test
    void shouldSayResolvesWhenThereIsNoAddressOnRecordAndNoDomainWhenThereIsNoDomain() {
        assertThat(dns.check(SITE, null).outcome()).isEqualTo(DNS_RESOLVES);
        assertThat(dns.check(null, FaultTestNetwork.OUR_SERVER).outcome()).isEqualTo(DNS_NO_DOMAIN);
        assertThat(dns.check("  ", FaultTestNetwork.OUR_SERVER).outcome()).isEqualTo(DNS_NO_DOMAIN);
    }

    @Test
    void shouldFindAnOpenPortOnOurServer() {
        List<Integer> open = new ArrayList<>();

        assertThat(reachability.check(FaultTestNetwork.OUR_SERVER, open)).isEqualTo(TCP_OPEN);
        assertThat(open).containsExactly(settings.httpPort());
    }

    @Test
    void shouldFindAClosedPortRefused() {
        List<Integer> open = new ArrayList<>();

        assertThat(reachability.check(FaultTestNetwork.DEAD_SERVER, open)).isEqualTo(TCP_REFUSED);
        assertThat(open).isEmpty();
        assertThat(reachability.check(null, open)).isEqualTo(TCP_NO_ADDRESS);
    }

    @ParameterizedTest(name = "{0} → {1} {2}")
    @CsvSource({
            "shop.fault-checks.example, 200, " + HTTP_OK,
            "forbidden.fault-checks.example, 403, " + HTTP_FORBIDDEN,
            "missing.fault-checks.example, 404, " + HTTP_NOT_FOUND,
            "broken.fault-checks.example, 500, " + HTTP_SERVER_ERROR,
            "teapot.fault-checks.example, 418, " + HTTP_CLIENT_ERROR})
    void shouldReadTheStatusOurServerAnswersForTheDomain(String domain, int status, String result) {
        Integer answered = http.status(FaultTestNetwork.OUR_SERVER, domain);

        assertThat(answered).isEqualTo(status);
        assertThat(CheckHttpStatus.result(answered)).isEqualTo(result);
    }

    @Test
    void shouldSayNoAnswerWhenNothingListens() {
        Integer answered = http.status(FaultTestNetwork.DEAD_SERVER, SITE);

        assertThat(answered).isNull();
        assertThat(CheckHttpStatus.result(answered)).isEqualTo(HTTP_NO_ANSWER);
    }

    @Test
    void shouldRunEachCheckAsItsOwnJobAndKeepItsResult() {
        ProcessInstance instance = runtimeService.createProcessInstanceByKey(PROCESS_ID)
                .businessKey("REQ-2026-061001")
                .startBeforeActivity(TASK_CHECK_DOMAIN_RESOLUTION)
                .setVariables(Map.of(DOMAIN, FORBIDDEN, IP_ADDRESS, FaultTestNetwork.OUR_SERVER))
                .execute();
        started.add(instance.getId());
        FaultTestNetwork.names.put(FORBIDDEN, FaultTestNetwork.OUR_SERVER);

        assertThat(instance).isWaitingAt(TASK_CHECK_DOMAIN_RESOLUTION);
        execute(job(TASK_CHECK_DOMAIN_RESOLUTION, instance));
        assertThat(instance).isWaitingAt(TASK_CHECK_REACHABILITY).variables()
                .containsEntry(DNS_RESULT, DNS_RESOLVES_TO_US).containsEntry(RESOLVED_ADDRESSES, FaultTestNetwork.OUR_SERVER);
        execute(job(TASK_CHECK_REACHABILITY, instance));
        assertThat(instance).isWaitingAt(TASK_CHECK_HTTP_STATUS).variables()
                .containsEntry(TCP_RESULT, TCP_OPEN).containsEntry(OPEN_PORTS, String.valueOf(settings.httpPort()));
        execute(job(TASK_CHECK_HTTP_STATUS, instance));

        assertThat(instance).hasPassed(TASK_DECIDE_RESPONSIBILITY).variables()
                .containsEntry(HTTP_RESULT, HTTP_FORBIDDEN).containsEntry(HTTP_STATUS, 403);
    }

    @Test
    void shouldSkipTheHttpCheckWhenNoPortAnswered() {
        ProcessInstance instance = runtimeService.createProcessInstanceByKey(PROCESS_ID)
                .businessKey("REQ-2026-061002")
                .startBeforeActivity(TASK_CHECK_REACHABILITY)
                .setVariables(Map.of(DOMAIN, SITE, IP_ADDRESS, FaultTestNetwork.DEAD_SERVER, DNS_RESULT, DNS_RESOLVES_ELSEWHERE))
                .execute();
        started.add(instance.getId());

        execute(job(TASK_CHECK_REACHABILITY, instance));
        execute(job(TASK_CHECK_HTTP_STATUS, instance));

        assertThat(instance).hasPassed(TASK_DECIDE_RESPONSIBILITY).variables()
                .containsEntry(TCP_RESULT, TCP_REFUSED).containsEntry(HTTP_RESULT, NOT_CHECKED)
                .doesNotContainKey(HTTP_STATUS);
    }
}

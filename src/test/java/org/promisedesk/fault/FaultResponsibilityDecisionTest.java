package org.promisedesk.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.promisedesk.fault.FaultEscalationProcess.DECISION_RESPONSIBILITY;
import static org.promisedesk.fault.FaultEscalationProcess.DNS_RESULT;
import static org.promisedesk.fault.FaultEscalationProcess.EXPLANATION_KEY;
import static org.promisedesk.fault.FaultEscalationProcess.FAULT_RESPONSIBILITY;
import static org.promisedesk.fault.FaultEscalationProcess.HTTP_RESULT;
import static org.promisedesk.fault.FaultEscalationProcess.RESPONSIBILITIES;
import static org.promisedesk.fault.FaultEscalationProcess.SERVICE_TYPE;
import static org.promisedesk.fault.FaultEscalationProcess.TCP_RESULT;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.DecisionService;

import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.promisedesk.customer.ServiceType;
import org.promisedesk.platform.EngineTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The decision {@code fault-responsibility} on its own: service type and check results give the
 * responsibility and what the customer is told; the first matching rule decides.
 */
@EngineTest
class FaultResponsibilityDecisionTest {

    @Autowired
    private DecisionService decisionService;


    @ParameterizedTest(name = "{0}, dns {1}, tcp {2}, http {3} → {4} ({5})")
    @CsvSource({
            "VIRTUAL_HOST,     resolves-to-us,     open,       forbidden,    customer-application, no-index-document",
            "VIRTUAL_HOST,     resolves-to-us,     open,       not-found,    customer-application, missing-page",
            "CLOUD_VM,         resolves-to-us,     open,       server-error, customer-application, application-error",
            "DEDICATED_RENTAL, resolves-to-us,     open,       client-error, customer-application, client-error",
            "VIRTUAL_HOST,     resolves-to-us,     open,       ok,           third-party,          works-from-here",
            "VIRTUAL_HOST,     does-not-resolve,   open,       ok,           customer-dns,         dns-not-resolving",
            "CLOUD_VM,         resolves-elsewhere, open,       ok,           customer-dns,         dns-points-elsewhere",
            "VIRTUAL_HOST,     lookup-failed,      open,       ok,           unknown,              dns-lookup-failed",
            "VIRTUAL_HOST,     resolves-to-us,     timeout,    not-checked,  our-network,          server-unreachable",
            "DEDICATED_RENTAL, no-domain,          timeout,    not-checked,  our-network,          server-unreachable",
            "VIRTUAL_HOST,     resolves-to-us,     refused,    not-checked,  our-hardware,         web-service-down",
            "DEDICATED_RENTAL, resolves-to-us,     refused,    not-checked,  customer-application, web-service-not-running",
            "COLOCATION,       no-domain,          timeout,    not-checked,  unknown,              colocated-hardware",
            "COLOCATION,       no-domain,          refused,    not-checked,  customer-application, web-service-not-running",
            "DATABASE_SUPPORT, no-domain,          open,       ok,           unknown,              database",
            "DATABASE_SUPPORT, no-domain,          timeout,    not-checked,  unknown,              database",
            "DOMAIN,           does-not-resolve,   no-address, not-checked,  unknown,              domain-not-resolving",
            "DOMAIN,           resolves,           no-address, not-checked,  third-party,          domain-resolves",
            "CLOUD_VM,         resolves-to-us,     no-address, not-checked,  unknown,              no-address",
            "CLOUD_VM,         resolves-to-us,     open,       no-answer,    unknown,              unclear"})
    void shouldDecideWhoIsResponsible(String type, String dns, String tcp, String http, String responsibility,
            String explanation) {
        DmnDecisionTableResult result = decide(type, dns, tcp, http);

        assertThat(result.getFirstResult().<String>getEntry(FAULT_RESPONSIBILITY)).isEqualTo(responsibility);
        assertThat(result.getFirstResult().<String>getEntry(EXPLANATION_KEY)).isEqualTo(explanation);
    }

    @Test
    void shouldLeaveItToTechWhenNothingWasChecked() {
        DmnDecisionTableResult result = decide(null, "not-checked", "not-checked", "not-checked");

        assertThat(result.getSingleResult().<String>getEntry(FAULT_RESPONSIBILITY)).isEqualTo("unknown");
        assertThat(result.getSingleResult().<String>getEntry(EXPLANATION_KEY)).isEqualTo("not-checked");
    }

    /** Every combination of results, evaluated on the DMN engine alone (from the file: no history rows for a thousand cases). */
    @Test
    void shouldAlwaysGiveOneKnownResponsibility() throws IOException {
        DmnEngine dmnEngine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
        DmnDecision decision;
        try (InputStream model = Files.newInputStream(Path.of("processes", DECISION_RESPONSIBILITY + ".dmn"))) {
            decision = dmnEngine.parseDecision(DECISION_RESPONSIBILITY, model);
        }
        for (ServiceType type : ServiceType.values()) {
            for (String dns : List.of("resolves-to-us", "resolves-elsewhere", "resolves", "does-not-resolve",
                    "lookup-failed", "no-domain")) {
                for (String tcp : List.of("open", "refused", "timeout", "no-address")) {
                    for (String http : List.of("ok", "forbidden", "not-found", "server-error", "client-error",
                            "no-answer", "not-checked")) {
                        DmnDecisionTableResult result = dmnEngine.evaluateDecisionTable(decision,
                                Variables.createVariables().putValue(SERVICE_TYPE, type.name()).putValue(DNS_RESULT, dns)
                                        .putValue(TCP_RESULT, tcp).putValue(HTTP_RESULT, http));
                        assertThat(result).as("%s %s %s %s", type, dns, tcp, http).hasSize(1);
                        assertThat(result.getSingleResult().<String>getEntry(FAULT_RESPONSIBILITY))
                                .isIn(RESPONSIBILITIES);
                    }
                }
            }
        }
    }

    private DmnDecisionTableResult decide(String type, String dns, String tcp, String http) {
        return decisionService.evaluateDecisionTableByKey(DECISION_RESPONSIBILITY, Variables.createVariables()
                .putValue(SERVICE_TYPE, type).putValue(DNS_RESULT, dns).putValue(TCP_RESULT, tcp)
                .putValue(HTTP_RESULT, http));
    }
}

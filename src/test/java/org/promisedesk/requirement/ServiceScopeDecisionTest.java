package org.promisedesk.requirement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.promisedesk.requirement.ServiceScope.ACTIVITIES;
import static org.promisedesk.requirement.ServiceScope.ACTIVITY;
import static org.promisedesk.requirement.ServiceScope.DECISION_ID;
import static org.promisedesk.requirement.ServiceScope.INCLUDED;
import static org.promisedesk.requirement.ServiceScope.OUT_OF_SCOPE;
import static org.promisedesk.requirement.ServiceScope.PAID;
import static org.promisedesk.requirement.ServiceScope.SCOPE;
import static org.promisedesk.requirement.ServiceScope.SCOPES;
import static org.promisedesk.requirement.ServiceScope.SCOPE_NOTE;
import static org.promisedesk.requirement.ServiceScope.SERVICE_TYPE;

import java.util.stream.Stream;

import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.promisedesk.customer.ServiceType;
import org.promisedesk.platform.EngineTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The decision {@code service-scope} on its own: every service type with every activity has
 * exactly one answer with an explanation, and the spec's examples come out as the spec says.
 */
@EngineTest
class ServiceScopeDecisionTest {

    @Autowired
    private DecisionService decisionService;

    @Autowired
    private ServiceScope serviceScope;

    static Stream<Arguments> everyPair() {
        return Stream.of(ServiceType.values())
                .flatMap(type -> ACTIVITIES.stream().map(activity -> Arguments.of(type.name(), activity)));
    }

    @ParameterizedTest(name = "{0} × {1}")
    @MethodSource("everyPair")
    void shouldGiveEveryServiceTypeAndActivityExactlyOneAnswer(String type, String activity) {
        DmnDecisionTableResult result = decisionService.evaluateDecisionTableByKey(DECISION_ID,
                Variables.createVariables().putValue(SERVICE_TYPE, type).putValue(ACTIVITY, activity));

        assertThat(result).hasSize(1);
        assertThat(SCOPES).contains(result.getSingleResult().<String>getEntry(SCOPE));
        assertThat(result.getSingleResult().<String>getEntry(SCOPE_NOTE)).isNotBlank();
    }

    @ParameterizedTest(name = "{0} × {1} → {2}")
    @CsvSource({
            // colocation covers power, rack and network only; the hardware is the customer's
            "COLOCATION, power-and-rack, included",
            "COLOCATION, network, included",
            "COLOCATION, hardware-replacement, paid",
            "COLOCATION, listed-software-install, out-of-scope",
            // rental also covers hardware replacement and installing listed software
            "DEDICATED_RENTAL, network, included",
            "DEDICATED_RENTAL, hardware-replacement, included",
            "DEDICATED_RENTAL, listed-software-install, included",
            "DEDICATED_RENTAL, other-software-install, paid",
            // virtual hosting includes weekly backups and restores
            "VIRTUAL_HOST, backup, included",
            "VIRTUAL_HOST, backup-restore, included",
            // the customer's code is theirs, except where it meets the database we support
            "VIRTUAL_HOST, application-debugging, out-of-scope",
            "CLOUD_VM, application-debugging, out-of-scope",
            "DATABASE_SUPPORT, application-debugging, paid",
            // database support includes tuning and on-site visits
            "DATABASE_SUPPORT, database-tuning, included",
            "DATABASE_SUPPORT, on-site-engineer, included",
            "DOMAIN, dns-records, included",
            // nobody gets resident engineers or custom development
            "DATABASE_SUPPORT, resident-engineer, out-of-scope",
            "DEDICATED_RENTAL, resident-engineer, out-of-scope",
            "CLOUD_VM, custom-development, out-of-scope",
    })
    void shouldAnswerTheSpecExamples(String type, String activity, String scope) {
        assertThat(serviceScope.scopeOf(type, activity)).isEqualTo(scope);
    }

    @Test
    void shouldExplainColocationScopeInPlainWords() {
        assertThat(serviceScope.answer("COLOCATION", "network").note()).contains("power, rack and network only");
        assertThat(serviceScope.scopeOf("CLOUD_VM", "network")).isEqualTo(INCLUDED);
        assertThat(serviceScope.scopeOf("CLOUD_VM", "backup")).isEqualTo(PAID);
        assertThat(serviceScope.scopeOf("DOMAIN", "reboot")).isEqualTo(OUT_OF_SCOPE);
    }

    @Test
    void shouldRefuseAnUnknownActivity() {
        assertThatThrownBy(() -> serviceScope.scopeOf("CLOUD_VM", "teleportation"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("teleportation");
    }
}

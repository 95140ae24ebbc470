package org.promisedesk.requirement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.promisedesk.requirement.RequirementProcess.BETTER_ALTERNATIVE;
import static org.promisedesk.requirement.RequirementProcess.CONTRACT_SCOPE;
import static org.promisedesk.requirement.RequirementProcess.CUSTOMER_WILL_PAY;
import static org.promisedesk.requirement.RequirementProcess.DECISIONS;
import static org.promisedesk.requirement.RequirementProcess.DECISION_TRIAGE;
import static org.promisedesk.requirement.RequirementProcess.EFFORT_DAYS;
import static org.promisedesk.requirement.RequirementProcess.PROPOSAL_REASON;
import static org.promisedesk.requirement.RequirementProcess.PROPOSED_OUTCOME;
import static org.promisedesk.requirement.RequirementProcess.RISK;
import static org.promisedesk.requirement.RequirementProcess.RISKS;

import java.util.stream.Stream;

import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.promisedesk.platform.EngineTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The decision {@code requirement-triage} on its own: exactly one rule proposes something for
 * every combination of its inputs, and the proposals follow the field method.
 */
@EngineTest
class RequirementTriageDecisionTest {

    @Autowired
    private DecisionService decisionService;

    static Stream<Arguments> everyCombination() {
        return Stream.of(true, false).flatMap(better -> ServiceScope.SCOPES.stream().flatMap(scope ->
                Stream.of(true, false).flatMap(pays -> RISKS.stream().flatMap(risk ->
                        Stream.of(0.0, 1.5, 2.0, 2.5, 20.0).map(effort -> Arguments.of(better, scope, pays, risk, effort))))));
    }

    @ParameterizedTest(name = "better {0}, {1}, pays {2}, {3} risk, {4} days")
    @MethodSource("everyCombination")
    void shouldProposeExactlyOneDecisionWithAReasonForEveryCase(boolean better, String scope, boolean pays,
            String risk, double effort) {
        DmnDecisionTableResult result = evaluate(better, scope, pays, risk, effort);

        assertThat(result).hasSize(1);
        assertThat(DECISIONS).contains(result.getSingleResult().<String>getEntry(PROPOSED_OUTCOME));
        assertThat(result.getSingleResult().<String>getEntry(PROPOSAL_REASON)).isNotBlank();
    }

    @ParameterizedTest(name = "better {0}, {1}, pays {2}, {3} risk, {4} days → {5}")
    @CsvSource({
            // a better way to meet the need always wins: most requests end here
            "true,  included,     false, low,    0.5, refuse-with-alternative",
            "true,  out-of-scope, true,  low,    1,   refuse-with-alternative",
            // outside the contract: the customer's wallet decides
            "false, out-of-scope, true,  medium, 3,   refer-to-sales",
            "false, paid,         true,  low,    1,   refer-to-sales",
            "false, paid,         false, low,    1,   refuse-with-alternative",
            "false, out-of-scope, false, high,   9,   refuse-with-alternative",
            // included: small and safe now, large or risky on a committed date
            "false, included,     false, low,    2,   accept-now",
            "false, included,     true,  medium, 0.5, accept-now",
            "false, included,     false, low,    2.5, schedule",
            "false, included,     false, high,   0.5, schedule",
    })
    void shouldFollowTheFieldMethod(boolean better, String scope, boolean pays, String risk, double effort,
            String expected) {
        assertThat(evaluate(better, scope, pays, risk, effort).getSingleResult().<String>getEntry(PROPOSED_OUTCOME))
                .isEqualTo(expected);
    }

    private DmnDecisionTableResult evaluate(boolean better, String scope, boolean pays, String risk, double effort) {
        return decisionService.evaluateDecisionTableByKey(DECISION_TRIAGE, Variables.createVariables()
                .putValue(BETTER_ALTERNATIVE, better).putValue(CONTRACT_SCOPE, scope)
                .putValue(CUSTOMER_WILL_PAY, pays).putValue(RISK, risk).putValue(EFFORT_DAYS, effort));
    }
}

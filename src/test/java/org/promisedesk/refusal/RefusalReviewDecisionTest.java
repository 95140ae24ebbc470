package org.promisedesk.refusal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.promisedesk.refusal.RefusalProcess.CUSTOMER_PROFILE;
import static org.promisedesk.refusal.RefusalProcess.DECISION_REVIEW;
import static org.promisedesk.refusal.RefusalProcess.REASON_CATEGORIES;
import static org.promisedesk.refusal.RefusalProcess.REASON_CATEGORY;
import static org.promisedesk.refusal.RefusalProcess.REASON_NO_CAPACITY_NOW;
import static org.promisedesk.refusal.RefusalProcess.REVIEW_NEEDED;

import java.util.stream.Stream;

import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.promisedesk.customer.ServiceProfile;
import org.promisedesk.platform.EngineTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The decision {@code refusal-review} on its own: a lead reviews every refusal to a VIP customer
 * and every "no capacity now", and nothing else; exactly one rule decides each case.
 */
@EngineTest
class RefusalReviewDecisionTest {

    @Autowired
    private DecisionService decisionService;

    /** Every profile with every reason category. */
    static Stream<Arguments> everyCase() {
        return Stream.of(ServiceProfile.values()).flatMap(profile -> REASON_CATEGORIES.stream()
                .map(category -> Arguments.of(profile.name(), category,
                        profile == ServiceProfile.VIP || category.equals(REASON_NO_CAPACITY_NOW))));
    }

    @ParameterizedTest(name = "{0}, {1} → review {2}")
    @MethodSource("everyCase")
    void shouldHaveALeadReviewVipCustomersAndNoCapacityNow(String profile, String category, boolean review) {
        DmnDecisionTableResult result = decisionService.evaluateDecisionTableByKey(DECISION_REVIEW,
                Variables.createVariables().putValue(CUSTOMER_PROFILE, profile).putValue(REASON_CATEGORY, category));

        assertThat(result).hasSize(1);
        assertThat(result.getSingleResult().<Boolean>getEntry(REVIEW_NEEDED)).isEqualTo(review);
    }
}

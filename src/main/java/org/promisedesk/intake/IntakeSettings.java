package org.promisedesk.intake;

import java.time.Duration;
import java.time.Period;
import java.util.HashMap;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code promise-desk.intake.*}: the SLA targets, per customer profile ({@code default} for every
 * profile without a table of its own, {@code VIP}, ...) and priority ({@code P1}-{@code P3}), as
 * ISO durations of WORKING time on the business calendar; how many business days the customer has
 * to say whether it is solved ({@code confirm-window}, a period of days) and to answer the survey.
 */
@ConfigurationProperties("promise-desk.intake")
record IntakeSettings(
        Map<String, Map<String, SlaTarget>> sla,
        @DefaultValue("P3D") Period confirmWindow,
        @DefaultValue("P5D") Period surveyWindow) {

    static final String DEFAULT_PROFILE = "default";

    /** First response and resolution, in working time. */
    record SlaTarget(Duration firstResponse, Duration resolution) {

        SlaTarget {
            if (firstResponse == null || resolution == null || firstResponse.isNegative() || firstResponse.isZero()
                    || resolution.compareTo(firstResponse) < 0) {
                throw new IllegalArgumentException("promise-desk.intake.sla: each target needs a positive first-response"
                        + " and a resolution no shorter than it: " + firstResponse + ", " + resolution);
            }
        }
    }

    IntakeSettings {
        Map<String, Map<String, SlaTarget>> merged = new HashMap<>(builtIn());
        if (sla != null) {
            sla.forEach((profile, targets) -> merged.merge(profile, targets, (a, b) -> {
                Map<String, SlaTarget> both = new HashMap<>(a);
                both.putAll(b);
                return both;
            }));
        }
        for (String priority : IntakeProcess.PRIORITIES) {
            if (!merged.get(DEFAULT_PROFILE).containsKey(priority)) {
                throw new IllegalArgumentException("promise-desk.intake.sla.default needs a target for " + priority);
            }
        }
        sla = Map.copyOf(merged);
        if (confirmWindow.getDays() < 1 || confirmWindow.toTotalMonths() != 0) {
            throw new IllegalArgumentException("promise-desk.intake.confirm-window must be whole days, at least P1D: "
                    + confirmWindow);
        }
        if (surveyWindow.getDays() < 1 || surveyWindow.toTotalMonths() != 0) {
            throw new IllegalArgumentException("promise-desk.intake.survey-window must be whole days, at least P1D: "
                    + surveyWindow);
        }
    }

    /** The target of the profile's own table, else of {@code default}. */
    SlaTarget target(String profile, String priority) {
        Map<String, SlaTarget> own = profile == null ? null : sla.get(profile);
        if (own != null && own.containsKey(priority)) {
            return own.get(priority);
        }
        return sla.get(DEFAULT_PROFILE).get(priority);
    }

    private static Map<String, Map<String, SlaTarget>> builtIn() {
        return Map.of(DEFAULT_PROFILE, Map.of(
                "P1", new SlaTarget(Duration.ofHours(1), Duration.ofHours(9)),
                "P2", new SlaTarget(Duration.ofHours(2), Duration.ofHours(18)),
                "P3", new SlaTarget(Duration.ofHours(4), Duration.ofHours(45))));
    }
}

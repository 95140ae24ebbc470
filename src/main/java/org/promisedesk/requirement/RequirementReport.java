package org.promisedesk.requirement;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The answer of {@code GET /api/reports/requirements}: decisions in a period, counts and shares
 * (0..1, two decimals) per decision, overall, by architect and by customer, with the field rule of
 * thumb as the reference line.
 */
record RequirementReport(LocalDate from, LocalDate to, Breakdown total, Map<String, BigDecimal> reference,
        long overridden, java.util.List<Breakdown> byArchitect, java.util.List<Breakdown> byCustomer) {

    /** Of ten requests: seven refused with a better alternative, two scheduled, one done now. */
    static final Map<String, BigDecimal> REFERENCE = Map.of(
            RequirementProcess.OUTCOME_REFUSE_WITH_ALTERNATIVE, new BigDecimal("0.70"),
            RequirementProcess.OUTCOME_SCHEDULE, new BigDecimal("0.20"),
            RequirementProcess.OUTCOME_ACCEPT_NOW, new BigDecimal("0.10"),
            RequirementProcess.OUTCOME_REFER_TO_SALES, new BigDecimal("0.00"));

    /** One architect's, one customer's or all decisions; {@code key} is null for all. */
    record Breakdown(String key, long decisions, Map<String, Long> counts, Map<String, BigDecimal> shares) {

        static Breakdown of(String key, Map<String, Long> counts) {
            long all = counts.values().stream().mapToLong(Long::longValue).sum();
            Map<String, BigDecimal> shares = new LinkedHashMap<>();
            counts.forEach((decision, count) -> shares.put(decision, all == 0 ? BigDecimal.ZERO.setScale(2)
                    : BigDecimal.valueOf(count).divide(BigDecimal.valueOf(all), 2, RoundingMode.HALF_UP)));
            return new Breakdown(key, all, counts, shares);
        }
    }
}

package org.promisedesk.renewal;

import java.time.LocalTime;
import java.time.Period;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code promise-desk.renewal.*}. The daily time of the scan is in the model (the cron timer of
 * {@code renewal-scan}); everything a renewal waits for is computed from these when it starts
 * ({@code Task_PlanReminders}), so a change applies to renewals started afterwards.
 *
 * @param reminderDays days before expiry a reminder goes out; the largest is also how far ahead
 *        the scan looks
 * @param salesCallDays days before expiry the account manager of a key account calls
 * @param gracePeriod after expiry, how long the service keeps running unpaid before suspension
 * @param graceReminderDays days after expiry a grace reminder goes out (within the grace period)
 * @param retentionPeriod after suspension, how long the data is kept before it is reclaimed
 * @param finalNoticeBefore how long before the reclaim the final notice goes out
 * @param reminderTime the time of day reminders, calls, suspension and reclaim are due
 * @param timeZone the zone of "today" and of that time; keep it equal to
 *        {@code promise-desk.mail.time-zone}, the zone letters show dates in
 * @param scanPageSize services read per page by the scan
 */
@ConfigurationProperties("promise-desk.renewal")
record RenewalSettings(
        @DefaultValue({"30", "14", "7", "3", "1"}) List<Integer> reminderDays,
        @DefaultValue("14") int salesCallDays,
        @DefaultValue("P7D") Period gracePeriod,
        @DefaultValue({"1", "4", "7"}) List<Integer> graceReminderDays,
        @DefaultValue("P30D") Period retentionPeriod,
        @DefaultValue("P7D") Period finalNoticeBefore,
        @DefaultValue("09:00") String reminderTime,
        @DefaultValue("Asia/Shanghai") ZoneId timeZone,
        @DefaultValue("100") int scanPageSize) {

    private static final String PREFIX = "promise-desk.renewal.";

    RenewalSettings {
        reminderDays = sorted(reminderDays, "reminder-days", Comparator.reverseOrder());
        graceReminderDays = sorted(graceReminderDays, "grace-reminder-days", Comparator.naturalOrder());
        if (salesCallDays < 0) {
            throw invalid("sales-call-days", salesCallDays, "must not be negative");
        }
        requirePositive(gracePeriod, "grace-period");
        requirePositive(retentionPeriod, "retention-period");
        if (finalNoticeBefore.isNegative()) {
            throw invalid("final-notice-before", finalNoticeBefore, "must not be negative");
        }
        if (scanPageSize < 1 || scanPageSize > 10_000) {
            throw invalid("scan-page-size", scanPageSize, "must be between 1 and 10000");
        }
        try {
            LocalTime.parse(reminderTime);
        } catch (DateTimeParseException e) {
            throw invalid("reminder-time", reminderTime, "must be a time of day like 09:00");
        }
    }

    LocalTime reminderTimeOfDay() {
        return LocalTime.parse(reminderTime);
    }

    /** How many days before expiry the scan starts a renewal: the earliest reminder. */
    int lookAheadDays() {
        return reminderDays.isEmpty() ? salesCallDays : Math.max(reminderDays.get(0), salesCallDays);
    }

    private static List<Integer> sorted(List<Integer> days, String property, Comparator<Integer> order) {
        List<Integer> list = days == null ? List.of() : days;
        if (list.stream().anyMatch(day -> day == null || day < 0)) {
            throw invalid(property, list, "must be days, none negative");
        }
        return list.stream().distinct().sorted(order).toList();
    }

    private static void requirePositive(Period period, String property) {
        if (period.isNegative() || period.isZero()) {
            throw invalid(property, period, "must be a positive period like P7D");
        }
    }

    private static IllegalArgumentException invalid(String property, Object value, String problem) {
        return new IllegalArgumentException(PREFIX + property + " " + value + " " + problem);
    }
}

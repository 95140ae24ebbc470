package org.promisedesk.incident;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code promise-desk.incident.*}: how many business days the engineer has for the first draft
 * and for each revision, how long before that the engineer is reminded, and the time zone in
 * which a business day (Monday to Friday) is counted. Public holidays are not known yet.
 */
@ConfigurationProperties("promise-desk.incident")
record IncidentSettings(
        @DefaultValue("2") int draftBusinessDays,
        @DefaultValue("1") int revisionBusinessDays,
        @DefaultValue("PT4H") Duration reminderBefore,
        @DefaultValue("Asia/Shanghai") ZoneId timeZone) {

    IncidentSettings {
        if (draftBusinessDays < 1 || revisionBusinessDays < 1) {
            throw new IllegalArgumentException("promise-desk.incident.draft-business-days and revision-business-days"
                    + " must be at least 1");
        }
        if (reminderBefore.isNegative()) {
            throw new IllegalArgumentException("promise-desk.incident.reminder-before must not be negative: "
                    + reminderBefore);
        }
    }

    /** {@code days} business days after {@code from}, at the same time of day; weekends are skipped. */
    Instant addBusinessDays(Instant from, int days) {
        ZonedDateTime time = from.atZone(timeZone);
        int left = days;
        while (left > 0) {
            time = time.plusDays(1);
            if (time.getDayOfWeek() != DayOfWeek.SATURDAY && time.getDayOfWeek() != DayOfWeek.SUNDAY) {
                left--;
            }
        }
        return time.toInstant();
    }
}

package org.promisedesk.incident;

import java.time.Duration;
import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code promise-desk.incident.*}: how many business days the engineer has for the first draft
 * and for each revision (counted by the business calendar, {@code promise-desk.calendar.*}), how
 * long before that the engineer is reminded, and the time zone dates are read and shown in.
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
}

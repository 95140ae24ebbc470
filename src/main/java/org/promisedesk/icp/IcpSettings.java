package org.promisedesk.icp;

import java.time.Duration;
import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code promise-desk.icp.*}: how long the filing waits for a customer (reminders, then
 * abandonment), how often agents check the authority's status and when leads are alerted, the
 * time zone business days are counted in, and the largest verification photo accepted.
 */
@ConfigurationProperties("promise-desk.icp")
record IcpSettings(
        @DefaultValue("P3D") Duration firstReminderAfter,
        @DefaultValue("P7D") Duration secondReminderAfter,
        @DefaultValue("P30D") Duration replyWindow,
        @DefaultValue("5") int statusCheckBusinessDays,
        @DefaultValue("20") int escalateAfterBusinessDays,
        @DefaultValue("Asia/Shanghai") ZoneId timeZone,
        @DefaultValue("5MB") DataSize photoMaxSize) {

    IcpSettings {
        if (firstReminderAfter.isNegative() || firstReminderAfter.isZero()
                || secondReminderAfter.compareTo(firstReminderAfter) <= 0
                || replyWindow.compareTo(secondReminderAfter) <= 0) {
            throw new IllegalArgumentException("promise-desk.icp: first-reminder-after (" + firstReminderAfter
                    + ") < second-reminder-after (" + secondReminderAfter + ") < reply-window (" + replyWindow
                    + ") must hold, all positive");
        }
        if (statusCheckBusinessDays < 1 || escalateAfterBusinessDays < 1) {
            throw new IllegalArgumentException("promise-desk.icp: status-check-business-days and"
                    + " escalate-after-business-days must be at least 1");
        }
        if (photoMaxSize.toBytes() < 1) {
            throw new IllegalArgumentException("promise-desk.icp.photo-max-size must be positive");
        }
    }
}

package org.promisedesk.platform;

import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code promise-desk.calendar.*}: the working hours of a working day ({@code 09:00-18:00}), the
 * time zone they are in, and an optional YAML file with more years of public holidays and
 * make-up working days (same format as {@code calendar/cn-2026.yaml}; its years replace the
 * shipped ones). See docs/configuration.md.
 */
@ConfigurationProperties("promise-desk.calendar")
public record BusinessCalendarSettings(
        @DefaultValue("09:00-18:00") String workingHours,
        @DefaultValue("Asia/Shanghai") ZoneId timeZone,
        String extraDaysFile) {

    public BusinessCalendarSettings {
        opens(workingHours);
    }

    /** The defaults: 09:00-18:00 in Asia/Shanghai, the shipped years only. */
    public static BusinessCalendarSettings defaults() {
        return new BusinessCalendarSettings("09:00-18:00", ZoneId.of("Asia/Shanghai"), null);
    }

    LocalTime opens() {
        return opens(workingHours);
    }

    LocalTime closes() {
        return time(workingHours, 1);
    }

    private static LocalTime opens(String workingHours) {
        LocalTime opens = time(workingHours, 0);
        if (!opens.isBefore(time(workingHours, 1))) {
            throw new IllegalArgumentException("promise-desk.calendar.working-hours must open before it closes"
                    + " (hours across midnight are not supported): " + workingHours);
        }
        return opens;
    }

    private static LocalTime time(String workingHours, int index) {
        String[] parts = workingHours == null ? new String[0] : workingHours.strip().split("\\s*-\\s*");
        if (parts.length != 2) {
            throw new IllegalArgumentException("promise-desk.calendar.working-hours must look like 09:00-18:00: "
                    + workingHours);
        }
        try {
            return LocalTime.parse(parts[index]);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("promise-desk.calendar.working-hours must look like 09:00-18:00: "
                    + workingHours, e);
        }
    }
}

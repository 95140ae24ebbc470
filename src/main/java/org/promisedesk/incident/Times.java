package org.promisedesk.incident;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.Date;

/**
 * Dates and times as this process receives them: a {@code Date} (Java, REST with type Date) or
 * the text a Camunda Forms datetime field submits ({@code 2026-11-20T09:15+08:00},
 * {@code 2026-11-20T01:15Z}, or without an offset, taken in {@code promise-desk.incident.time-zone}).
 */
final class Times {

    private static final DateTimeFormatter ISO_WITH_OPTIONAL_OFFSET = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
            .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
            .toFormatter();

    /**
     * The value as an instant; null when missing or blank.
     *
     * @throws IllegalArgumentException naming what was wrong, when it is not a date and time
     */
    static Instant parse(Object value, ZoneId zone) {
        if (value == null || value instanceof String text && text.isBlank()) {
            return null;
        }
        if (value instanceof Date date) {
            return date.toInstant();
        }
        if (value instanceof Instant instant) {
            return instant;
        }
        String text = value.toString().strip();
        try {
            TemporalAccessor parsed = ISO_WITH_OPTIONAL_OFFSET.parseBest(text, OffsetDateTime::from,
                    LocalDateTime::from);
            return parsed instanceof OffsetDateTime withOffset
                    ? withOffset.toInstant()
                    : ((LocalDateTime) parsed).atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + text + "' is not a date and time like 2026-11-20T09:15+08:00");
        }
    }

    /** For comments and messages to staff: {@code 2026-11-20 09:15 +08:00}. */
    static String format(Instant time, ZoneId zone) {
        return DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm xxx").format(time.atZone(zone));
    }

    /** ISO-8601 with offset, as the templates' {@code fmt.dateTime} reads it. */
    static String iso(Instant time, ZoneId zone) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time.atZone(zone));
    }

    private Times() {
    }
}

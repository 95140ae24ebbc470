package org.promisedesk.promise;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Due dates as the promise process keeps them: a {@code java.util.Date}, whether they came as a
 * Date (Java, REST with type Date) or as the text a Camunda Forms datetime field submits
 * ({@code 2026-11-25T10:00}, {@code 2026-11-25T10:00Z}, {@code 2026-11-25T10:00+08:00}; without
 * an offset the server's time zone applies). "Now" is the engine's clock.
 */
@Component
class DueDates {

    private static final DateTimeFormatter ISO_WITH_OPTIONAL_OFFSET = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
            .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
            .toFormatter();

    private static final DateTimeFormatter READABLE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm xxx");

    private final Duration reminderBefore;

    DueDates(@Value("${promise-desk.promise.reminder-before:P1D}") Duration reminderBefore) {
        if (reminderBefore.isNegative()) {
            throw new IllegalArgumentException("promise-desk.promise.reminder-before must not be negative: "
                    + reminderBefore);
        }
        this.reminderBefore = reminderBefore;
    }

    /** When to remind the owner: {@code reminder-before} ahead of the due date, but not in the past. */
    Date reminderAt(Date dueDate) {
        Date reminder = Date.from(dueDate.toInstant().minus(reminderBefore));
        Date now = ClockUtil.getCurrentTime();
        return reminder.before(now) ? now : reminder;
    }

    /**
     * The value as a Date in the future; otherwise null, and a problem naming the field is added.
     */
    static Date future(Object value, String field, List<String> problems) {
        try {
            Date date = parse(value);
            if (date == null) {
                problems.add(field + " is required");
            } else if (!date.after(ClockUtil.getCurrentTime())) {
                problems.add(field + " " + format(date) + " is not in the future");
            } else {
                return date;
            }
        } catch (IllegalArgumentException e) {
            problems.add(field + " " + e.getMessage());
        }
        return null;
    }

    /**
     * The value as a Date; null when it is missing or blank.
     *
     * @throws IllegalArgumentException when it is neither a Date nor a date and time in ISO form
     */
    static Date parse(Object value) {
        if (value == null || value instanceof String text && text.isBlank()) {
            return null;
        }
        if (value instanceof Date date) {
            return date;
        }
        if (!(value instanceof String text)) {
            throw new IllegalArgumentException("is not a date and time");
        }
        try {
            TemporalAccessor parsed = ISO_WITH_OPTIONAL_OFFSET.parseBest(text.strip(), OffsetDateTime::from,
                    LocalDateTime::from);
            return Date.from(parsed instanceof OffsetDateTime withOffset
                    ? withOffset.toInstant()
                    : ((LocalDateTime) parsed).atZone(ZoneId.systemDefault()).toInstant());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + text + "' is not a date and time like 2026-11-25T10:00+08:00");
        }
    }

    /** For comments and logs, in the server's time zone. */
    static String format(Date date) {
        return READABLE.format(date.toInstant().atZone(ZoneId.systemDefault()));
    }
}

package org.promisedesk.mail;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.Date;
import java.util.Locale;

/**
 * {@code fmt} in every mail template (and the incident report pages): dates in the customer's language and our time zone
 * ({@code promise-desk.mail.time-zone}), with the pattern the template chooses, e.g.
 * {@code ${fmt.dateTime(dueDate, 'yyyy年M月d日 HH:mm')}}.
 */
public final class TemplateFormats {

    private final ZoneId zone;
    private final Locale locale;

    public TemplateFormats(ZoneId zone, Locale locale) {
        this.zone = zone;
        this.locale = locale;
    }

    /** A {@code Date}, {@code Instant} or ISO-8601 text; fails on anything else rather than print it raw. */
    public String dateTime(Object value, String pattern) {
        TemporalAccessor time;
        if (value instanceof Date date) {
            time = date.toInstant().atZone(zone);
        } else if (value instanceof Instant instant) {
            time = instant.atZone(zone);
        } else if (value instanceof String text) {
            time = ZonedDateTime.parse(text).withZoneSameInstant(zone);
        } else {
            throw new IllegalArgumentException("Not a date and time: " + value);
        }
        return DateTimeFormatter.ofPattern(pattern, locale).format(time);
    }

    /** The zone's offset, for a text that names the time zone its times are in ({@code UTC+08:00}). */
    public String zone() {
        return "UTC" + ZonedDateTime.now(zone).getOffset().getId().replace("Z", "+00:00");
    }
}

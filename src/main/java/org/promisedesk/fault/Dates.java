package org.promisedesk.fault;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Date;

/** A date as a form submits it: a Date, or ISO text with or without offset (then in the given zone). */
final class Dates {

    static Date of(Object value, ZoneId zone) {
        if (value instanceof Date date) {
            return date;
        }
        if (!(value instanceof String text) || text.isBlank()) {
            return null;
        }
        try {
            return Date.from(OffsetDateTime.parse(text.strip()).toInstant());
        } catch (DateTimeParseException e) {
            try {
                return Date.from(LocalDateTime.parse(text.strip()).atZone(zone).toInstant());
            } catch (DateTimeParseException again) {
                return null;
            }
        }
    }

    private Dates() {
    }
}

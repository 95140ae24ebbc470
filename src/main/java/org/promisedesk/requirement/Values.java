package org.promisedesk.requirement;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * Form values as the process keeps them: numbers as Double (Tasklist submits Long or Double, a
 * REST client may send text), yes/no as Boolean, dates as {@code java.util.Date} (a Date, or the
 * text a Camunda Forms datetime field submits, {@code 2026-11-25T10:00+08:00}; without an offset
 * the server's zone applies), user ids checked against the engine's users.
 */
final class Values {

    private static final DateTimeFormatter ISO_WITH_OPTIONAL_OFFSET = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
            .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
            .toFormatter();

    /** A number of at least {@code min}, or null with a problem naming the field. */
    static Double number(Object value, String field, double min, List<String> problems) {
        Double number = null;
        if (value instanceof Number n) {
            number = n.doubleValue();
        } else if (value instanceof String text && text.strip().matches("-?\\d{1,9}(\\.\\d{1,4})?")) {
            number = Double.valueOf(text.strip());
        }
        if (number == null || number < min || number.isNaN()) {
            problems.add(field + (value == null ? " is required" : " '" + value + "' is not a number")
                    + " of at least " + (min == Math.rint(min) ? String.valueOf((long) min) : String.valueOf(min)));
            return null;
        }
        return number;
    }

    /** Yes or no, or null with a problem naming the field. */
    static Boolean yesNo(Object value, String field, List<String> problems) {
        if (value instanceof Boolean answer) {
            return answer;
        }
        if (value instanceof String text && (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false"))) {
            return Boolean.valueOf(text);
        }
        problems.add(field + " is required: true or false");
        return null;
    }

    /** One of the given values, or null with a problem naming the field. */
    static String oneOf(Object value, String field, List<String> allowed, List<String> problems) {
        if (value instanceof String text && allowed.contains(text.strip())) {
            return text.strip();
        }
        problems.add(field + " is required: one of " + String.join(", ", allowed));
        return null;
    }

    /** A date and time after now (the engine's clock), or null with a problem naming the field. */
    static Date future(Object value, String field, List<String> problems) {
        Date date;
        if (value instanceof Date given) {
            date = given;
        } else if (value instanceof String text && !text.isBlank()) {
            try {
                TemporalAccessor parsed = ISO_WITH_OPTIONAL_OFFSET.parseBest(text.strip(), OffsetDateTime::from,
                        LocalDateTime::from);
                date = Date.from(parsed instanceof OffsetDateTime withOffset ? withOffset.toInstant()
                        : ((LocalDateTime) parsed).atZone(ZoneId.systemDefault()).toInstant());
            } catch (DateTimeParseException e) {
                problems.add(field + " '" + text + "' is not a date and time like 2026-11-25T10:00+08:00");
                return null;
            }
        } else {
            problems.add(field + " is required: a date and time in the future");
            return null;
        }
        if (!date.after(ClockUtil.getCurrentTime())) {
            problems.add(field + " " + date.toInstant() + " is not in the future");
            return null;
        }
        return date;
    }

    /** A user id that exists; the process checks its own input, the user needs no right to read users. */
    static String user(IdentityService identityService, Object value, String field, List<String> problems) {
        if (!(value instanceof String text) || text.isBlank()) {
            problems.add(field + " is required: a user id");
            return null;
        }
        String userId = text.strip();
        long users = Context.getCommandContext().runWithoutAuthorization(
                () -> identityService.createUserQuery().userId(userId).count());
        if (users == 0) {
            problems.add(field + " '" + userId + "' is not a user");
            return null;
        }
        return userId;
    }

    /** Sets the value only when that changes it, so the history shows each submission once. */
    static void put(org.camunda.bpm.engine.delegate.VariableScope scope, String name, Object value) {
        if (!java.util.Objects.equals(value, scope.getVariable(name))) {
            scope.setVariable(name, value);
        }
    }

    private Values() {
    }
}

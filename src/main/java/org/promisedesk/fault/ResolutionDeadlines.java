package org.promisedesk.fault;

import java.time.Duration;
import java.util.Date;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.promisedesk.platform.BusinessCalendar;
import org.springframework.stereotype.Component;

/**
 * The one place the fault process turns a configured time into a date: an ISO duration
 * ({@code PT4H}) is calendar time — a fault of ours does not wait for office hours;
 * {@code "N business day(s)"} counts working days of the {@link BusinessCalendar} (public
 * holidays and make-up working days included), same time of day.
 */
@Component
class ResolutionDeadlines {

    private static final Pattern BUSINESS_DAYS = Pattern.compile("(\\d+)\\s+business\\s+days?");

    private final BusinessCalendar calendar;

    ResolutionDeadlines(BusinessCalendar calendar) {
        this.calendar = calendar;
    }

    /** The date {@code spec} after {@code start}. */
    Date after(Date start, String spec) {
        Matcher days = BUSINESS_DAYS.matcher(spec.strip());
        if (days.matches()) {
            return calendar.addBusinessDays(start, Integer.parseInt(days.group(1)));
        }
        return Date.from(start.toInstant().plus(Duration.parse(spec.strip())));
    }

    /** Fails on a spec that is neither a positive ISO duration nor "N business days" (checked at start-up). */
    static void check(String spec) {
        if (spec == null || BUSINESS_DAYS.matcher(spec.strip()).matches()) {
            return;
        }
        Duration duration = Duration.parse(spec.strip());
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("promise-desk.fault: a time must be positive: " + spec);
        }
    }
}

package org.promisedesk.platform;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * When we work: working days are Monday to Friday, minus public holidays, plus make-up working
 * days (调休: a Saturday or Sunday that is a working day), each from the calendar files
 * ({@code calendar/cn-<year>.yaml}, {@code promise-desk.calendar.extra-days-file}); working hours
 * are {@code promise-desk.calendar.working-hours} in {@code promise-desk.calendar.time-zone}.
 *
 * <p>A year without data is counted Monday to Friday, with a warning in the log once per year
 * (not a failure: a deadline that ignores a holiday is better than a process that stops on New
 * Year's Day). Add the year's file before it starts.
 *
 * <p>In a model: {@code ${businessCalendar.addWorkingTime(now(), 'PT4H')}},
 * {@code ${businessCalendar.addBusinessDays(now(), 2)}}.
 */
@Component
public class BusinessCalendar {

    private static final Logger log = LoggerFactory.getLogger(BusinessCalendar.class);

    /** More than ten years without a working day means the data is wrong; stop looking. */
    private static final int MAX_DAYS_SEARCHED = 3660;

    private final ZoneId zone;
    private final LocalTime opens;
    private final LocalTime closes;
    private final Map<Integer, BusinessCalendarDays.Year> years;
    private final Set<Integer> warnedYears = ConcurrentHashMap.newKeySet();

    public BusinessCalendar(BusinessCalendarSettings settings) {
        this.zone = settings.timeZone();
        this.opens = settings.opens();
        this.closes = settings.closes();
        this.years = BusinessCalendarDays.load(settings.extraDaysFile());
        years.values().stream().filter(BusinessCalendarDays.Year::provisional).forEach(year -> log.warn(
                "Business calendar: the public holidays of {} are provisional; replace them with the official"
                        + " schedule when it is published (docs/configuration.md)", year.year()));
        log.info("Business calendar: working hours {}-{} in {}, public holidays known for {}", opens, closes, zone,
                years.keySet());
    }

    /** The default calendar (09:00-18:00, Asia/Shanghai, the shipped years), for tests and tools. */
    public static BusinessCalendar defaultCalendar() {
        return new BusinessCalendar(BusinessCalendarSettings.defaults());
    }

    public ZoneId zone() {
        return zone;
    }

    /** Whether the calendar files hold the public holidays of {@code year}. */
    public boolean hasDataFor(int year) {
        return years.containsKey(year);
    }

    public boolean isWorkingDay(LocalDate day) {
        BusinessCalendarDays.Year year = years.get(day.getYear());
        if (year == null) {
            if (warnedYears.add(day.getYear())) {
                log.warn("Business calendar: no public holidays known for {}; counting Monday to Friday."
                        + " Add calendar data for {} (docs/configuration.md)", day.getYear(), day.getYear());
            }
        } else if (year.daysOff().contains(day)) {
            return false;
        } else if (year.workingDays().contains(day)) {
            return true;
        }
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
    }

    /** Whether {@code time} is within the working hours of a working day (opening included, closing not). */
    public boolean isWorkingTime(Instant time) {
        ZonedDateTime local = time.atZone(zone);
        LocalTime clock = local.toLocalTime();
        return isWorkingDay(local.toLocalDate()) && !clock.isBefore(opens) && clock.isBefore(closes);
    }

    /**
     * The moment when {@code workingTime} of working hours has passed after {@code start}; time outside
     * working hours does not count. Work that fills a day exactly ends at closing time, not the next
     * morning. Zero: {@code start} itself.
     */
    public Instant addWorkingTime(Instant start, Duration workingTime) {
        if (workingTime.isNegative()) {
            throw new IllegalArgumentException("Working time must not be negative: " + workingTime);
        }
        if (workingTime.isZero()) {
            return start;
        }
        Duration left = workingTime;
        ZonedDateTime cursor = start.atZone(zone);
        LocalDate day = cursor.toLocalDate();
        for (int searched = 0; searched < MAX_DAYS_SEARCHED + left.toDays(); searched++, day = day.plusDays(1)) {
            if (!isWorkingDay(day)) {
                continue;
            }
            ZonedDateTime open = day.atTime(opens).atZone(zone);
            ZonedDateTime close = day.atTime(closes).atZone(zone);
            ZonedDateTime from = cursor.isAfter(open) ? cursor : open;
            if (from.isBefore(close)) {
                Duration available = Duration.between(from, close);
                if (left.compareTo(available) <= 0) {
                    return from.plus(left).toInstant();
                }
                left = left.minus(available);
            }
        }
        throw new IllegalStateException("Business calendar: no working day found after " + day.minusDays(1)
                + "; check the calendar files");
    }

    /** {@link #addWorkingTime(Instant, Duration)} for models: {@code isoDuration} like {@code PT4H}. */
    public Date addWorkingTime(Date start, String isoDuration) {
        Duration workingTime;
        try {
            workingTime = Duration.parse(isoDuration.strip());
        } catch (DateTimeParseException | NullPointerException e) {
            throw new IllegalArgumentException("'" + isoDuration + "' is not a duration like PT4H or PT30M", e);
        }
        return Date.from(addWorkingTime(start.toInstant(), workingTime));
    }

    /**
     * The same time of day on the {@code days}-th working day after {@code start}. A start outside
     * working hours counts from the opening of the next working day (Friday 20:00 plus one: Tuesday
     * 09:00); zero days: that opening, or {@code start} itself when within working hours.
     */
    public Instant addBusinessDays(Instant start, int days) {
        if (days < 0) {
            throw new IllegalArgumentException("Business days must not be negative: " + days);
        }
        ZonedDateTime from = isWorkingTime(start) ? start.atZone(zone) : nextOpening(start);
        LocalDate day = from.toLocalDate();
        int left = days;
        for (int searched = 0; left > 0; searched++) {
            if (searched > MAX_DAYS_SEARCHED + days) {
                throw new IllegalStateException("Business calendar: no working day found after " + day
                        + "; check the calendar files");
            }
            day = day.plusDays(1);
            if (isWorkingDay(day)) {
                left--;
            }
        }
        return day.atTime(from.toLocalTime()).atZone(zone).toInstant();
    }

    /** {@link #addBusinessDays(Instant, int)} for models and {@code Date} variables. */
    public Date addBusinessDays(Date start, int days) {
        return Date.from(addBusinessDays(start.toInstant(), days));
    }

    /**
     * The working time between two moments: the inverse of {@link #addWorkingTime(Instant, Duration)}.
     * Negative when {@code to} is before {@code from}.
     */
    public Duration workingTimeBetween(Instant from, Instant to) {
        if (to.isBefore(from)) {
            return workingTimeBetween(to, from).negated();
        }
        ZonedDateTime start = from.atZone(zone);
        ZonedDateTime end = to.atZone(zone);
        Duration total = Duration.ZERO;
        for (LocalDate day = start.toLocalDate(); !day.isAfter(end.toLocalDate()); day = day.plusDays(1)) {
            if (!isWorkingDay(day)) {
                continue;
            }
            ZonedDateTime open = day.atTime(opens).atZone(zone);
            ZonedDateTime close = day.atTime(closes).atZone(zone);
            ZonedDateTime a = start.isAfter(open) ? start : open;
            ZonedDateTime b = end.isBefore(close) ? end : close;
            if (a.isBefore(b)) {
                total = total.plus(Duration.between(a, b));
            }
        }
        return total;
    }

    /** The next opening at or after {@code time}. */
    private ZonedDateTime nextOpening(Instant time) {
        ZonedDateTime local = time.atZone(zone);
        LocalDate day = local.toLocalDate();
        if (!local.toLocalTime().isBefore(opens)) {
            day = day.plusDays(1);
        }
        for (int searched = 0; !isWorkingDay(day); searched++) {
            if (searched > MAX_DAYS_SEARCHED) {
                throw new IllegalStateException("Business calendar: no working day found after " + day
                        + "; check the calendar files");
            }
            day = day.plusDays(1);
        }
        return day.atTime(opens).atZone(zone);
    }
}

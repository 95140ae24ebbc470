package org.promisedesk.renewal;

import org.promisedesk.platform.CalledByModels;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * When each step of a renewal is due, from its expiry date, the settings and the engine's clock
 * ("now"; tests move it). Days are counted in {@code promise-desk.renewal.time-zone}; a step is
 * due at {@code reminder-time} on its day. A reminder whose day passed before the renewal started
 * is skipped; one due earlier today goes out at once.
 *
 * <p>Also the bean {@code renewalPlan} the reminder loops of the model call:
 * {@code ${renewalPlan.times(reminderTimes)}}.
 */
@Component
public class RenewalPlan {

    private final RenewalSettings settings;
    private final ZoneId zone;
    private final LocalTime timeOfDay;

    RenewalPlan(RenewalSettings settings) {
        this.settings = settings;
        this.zone = settings.timeZone();
        this.timeOfDay = settings.reminderTimeOfDay();
    }

    record Schedule(List<Instant> reminders, Instant salesCallAt, Instant salesCallDue, Instant lapsedAt,
            List<Instant> graceReminders, Instant suspendAt, Instant finalNoticeAt, Instant reclaimAt) {
    }

    Schedule schedule(LocalDate expiry, boolean keyAccount) {
        Instant now = now();
        LocalDate today = today();
        List<Instant> reminders = new ArrayList<>();
        for (int days : settings.reminderDays()) {
            LocalDate day = expiry.minusDays(days);
            if (!day.isBefore(today)) {
                reminders.add(notBefore(at(day), now));
            }
        }
        Instant salesCallAt = null;
        Instant salesCallDue = null;
        if (keyAccount) {
            // Unlike a reminder, a call is never skipped: the later it is, the more it matters.
            salesCallAt = notBefore(at(expiry.minusDays(settings.salesCallDays())), now);
            salesCallDue = at(expiry).isAfter(salesCallAt) ? at(expiry) : salesCallAt.plusSeconds(24 * 3600);
        }
        LocalDate lastGraceDay = expiry.plus(settings.gracePeriod());
        List<Instant> graceReminders = new ArrayList<>();
        for (int days : settings.graceReminderDays()) {
            LocalDate day = expiry.plusDays(days);
            if (days > 0 && !day.isAfter(lastGraceDay) && !day.isBefore(today)) {
                graceReminders.add(notBefore(at(day), now));
            }
        }
        LocalDate suspensionDay = lastGraceDay.plusDays(1);
        LocalDate reclaimDay = suspensionDay.plus(settings.retentionPeriod());
        Instant suspendAt = at(suspensionDay);
        Instant finalNoticeAt = notBefore(at(reclaimDay.minus(settings.finalNoticeBefore())), suspendAt);
        return new Schedule(reminders, salesCallAt, salesCallDue, startOf(expiry.plusDays(1)), graceReminders,
                suspendAt, finalNoticeAt, at(reclaimDay));
    }

    /** For the model's reminder loops: the times a plan stored with {@link #csv}. */
    @CalledByModels
    public List<Date> times(String csv) {
        if (csv == null || csv.isBlank()) {
            return List.of();
        }
        return Arrays.stream(csv.split(",")).map(String::strip).map(Instant::parse).map(Date::from).toList();
    }

    static String csv(List<Instant> times) {
        return times.stream().map(Instant::toString).collect(Collectors.joining(","));
    }

    LocalDate today() {
        return LocalDate.ofInstant(now(), zone);
    }

    /** The first expiry date the scan looks at: services that lapsed within the grace period. */
    LocalDate scanFrom(LocalDate today) {
        return today.minus(settings.gracePeriod());
    }

    LocalDate scanUntil(LocalDate today) {
        return today.plusDays(settings.lookAheadDays());
    }

    /** A day as letters and forms show it: noon, so that no time zone moves it to another day. */
    Date dayForDisplay(LocalDate day) {
        return Date.from(day.atTime(LocalTime.NOON).atZone(zone).toInstant());
    }

    /** The reverse of {@link #dayForDisplay}, and the day of any instant. */
    LocalDate dayOf(Date date) {
        return LocalDate.ofInstant(date.toInstant(), zone);
    }

    private Instant at(LocalDate day) {
        return day.atTime(timeOfDay).atZone(zone).toInstant();
    }

    private Instant startOf(LocalDate day) {
        return day.atStartOfDay(zone).toInstant();
    }

    private static Instant now() {
        return ClockUtil.getCurrentTime().toInstant();
    }

    private static Instant notBefore(Instant time, Instant earliest) {
        return time.isBefore(earliest) ? earliest : time;
    }
}

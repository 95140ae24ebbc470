package org.promisedesk.icp;

import java.time.DayOfWeek;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;

/**
 * Business days: Monday to Friday in the given time zone, same time of day. Public holidays (and
 * China's swapped working weekends) are not known here yet; they come with the business calendar
 * of the intake feature.
 */
final class BusinessDays {

    /** {@code days} business days after {@code from}; counting starts on the next day. */
    static Date plus(Date from, int days, ZoneId zone) {
        ZonedDateTime time = from.toInstant().atZone(zone);
        int counted = 0;
        while (counted < days) {
            time = time.plusDays(1);
            if (time.getDayOfWeek() != DayOfWeek.SATURDAY && time.getDayOfWeek() != DayOfWeek.SUNDAY) {
                counted++;
            }
        }
        return Date.from(time.toInstant());
    }

    private BusinessDays() {
    }
}

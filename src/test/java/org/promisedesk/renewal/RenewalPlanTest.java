package org.promisedesk.renewal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.promisedesk.renewal.RenewalTestData.at;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.List;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The dates a renewal waits for come from {@code promise-desk.renewal.*}, not from the model. */
class RenewalPlanTest {

    static final LocalDate EXPIRY = LocalDate.of(2031, 3, 31);

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void shouldTakeEveryPeriodFromTheSettings() {
        RenewalPlan plan = new RenewalPlan(new RenewalSettings(List.of(2, 10), 5, Period.ofDays(3), List.of(5, 1, 2),
                Period.ofDays(10), Period.ofDays(2), "08:30", ZoneId.of("Asia/Shanghai"), 50));
        ClockUtil.setCurrentTime(at(EXPIRY.minusDays(20), "06:00"));

        RenewalPlan.Schedule schedule = plan.schedule(EXPIRY, true);

        assertThat(schedule.reminders()).containsExactly(time(EXPIRY.minusDays(10), "08:30"), time(EXPIRY.minusDays(2), "08:30"));
        assertThat(schedule.salesCallAt()).isEqualTo(time(EXPIRY.minusDays(5), "08:30"));
        assertThat(schedule.salesCallDue()).isEqualTo(time(EXPIRY, "08:30"));
        assertThat(schedule.lapsedAt()).isEqualTo(time(EXPIRY.plusDays(1), "00:00"));
        assertThat(schedule.graceReminders()).as("day 5 is past the 3-day grace period")
                .containsExactly(time(EXPIRY.plusDays(1), "08:30"), time(EXPIRY.plusDays(2), "08:30"));
        assertThat(schedule.suspendAt()).isEqualTo(time(EXPIRY.plusDays(4), "08:30"));
        assertThat(schedule.reclaimAt()).isEqualTo(time(EXPIRY.plusDays(14), "08:30"));
        assertThat(schedule.finalNoticeAt()).isEqualTo(time(EXPIRY.plusDays(12), "08:30"));
        assertThat(plan.scanFrom(LocalDate.of(2031, 1, 10))).isEqualTo(LocalDate.of(2031, 1, 7));
        assertThat(plan.scanUntil(LocalDate.of(2031, 1, 10))).isEqualTo(LocalDate.of(2031, 1, 20));
    }

    @Test
    void shouldSendTheFinalNoticeNoEarlierThanTheSuspension() {
        RenewalPlan plan = new RenewalPlan(new RenewalSettings(List.of(1), 14, Period.ofDays(7), List.of(1),
                Period.ofDays(3), Period.ofDays(7), "09:00", ZoneId.of("Asia/Shanghai"), 100));
        ClockUtil.setCurrentTime(at(EXPIRY.minusDays(5), "06:00"));

        RenewalPlan.Schedule schedule = plan.schedule(EXPIRY, false);

        assertThat(schedule.finalNoticeAt()).isEqualTo(schedule.suspendAt());
        assertThat(schedule.salesCallAt()).isNull();
    }

    @Test
    void shouldRefuseASettingThatMakesNoSenseNamingIt() {
        assertThatThrownBy(() -> new RenewalSettings(List.of(30, -1), 14, Period.ofDays(7), List.of(1),
                Period.ofDays(30), Period.ofDays(7), "09:00", ZoneId.of("UTC"), 100))
                .hasMessageContaining("promise-desk.renewal.reminder-days");
        assertThatThrownBy(() -> new RenewalSettings(List.of(30), 14, Period.ZERO, List.of(1),
                Period.ofDays(30), Period.ofDays(7), "09:00", ZoneId.of("UTC"), 100))
                .hasMessageContaining("promise-desk.renewal.grace-period");
        assertThatThrownBy(() -> new RenewalSettings(List.of(30), 14, Period.ofDays(7), List.of(1),
                Period.ofDays(30), Period.ofDays(7), "9 o'clock", ZoneId.of("UTC"), 100))
                .hasMessageContaining("promise-desk.renewal.reminder-time");
    }

    private static Instant time(LocalDate day, String time) {
        return at(day, time).toInstant();
    }
}

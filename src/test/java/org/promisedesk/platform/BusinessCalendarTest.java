package org.promisedesk.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Plain unit test of the business calendar (09:00-18:00 in Shanghai, the shipped years). */
class BusinessCalendarTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private final BusinessCalendar calendar = BusinessCalendar.defaultCalendar();

    @Test
    void shouldSkipTheWeekend() {
        // Friday 20 November 2026, 17:00: one hour on Friday, one on Monday.
        assertThat(calendar.addWorkingTime(at("2026-11-20T17:00"), Duration.ofHours(2))).isEqualTo(at("2026-11-23T10:00"));
        assertThat(calendar.addBusinessDays(at("2026-11-20T10:00"), 1)).isEqualTo(at("2026-11-23T10:00"));
        assertThat(calendar.addBusinessDays(at("2026-11-20T10:00"), 5)).isEqualTo(at("2026-11-27T10:00"));
        assertThat(calendar.addBusinessDays(at("2026-11-20T10:00"), 20)).isEqualTo(at("2026-12-18T10:00"));
        assertThat(calendar.workingTimeBetween(at("2026-11-20T17:00"), at("2026-11-23T10:00"))).isEqualTo(Duration.ofHours(2));
    }

    @Test
    void shouldSkipTheSpringFestival() {
        // 15 to 23 February 2026 off; Saturday 14 February is a make-up working day.
        assertThat(calendar.isWorkingDay(LocalDate.parse("2026-02-16"))).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.parse("2026-02-23"))).isFalse();
        assertThat(calendar.addWorkingTime(at("2026-02-14T17:00"), Duration.ofHours(2))).isEqualTo(at("2026-02-24T10:00"));
        assertThat(calendar.addBusinessDays(at("2026-02-13T10:00"), 2)).isEqualTo(at("2026-02-24T10:00"));
        assertThat(calendar.workingTimeBetween(at("2026-02-13T09:00"), at("2026-02-25T09:00")))
                .as("Friday 13th, Saturday 14th, Tuesday 24th").isEqualTo(Duration.ofHours(27));
    }

    @Test
    void shouldSkipNationalDay() {
        assertThat(calendar.addWorkingTime(at("2026-09-30T17:00"), Duration.ofHours(2))).isEqualTo(at("2026-10-08T10:00"));
        assertThat(calendar.addBusinessDays(at("2026-09-30T10:00"), 1)).isEqualTo(at("2026-10-08T10:00"));
        // Saturday 10 October is a working day, Sunday 11 October is not.
        assertThat(calendar.addBusinessDays(at("2026-10-09T10:00"), 2)).isEqualTo(at("2026-10-12T10:00"));
    }

    @Test
    void shouldCountAMakeUpSaturday() {
        assertThat(calendar.isWorkingDay(LocalDate.parse("2026-05-09"))).as("make-up Saturday").isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.parse("2026-05-16"))).as("ordinary Saturday").isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.parse("2026-09-20"))).as("make-up Sunday").isTrue();
        assertThat(calendar.addWorkingTime(at("2026-05-08T17:00"), Duration.ofHours(2))).isEqualTo(at("2026-05-09T10:00"));
        assertThat(calendar.addBusinessDays(at("2026-05-08T10:00"), 1)).isEqualTo(at("2026-05-09T10:00"));
    }

    @Test
    void shouldStartCountingAtTheNextOpeningWhenStartedOutsideWorkingHours() {
        assertThat(calendar.addWorkingTime(at("2026-11-23T07:00"), Duration.ofHours(1))).isEqualTo(at("2026-11-23T10:00"));
        assertThat(calendar.addWorkingTime(at("2026-11-23T20:00"), Duration.ofHours(1))).isEqualTo(at("2026-11-24T10:00"));
        assertThat(calendar.addWorkingTime(at("2026-11-21T12:00"), Duration.ofMinutes(30))).isEqualTo(at("2026-11-23T09:30"));
        assertThat(calendar.addBusinessDays(at("2026-11-20T20:00"), 1)).as("Friday evening").isEqualTo(at("2026-11-24T09:00"));
        assertThat(calendar.addBusinessDays(at("2026-11-21T10:00"), 0)).as("Saturday").isEqualTo(at("2026-11-23T09:00"));
        assertThat(calendar.addBusinessDays(at("2026-11-23T18:00"), 1)).as("at closing time").isEqualTo(at("2026-11-25T09:00"));
        assertThat(calendar.isWorkingTime(at("2026-11-23T18:00"))).isFalse();
        assertThat(calendar.isWorkingTime(at("2026-11-23T09:00"))).isTrue();
    }

    @Test
    void shouldEndAFullDayAtClosingTime() {
        assertThat(calendar.addWorkingTime(at("2026-11-23T09:00"), Duration.ofHours(9))).isEqualTo(at("2026-11-23T18:00"));
        assertThat(calendar.addWorkingTime(at("2026-11-23T09:00"), Duration.ofHours(10))).isEqualTo(at("2026-11-24T10:00"));
    }

    @Test
    void shouldAddNothingForZero() {
        Instant saturday = at("2026-11-21T12:00");
        assertThat(calendar.addWorkingTime(saturday, Duration.ZERO)).isEqualTo(saturday);
        assertThat(calendar.addBusinessDays(at("2026-11-23T11:00"), 0)).isEqualTo(at("2026-11-23T11:00"));
        assertThat(calendar.workingTimeBetween(saturday, saturday)).isZero();
        assertThatThrownBy(() -> calendar.addWorkingTime(saturday, Duration.ofHours(-1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> calendar.addBusinessDays(saturday, -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldMeasureWorkingTimeAsTheInverseOfAddingIt() {
        String[] starts = {"2026-11-20T17:00", "2026-11-21T03:00", "2026-02-12T16:30", "2026-09-30T08:00",
            "2026-12-31T17:59", "2026-04-30T18:00"};
        Duration[] durations = {Duration.ofMinutes(1), Duration.ofHours(4), Duration.ofHours(9), Duration.ofHours(31),
            Duration.ofHours(200), Duration.ofMinutes(545)};
        for (String start : starts) {
            for (Duration duration : durations) {
                Instant end = calendar.addWorkingTime(at(start), duration);
                assertThat(calendar.workingTimeBetween(at(start), end)).as(start + " + " + duration).isEqualTo(duration);
                assertThat(calendar.workingTimeBetween(end, at(start))).isEqualTo(duration.negated());
            }
        }
    }

    @Test
    void shouldOfferDatesAndIsoDurationsToModels() {
        Date friday = Date.from(at("2026-11-20T17:00"));
        assertThat(calendar.addWorkingTime(friday, "PT4H")).isEqualTo(Date.from(at("2026-11-23T12:00")));
        assertThat(calendar.addBusinessDays(friday, 1)).isEqualTo(Date.from(at("2026-11-23T17:00")));
        assertThatThrownBy(() -> calendar.addWorkingTime(friday, "4 hours"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'4 hours' is not a duration");
        assertThat(calendar.zone()).isEqualTo(SHANGHAI);
    }

    @Test
    void shouldCountMondayToFridayInAYearWithoutData() {
        // Chosen behaviour: a year without data is counted Monday to Friday, with a warning in the log.
        assertThat(calendar.hasDataFor(2026)).isTrue();
        assertThat(calendar.hasDataFor(2027)).as("provisional, but there").isTrue();
        assertThat(calendar.hasDataFor(2035)).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.parse("2035-01-01"))).as("a Monday, though New Year's Day").isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.parse("2035-01-06"))).as("a Saturday").isFalse();
        assertThat(calendar.addBusinessDays(at("2035-01-05T10:00"), 1)).isEqualTo(at("2035-01-08T10:00"));
    }

    @Test
    void shouldKnowProvisional2027() {
        assertThat(calendar.isWorkingDay(LocalDate.parse("2027-02-08"))).as("Spring Festival").isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.parse("2027-10-04"))).as("National Day").isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.parse("2027-10-06"))).isTrue();
    }

    @Test
    void shouldTakeYearsFromTheExtraFileOverTheShippedOnes(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("holidays.yaml");
        Files.writeString(file, """
                year: 2027
                status: official
                days-off:
                  - 2027-10-01 .. 2027-10-07
                working-days:
                  - 2027-09-26   # Sunday
                ---
                year: 2028
                days-off:
                  - 2028-01-03
                """);
        BusinessCalendar extended = new BusinessCalendar(new BusinessCalendarSettings("08:30-17:30", SHANGHAI,
                file.toString()));
        assertThat(extended.hasDataFor(2028)).isTrue();
        assertThat(extended.isWorkingDay(LocalDate.parse("2028-01-03"))).isFalse();
        assertThat(extended.isWorkingDay(LocalDate.parse("2027-09-26"))).isTrue();
        assertThat(extended.isWorkingDay(LocalDate.parse("2027-10-07"))).isFalse();
        assertThat(extended.isWorkingDay(LocalDate.parse("2027-02-08"))).as("shipped 2027 replaced").isTrue();
        assertThat(extended.addWorkingTime(at("2028-01-03T10:00"), Duration.ofHours(1))).isEqualTo(at("2028-01-04T09:30"));
    }

    @Test
    void shouldRefuseWrongCalendarData(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("holidays.yaml");
        Files.writeString(file, "year: 2028\nworking-days:\n  - 2028-01-03\n");
        assertThatThrownBy(() -> settingsWith(file)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("2028-01-03 is a MONDAY");
        Files.writeString(file, "year: 2028\ndays-off:\n  - 2028-13-01\n");
        assertThatThrownBy(() -> settingsWith(file)).hasMessageContaining("'2028-13-01' is not a date");
        Files.writeString(file, "year: 2028\ndays-off:\n  - 2027-12-31\n");
        assertThatThrownBy(() -> settingsWith(file)).hasMessageContaining("must be a date or range in 2028");
        assertThatThrownBy(() -> settingsWith(dir.resolve("missing.yaml"))).hasMessageContaining("does not exist");
        assertThatThrownBy(() -> new BusinessCalendarSettings("18:00-09:00", SHANGHAI, null))
                .hasMessageContaining("working-hours must open before it closes");
        assertThatThrownBy(() -> new BusinessCalendarSettings("9 to 5", SHANGHAI, null))
                .hasMessageContaining("working-hours must look like 09:00-18:00");
    }

    private static BusinessCalendar settingsWith(Path file) {
        return new BusinessCalendar(new BusinessCalendarSettings("09:00-18:00", SHANGHAI, file.toString()));
    }

    private static Instant at(String shanghaiTime) {
        return LocalDateTime.parse(shanghaiTime).atZone(SHANGHAI).toInstant();
    }
}

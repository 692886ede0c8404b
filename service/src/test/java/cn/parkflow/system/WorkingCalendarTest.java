package cn.parkflow.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.io.ClassPathResource;

/**
 * The holiday calendar as shipped in {@code application.yaml} (the State Council's arrangements for 2025 and 2026),
 * working-day periods across holidays and make-up working days, and the refusal of a year without data.
 */
class WorkingCalendarTest {

    static Binder shipped() {
        try {
            return new Binder(ConfigurationPropertySources.from(
                    new YamlPropertySourceLoader().load("application", new ClassPathResource("application.yaml"))));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static final WorkingCalendar CALENDAR = new WorkingCalendar(shipped().bind("parkflow.calendar", WorkingCalendar.Settings.class).get());

    static Instant beijing(String dateTime) {
        return ZonedDateTime.of(java.time.LocalDateTime.parse(dateTime), WorkingCalendar.ZONE).toInstant();
    }

    @Test
    void theShippedYearsAreThoseThePublishedNoticesGiveEachWithItsSource() {
        assertThat(CALENDAR.years()).containsOnlyKeys(2025, 2026);
        assertThat(CALENDAR.years().values()).allSatisfy(source -> assertThat(source).contains("国务院办公厅").contains("节假日安排"));
        // 2026: the seven holidays of the notice of 4 November 2025, 33 days off on weekdays and weekends together
        long off2026 = LocalDate.of(2026, 1, 1).datesUntil(LocalDate.of(2027, 1, 1)).filter(d -> !CALENDAR.isWorkingDay(d)).count();
        long weekends2026 = LocalDate.of(2026, 1, 1).datesUntil(LocalDate.of(2027, 1, 1))
                .filter(d -> d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY).count();
        // 365 days - 104 weekend days = 261 weekdays; the holidays take 19 weekdays, the 6 make-up Saturdays and Sundays give 6 back
        assertThat(weekends2026).isEqualTo(104);
        assertThat(365 - off2026).isEqualTo(261 - 19 + 6);
    }

    @Test
    void holidaysAndMakeUpDaysOf2026() {
        for (LocalDate holiday : List.of(LocalDate.of(2026, 1, 2), LocalDate.of(2026, 2, 16), LocalDate.of(2026, 2, 23),
                LocalDate.of(2026, 4, 6), LocalDate.of(2026, 5, 5), LocalDate.of(2026, 6, 19), LocalDate.of(2026, 9, 25),
                LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 7))) {
            assertThat(CALENDAR.isWorkingDay(holiday)).as("%s", holiday).isFalse();
        }
        for (LocalDate makeUp : List.of(LocalDate.of(2026, 1, 4), LocalDate.of(2026, 2, 14), LocalDate.of(2026, 2, 28),
                LocalDate.of(2026, 5, 9), LocalDate.of(2026, 9, 20), LocalDate.of(2026, 10, 10))) {
            assertThat(makeUp.getDayOfWeek()).isIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
            assertThat(CALENDAR.isWorkingDay(makeUp)).as("%s", makeUp).isTrue();
        }
        assertThat(CALENDAR.isWorkingDay(LocalDate.of(2026, 10, 8))).isTrue(); // Thursday after National Day
        assertThat(CALENDAR.isWorkingDay(LocalDate.of(2026, 10, 11))).isFalse(); // an ordinary Sunday
        assertThat(CALENDAR.isWorkingDay(LocalDate.of(2025, 10, 8))).isFalse(); // 2025: National Day and Mid-Autumn together, 8 days
        assertThat(CALENDAR.isWorkingDay(LocalDate.of(2025, 10, 11))).isTrue();
    }

    @Test
    void aMakerSpacePublicationOverNationalDayEndsOnTheFifthWorkingDay() {
        Period fiveWorkingDays = Period.of("5WD");
        // opened Tuesday 29 September 2026 in the afternoon: 30 Sep (1), National Day 1–7 Oct, 8 Oct (2), 9 Oct (3),
        // Saturday 10 Oct, a make-up working day (4), Sunday 11 Oct off, Monday 12 Oct (5): ends at midnight after it
        Instant end = fiveWorkingDays.end(beijing("2026-09-29T15:30"), CALENDAR);
        assertThat(end).isEqualTo(beijing("2026-10-13T00:00"));
        assertThat(fiveWorkingDays.label()).isEqualTo("5个工作日");
        assertThat(fiveWorkingDays.workingDays()).isTrue();
        // the same days counted as calendar days would have ended inside the holiday
        assertThat(Period.of("P5D").end(beijing("2026-09-29T15:30"), CALENDAR)).isEqualTo(beijing("2026-10-04T15:30"));
    }

    @Test
    void aPublicationOverSpringFestivalCountsTheMakeUpSaturday() {
        // opened Thursday 12 Feb 2026: 13 Feb (1), Saturday 14 Feb make-up (2), 15–23 Feb off, 24 (3), 25 (4), 26 (5)
        assertThat(Period.of("5WD").end(beijing("2026-02-12T09:00"), CALENDAR)).isEqualTo(beijing("2026-02-27T00:00"));
        // a period opened at 23:59 still starts counting the next day
        assertThat(Period.of("1WD").end(beijing("2026-02-13T23:59"), CALENDAR)).isEqualTo(beijing("2026-02-15T00:00"));
    }

    @Test
    void aPeriodReachingAYearWithoutDataIsRefusedNotGuessed() {
        assertThatThrownBy(() -> CALENDAR.isWorkingDay(LocalDate.of(2027, 1, 4)))
                .isInstanceOf(WorkingCalendar.YearNotConfigured.class)
                .hasMessageContaining("2027年的法定节假日安排尚未录入").hasMessageContaining("parkflow.calendar.years.2027");
        // five working days fit into December 2026 (25, 28–31 December); a sixth would be in 2027
        assertThat(Period.of("5WD").end(beijing("2026-12-24T10:00"), CALENDAR)).isEqualTo(beijing("2027-01-01T00:00"));
        assertThatThrownBy(() -> Period.of("6WD").end(beijing("2026-12-24T10:00"), CALENDAR))
                .isInstanceOf(WorkingCalendar.YearNotConfigured.class);
        assertThatThrownBy(() -> CALENDAR.isWorkingDay(LocalDate.of(2024, 12, 31))).isInstanceOf(WorkingCalendar.YearNotConfigured.class);
    }

    @Test
    void badCalendarDataStopsTheStartWithTheEntryNamed() {
        for (var bad : List.of(
                new WorkingCalendar.Year(List.of("2026-13-01"), List.of(), "x"),
                new WorkingCalendar.Year(List.of("2026-10-07/2026-10-01"), List.of(), "x"),
                new WorkingCalendar.Year(List.of("2026-12-31/2027-01-02"), List.of(), "x"),
                new WorkingCalendar.Year(List.of(), List.of("2026-10-09"), "x"))) { // a Friday is no make-up day
            assertThatThrownBy(() -> new WorkingCalendar(new WorkingCalendar.Settings(Map.of(2026, bad))))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("parkflow.calendar.years.2026");
        }
    }

    @Test
    void periodsSayWhetherTheyCountCalendarTimeOrWorkingDays() {
        assertThat(Period.of("P7D").workingDays()).isFalse();
        assertThat(Period.of("P7D").label()).isEqualTo("7天");
        assertThat(Period.of("PT90S").end(Instant.parse("2026-12-03T00:00:00Z"), CALENDAR)).isEqualTo(Instant.parse("2026-12-03T00:01:30Z"));
        assertThat(Period.of(" 5wd ").toString()).isEqualTo("5WD");
        for (String bad : new String[] {"0WD", "P-1D", "PT0S", "five", "5 WD", "", "1000WD"}) {
            assertThatThrownBy(() -> Period.of(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void makerSpacesPublishForFiveWorkingDaysOtherKindsForTheConfiguredCalendarPeriod() {
        ParkflowProperties properties = shipped().bind("parkflow", ParkflowProperties.class).get();
        assertThat(properties.publicationPeriod("NURSERY")).isEqualTo(Period.of("5WD"));
        assertThat(properties.publicationPeriod("INCUBATOR").workingDays()).isFalse();
        assertThat(properties.publicationPeriod("INCUBATOR").label()).isEqualTo("7天");
        assertThatThrownBy(() -> new ParkflowProperties(null, java.time.Duration.ofDays(7), java.time.Duration.ofDays(15),
                Map.of("NURSERY", "five days"), null, null, null, java.time.Period.ofYears(2), java.time.Period.ofMonths(3), null, null, null)).hasMessageContaining("parkflow.publication-periods.NURSERY");
    }
}

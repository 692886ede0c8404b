package cn.parkflow.system;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Bean;

/**
 * Working days (工作日) by the State Council's published holiday arrangements: a day is a working day when it is a
 * Monday to Friday that is not an official holiday, or a weekend day declared a make-up working day (调休上班).
 * The arrangements are data ({@code parkflow.calendar.years.<year>}, each with its source); a year without data is
 * refused with a message, never guessed, since the State Council publishes each year's arrangement in November of
 * the year before. Dates are Beijing dates ({@link #ZONE}).
 */
public final class WorkingCalendar {

    /** The time zone of the calendar's dates: China Standard Time. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    /** One year's arrangement: holidays (single dates or {@code from/to} ranges), make-up working days, the source. */
    public record Year(List<String> holidays, List<String> workingWeekends, String source) {
        public Year {
            holidays = holidays == null ? List.of() : List.copyOf(holidays);
            workingWeekends = workingWeekends == null ? List.of() : List.copyOf(workingWeekends);
        }
    }

    /** {@code parkflow.calendar}: the arrangement of each year published so far. */
    @ConfigurationProperties("parkflow.calendar")
    public record Settings(Map<Integer, Year> years) {
        public Settings {
            years = years == null ? Map.of() : Map.copyOf(years);
        }
    }

    /** A year the calendar has no arrangement for. */
    public static final class YearNotConfigured extends IllegalStateException {
        private final int year;

        YearNotConfigured(int year) {
            super(year + "年的法定节假日安排尚未录入（parkflow.calendar.years." + year
                    + "），无法按工作日计算期限；请按国务院办公厅公布的当年节假日安排补充配置");
            this.year = year;
        }

        public int year() {
            return year;
        }
    }

    private final Map<Integer, Set<LocalDate>> holidays = new HashMap<>();
    private final Map<Integer, Set<LocalDate>> workingWeekends = new HashMap<>();
    private final Map<Integer, String> sources = new TreeMap<>();

    public WorkingCalendar(Settings settings) {
        settings.years().forEach((year, data) -> {
            holidays.put(year, dates(year, data.holidays(), "holidays"));
            Set<LocalDate> weekends = dates(year, data.workingWeekends(), "working-weekends");
            for (LocalDate day : weekends) {
                if (!weekend(day)) {
                    throw new IllegalArgumentException("parkflow.calendar.years." + year + ".working-weekends: " + day + " is no weekend day");
                }
            }
            workingWeekends.put(year, weekends);
            sources.put(year, data.source());
        });
    }

    private static Set<LocalDate> dates(int year, List<String> entries, String what) {
        Set<LocalDate> dates = new HashSet<>();
        for (String entry : entries) {
            try {
                String[] range = entry.strip().split("/");
                LocalDate from = LocalDate.parse(range[0].strip());
                LocalDate to = range.length > 1 ? LocalDate.parse(range[1].strip()) : from;
                if (range.length > 2 || to.isBefore(from)) {
                    throw new IllegalArgumentException("bad range");
                }
                for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
                    if (day.getYear() != year) {
                        throw new IllegalArgumentException(day + " is not in " + year);
                    }
                    dates.add(day);
                }
            } catch (DateTimeParseException | IllegalArgumentException e) {
                throw new IllegalArgumentException("parkflow.calendar.years." + year + "." + what + ": '" + entry
                        + "' is not a date or a from/to range within the year (" + e.getMessage() + ")", e);
            }
        }
        return dates;
    }

    private static boolean weekend(LocalDate day) {
        return day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
    }

    /** The years with an arrangement, and each one's source. */
    public Map<Integer, String> years() {
        return Map.copyOf(sources);
    }

    public boolean isWorkingDay(LocalDate day) {
        int year = day.getYear();
        if (!holidays.containsKey(year)) {
            throw new YearNotConfigured(year);
        }
        if (holidays.get(year).contains(day)) {
            return false;
        }
        return !weekend(day) || workingWeekends.get(year).contains(day);
    }

    /** The {@code n}-th working day after {@code day} (not counting {@code day} itself), n ≥ 1. */
    public LocalDate workingDaysAfter(LocalDate day, int n) {
        if (n < 1) {
            throw new IllegalArgumentException("n must be at least 1");
        }
        LocalDate current = day;
        for (int counted = 0; counted < n; ) {
            current = current.plusDays(1);
            if (isWorkingDay(current)) {
                counted++;
            }
        }
        return current;
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(Settings.class)
    static class Beans {
        @Bean
        WorkingCalendar workingCalendar(Settings settings) {
            return new WorkingCalendar(settings);
        }
    }
}

package cn.parkflow.system;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A period as configured, saying whether it counts calendar time or working days: an ISO-8601 duration
 * ({@code P7D}, {@code PT90S}) is calendar time from the moment it starts; {@code <n>WD} ({@code 5WD}) is n working
 * days of the {@link WorkingCalendar}, counted from the day after the start, ending at midnight (Beijing time) after
 * the n-th, so that the whole of each working day is in the period.
 */
public record Period(String text) {

    private static final Pattern WORKING_DAYS = Pattern.compile("([1-9][0-9]{0,2})WD");

    public Period {
        text = text == null ? null : text.strip().toUpperCase();
        if (text == null || !(WORKING_DAYS.matcher(text).matches() || duration(text) != null)) {
            throw new IllegalArgumentException("'" + text + "' is neither an ISO-8601 duration (P7D) nor a number of working days (5WD)");
        }
    }

    public static Period of(String text) {
        return new Period(text);
    }

    private static Duration duration(String text) {
        try {
            Duration d = Duration.parse(text);
            return d.isNegative() || d.isZero() ? null : d;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    public boolean workingDays() {
        return WORKING_DAYS.matcher(text).matches();
    }

    /** When the period that starts at {@code start} ends. */
    public Instant end(Instant start, WorkingCalendar calendar) {
        Matcher m = WORKING_DAYS.matcher(text);
        if (!m.matches()) {
            return start.plus(duration(text));
        }
        LocalDate startDay = LocalDate.ofInstant(start, WorkingCalendar.ZONE);
        return calendar.workingDaysAfter(startDay, Integer.parseInt(m.group(1))).plusDays(1).atStartOfDay(WorkingCalendar.ZONE).toInstant();
    }

    /** In words, for notices and forms: 7天 / 5个工作日 (a calendar period shorter than a day in its ISO form). */
    public String label() {
        Matcher m = WORKING_DAYS.matcher(text);
        if (m.matches()) {
            return m.group(1) + "个工作日";
        }
        Duration d = duration(text);
        return d.toSeconds() % 86_400 == 0 ? d.toDays() + "天" : text;
    }

    @Override
    public String toString() {
        return text;
    }
}

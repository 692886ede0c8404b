package cn.parkflow.tenant;

import java.sql.Date;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * A firm's stay at a carrier, as the duplicate list and the chain both read it: it runs from the entry day up to the day
 * it ended — the earlier of exit and graduation (a graduate has left incubation) — and the firm is not there on that
 * day, so leaving one carrier and entering the next on the same day is a move, not a day counted twice.
 */
final class Stays {

    private Stays() {}

    /** The day the stay ended, or null while it lasts. */
    static LocalDate end(LocalDate exit, LocalDate graduated) {
        if (exit == null || graduated == null) {
            return exit == null ? graduated : exit;
        }
        return exit.isBefore(graduated) ? exit : graduated;
    }

    /** Whether a stay that ended on {@code earlierEnd} was left by the day the next began: a move. */
    static boolean movedOn(LocalDate earlierEnd, LocalDate nextEntry) {
        return earlierEnd != null && !earlierEnd.isAfter(nextEntry);
    }

    /** The days of {@code year} two stays share: {@code [from, until]}, or null when they share none. */
    record Overlap(LocalDate from, LocalDate until, long days) {}

    static Overlap overlap(int year, LocalDate aIn, LocalDate aEnd, LocalDate bIn, LocalDate bEnd) {
        LocalDate after = LocalDate.of(year + 1, 1, 1);
        LocalDate from = latest(LocalDate.of(year, 1, 1), latest(aIn, bIn));
        LocalDate until = earliest(after, earliest(aEnd == null ? after : aEnd, bEnd == null ? after : bEnd)); // exclusive
        long days = until.isAfter(from) ? ChronoUnit.DAYS.between(from, until) : 0;
        return days == 0 ? new Overlap(null, null, 0) : new Overlap(from, until.minusDays(1), days);
    }

    static LocalDate day(Date date) {
        return date == null ? null : date.toLocalDate();
    }

    private static LocalDate latest(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static LocalDate earliest(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}

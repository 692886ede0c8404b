package cn.parkflow.tenant;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** When a stay ends, when two stays overlap, and when the second is a move: one reading for duplicates and the chain. */
class StaysTest {

    static LocalDate d(String day) {
        return LocalDate.parse(day);
    }

    @Test
    void aStayEndsAtTheEarlierOfExitAndGraduation() {
        assertThat(Stays.end(d("2025-12-31"), d("2025-06-30"))).isEqualTo(d("2025-06-30"));
        assertThat(Stays.end(null, d("2025-06-30"))).isEqualTo(d("2025-06-30"));
        assertThat(Stays.end(d("2025-03-31"), null)).isEqualTo(d("2025-03-31"));
        assertThat(Stays.end(null, null)).isNull();
    }

    @Test
    void leavingAndEnteringOnTheSameDayIsAMoveWithNoSharedDay() {
        assertThat(Stays.overlap(2025, d("2024-01-01"), d("2025-04-01"), d("2025-04-01"), null).days()).isZero();
        assertThat(Stays.movedOn(d("2025-04-01"), d("2025-04-01"))).isTrue();
        // one day later: still no shared day, still a move
        assertThat(Stays.overlap(2025, d("2024-01-01"), d("2025-04-01"), d("2025-04-02"), null).days()).isZero();
        // entered the next carrier while still at the first: a shared day, not a move
        Stays.Overlap shared = Stays.overlap(2025, d("2024-01-01"), d("2025-04-02"), d("2025-04-01"), null);
        assertThat(shared.days()).isEqualTo(1);
        assertThat(shared.from()).isEqualTo(d("2025-04-01"));
        assertThat(shared.until()).isEqualTo(d("2025-04-01"));
        assertThat(Stays.movedOn(d("2025-04-02"), d("2025-04-01"))).isFalse();
        assertThat(Stays.movedOn(null, d("2025-04-01"))).isFalse();
    }

    @Test
    void theOverlapIsCountedWithinTheRostersYear() {
        assertThat(Stays.overlap(2024, d("2020-01-01"), null, d("2019-06-01"), null).days()).isEqualTo(366); // a leap year, whole
        assertThat(Stays.overlap(2025, d("2025-03-01"), null, d("2024-06-01"), null).days()).isEqualTo(306);
        Stays.Overlap graduated = Stays.overlap(2025, d("2024-01-01"), Stays.end(null, d("2025-06-30")), d("2025-06-01"), null);
        assertThat(graduated.days()).isEqualTo(29); // 1 to 29 June: the graduate is gone on the 30th
        assertThat(graduated.until()).isEqualTo(d("2025-06-29"));
    }
}

package dev.bitbridge.bench;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FixedRateScheduleTest {

    @Test
    void sendsRateTimesSecondsRequests() {
        assertEquals(15_000, new FixedRateSchedule(0, 500, Duration.ofSeconds(30)).count());
        assertEquals(250, new FixedRateSchedule(0, 500, Duration.ofMillis(500)).count());
        assertEquals(2, new FixedRateSchedule(0, 3, Duration.ofMillis(999)).count());
    }

    @Test
    void spacesRequestsEvenlyFromTheStart() {
        FixedRateSchedule schedule = new FixedRateSchedule(1_000, 500, Duration.ofSeconds(30));

        assertEquals(1_000, schedule.intendedNanos(0));
        assertEquals(1_000 + 2_000_000, schedule.intendedNanos(1));
        assertEquals(1_000 + 1_000_000_000, schedule.intendedNanos(500));
        assertEquals(1_000 + 30_000_000_000L, schedule.endNanos());
    }

    @Test
    void doesNotDriftWhenThePeriodIsNotWholeNanoseconds() {
        // 3 per second: 333,333,333.33 ns apart; adding a rounded period would lose 1 ns per request
        FixedRateSchedule schedule = new FixedRateSchedule(0, 3, Duration.ofHours(1));

        assertEquals(3_600_000_000_000L - 333_333_334L, schedule.intendedNanos(schedule.count() - 1));
        assertEquals(3_600_000_000_000L, schedule.endNanos());
        for (long i = 1; i < 10; i++) {
            long gap = schedule.intendedNanos(i) - schedule.intendedNanos(i - 1);
            assertTrue(gap == 333_333_333L || gap == 333_333_334L, "gap " + gap);
        }
    }

    @Test
    void rejectsIndexesOutsideThePhase() {
        FixedRateSchedule schedule = new FixedRateSchedule(0, 10, Duration.ofSeconds(1));

        assertThrows(IndexOutOfBoundsException.class, () -> schedule.intendedNanos(10));
        assertThrows(IndexOutOfBoundsException.class, () -> schedule.intendedNanos(-1));
        assertThrows(IllegalArgumentException.class, () -> new FixedRateSchedule(0, 0, Duration.ofSeconds(1)));
    }
}

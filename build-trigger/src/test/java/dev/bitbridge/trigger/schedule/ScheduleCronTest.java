package dev.bitbridge.trigger.schedule;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Cron expressions as schedules accept them: the Unix form, seconds first, nicknames; and what is refused, and why. */
class ScheduleCronTest {

    static final LocalDateTime MONDAY = LocalDateTime.of(2026, 11, 23, 10, 0);

    @Test
    void theUnixFormFiresOnTheWallClock() {
        assertThat(times("*/15 * * * *", MONDAY, 3)).containsExactly(MONDAY.plusMinutes(15), MONDAY.plusMinutes(30),
                MONDAY.plusMinutes(45));
        assertThat(times("0 2 * * MON-FRI", MONDAY, 5)).extracting(LocalDateTime::getDayOfWeek)
                .containsExactly(DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY,
                        DayOfWeek.MONDAY);
        assertThat(times("30 4 1 JAN *", MONDAY, 1)).containsExactly(LocalDateTime.of(2027, 1, 1, 4, 30));
    }

    @Test
    void sundayIsZeroOrSeven() {
        assertThat(times("0 0 * * 0", MONDAY, 2)).isEqualTo(times("0 0 * * 7", MONDAY, 2))
                .allMatch(t -> t.getDayOfWeek() == DayOfWeek.SUNDAY);
    }

    @Test
    void bothDayFieldsRestrictedMatchEitherAsCronDoes() {
        // the 1st of the month, or any Monday
        assertThat(times("0 0 1 * 1", MONDAY, 3)).containsExactly(LocalDateTime.of(2026, 11, 30, 0, 0),
                LocalDateTime.of(2026, 12, 1, 0, 0), LocalDateTime.of(2026, 12, 7, 0, 0));
    }

    @Test
    void secondsComeFirstInTheSixFieldForm() {
        assertThat(times("*/20 * * * * *", MONDAY, 3)).containsExactly(MONDAY.plusSeconds(20),
                MONDAY.plusSeconds(40), MONDAY.plusSeconds(60));
        assertThat(times("0 30 2 * * *", MONDAY, 1)).containsExactly(LocalDateTime.of(2026, 11, 24, 2, 30));
    }

    @Test
    void nicknamesAreTheirFiveFields() {
        assertThat(ScheduleCron.parse("@daily").expression()).isEqualTo("0 0 * * *");
        assertThat(ScheduleCron.parse("@HOURLY").expression()).isEqualTo("0 * * * *");
        assertThat(ScheduleCron.parse("@weekly").expression()).isEqualTo("0 0 * * 0");
        assertThat(ScheduleCron.parse("  0   2 * *  * ").expression()).isEqualTo("0 2 * * *");
        assertThat(problem("@reboot")).contains("nickname");
    }

    @Test
    void refusalsSayWhatToDo() {
        assertThat(problem(null)).startsWith("is required");
        assertThat(problem("  ")).startsWith("is required");
        assertThat(problem("H 2 * * *")).contains("Jenkins' H").contains("15 2 * * *");
        assertThat(problem("H/15 * * * *")).contains("Jenkins' H");
        assertThat(problem("0 2 * *")).startsWith("has 4 fields").contains("5 fields");
        assertThat(problem("0 0 2 * * * 2027")).startsWith("has 7 fields");
        assertThat(problem("60 * * * *")).contains("not a valid cron expression").contains("60");
        assertThat(problem("0 0 ? * 1")).contains("not a valid cron expression");
        assertThat(problem("0 0 L * *")).contains("not a valid cron expression");
        assertThat(problem("0 0 * * 1#2")).contains("not a valid cron expression");
        assertThat(problem("0 25 * * *")).contains("not a valid cron expression");
    }

    @Test
    void anExpressionThatNeverMatchesHasNoNextTime() {
        assertThat(ScheduleCron.parse("0 0 30 2 *").nextAfter(MONDAY)).isEmpty();
        assertThat(ScheduleCron.parse("0 0 31 4 *").nextAfter(MONDAY)).isEmpty();
        assertThat(ScheduleCron.parse("0 0 29 2 *").nextAfter(MONDAY)).contains(LocalDateTime.of(2028, 2, 29, 0, 0));
    }

    @Test
    void theShortestIntervalIsFound() {
        Duration year = Duration.ofDays(400);
        assertThat(ScheduleCron.parse("*/5 * * * *").shortestInterval(MONDAY, 5000, year, Duration.ofMinutes(5)))
                .contains(Duration.ofMinutes(5));
        assertThat(ScheduleCron.parse("* * * * *").shortestInterval(MONDAY, 5000, year, Duration.ofMinutes(5)))
                .contains(Duration.ofMinutes(1));
        assertThat(ScheduleCron.parse("0,59 0,23 * * *").shortestInterval(MONDAY, 5000, year,
                Duration.ofMinutes(5))).as("23:59 then 00:00").contains(Duration.ofMinutes(1));
        assertThat(ScheduleCron.parse("0 0 * * *").shortestInterval(MONDAY, 5000, year, Duration.ofMinutes(5)))
                .contains(Duration.ofDays(1));
        assertThat(ScheduleCron.parse("*/2 * * * * *").shortestInterval(MONDAY, 5000, year, Duration.ofMinutes(5)))
                .contains(Duration.ofSeconds(2));
    }

    @Test
    void latestAtOrBeforeIncludesTheTimeItself() {
        ScheduleCron hourly = ScheduleCron.parse("0 * * * *");
        assertThat(hourly.latestAtOrBefore(MONDAY)).contains(MONDAY);
        assertThat(hourly.latestAtOrBefore(MONDAY.plusNanos(500_000_000))).contains(MONDAY);
        assertThat(hourly.latestAtOrBefore(MONDAY.minusNanos(1))).contains(MONDAY.minusHours(1));
        assertThat(hourly.nextAfter(MONDAY)).contains(MONDAY.plusHours(1));
        assertThat(hourly.nextAfter(MONDAY.minusNanos(1))).contains(MONDAY);
    }

    private static List<LocalDateTime> times(String expression, LocalDateTime from, int count) {
        ScheduleCron cron = ScheduleCron.parse(expression);
        List<LocalDateTime> times = new ArrayList<>();
        LocalDateTime at = from;
        for (int i = 0; i < count; i++) {
            at = cron.nextAfter(at).orElseThrow();
            times.add(at);
        }
        return times;
    }

    private static String problem(String expression) {
        try {
            ScheduleCron.parse(expression);
        } catch (ScheduleCron.Invalid e) {
            return e.getMessage();
        }
        throw new AssertionError("'" + expression + "' was accepted");
    }
}

package dev.bitbridge.trigger.schedule;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.cronutils.model.definition.CronDefinition;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;

/**
 * A schedule's cron expression, read on the wall clock (local date and time, no zone; {@link Slots} places it in a
 * time zone). Accepted: the standard 5-field Unix form {@code minute hour day-of-month month day-of-week} (numbers,
 * {@code *}, ranges, lists, steps, {@code JAN}–{@code DEC}, {@code SUN}–{@code SAT}, 0 and 7 both Sunday; a day
 * matching either day field when both are restricted, as cron does); the same with a seconds field first (6 fields);
 * and the nicknames {@code @yearly}, {@code @annually}, {@code @monthly}, {@code @weekly}, {@code @daily},
 * {@code @midnight}, {@code @hourly}. Not accepted: Jenkins' {@code H}, Quartz's {@code ? L W #}, {@code @reboot}.
 */
public final class ScheduleCron {

    private static final CronParser UNIX = new CronParser(withDays(CronDefinitionBuilder.defineCron()
            .withMinutes().withStrictRange().and()));
    private static final CronParser WITH_SECONDS = new CronParser(withDays(CronDefinitionBuilder.defineCron()
            .withSeconds().withStrictRange().and()
            .withMinutes().withStrictRange().and()));
    private static final Map<String, String> NICKNAMES = Map.of("@yearly", "0 0 1 1 *", "@annually", "0 0 1 1 *",
            "@monthly", "0 0 1 * *", "@weekly", "0 0 * * 0", "@daily", "0 0 * * *", "@midnight", "0 0 * * *",
            "@hourly", "0 * * * *");
    private static final String FORMS = "give 5 fields (minute hour day-of-month month day-of-week, e.g. '0 2 * * *'"
            + " for 02:00 every day), or 6 with seconds first";

    private final String expression;
    private final ExecutionTime times;

    private ScheduleCron(String expression, ExecutionTime times) {
        this.expression = expression;
        this.times = times;
    }

    private static CronDefinition withDays(CronDefinitionBuilder builder) {
        return builder.withHours().withStrictRange().and()
                .withDayOfMonth().withStrictRange().and()
                .withMonth().withStrictRange().and()
                .withDayOfWeek().withValidRange(0, 7).withMondayDoWValue(1).withIntMapping(7, 0).withStrictRange()
                .and()
                .instance();
    }

    /**
     * @param expression the expression as written
     * @return it, parsed
     * @throws Invalid saying what is wrong and what to do
     */
    public static ScheduleCron parse(String expression) {
        if (expression == null || expression.isBlank()) {
            throw new Invalid("is required: " + FORMS);
        }
        String text = expression.strip().replaceAll("\\s+", " ");
        if (text.startsWith("@")) {
            String known = NICKNAMES.get(text.toLowerCase(Locale.ROOT));
            if (known == null) {
                throw new Invalid("is a nickname build-trigger does not know: use @yearly, @monthly, @weekly,"
                        + " @daily, @hourly, or " + FORMS);
            }
            text = known;
        }
        if (text.matches(".*(^|[ ,/-])H([ ,/(-]|$).*")) {
            throw new Invalid("uses Jenkins' H (hashed) values, which only Jenkins understands: give fixed values,"
                    + " e.g. '15 2 * * *' instead of 'H 2 * * *'");
        }
        int fields = text.split(" ").length;
        if (fields != 5 && fields != 6) {
            throw new Invalid("has " + fields + " field" + (fields == 1 ? "" : "s") + ": " + FORMS);
        }
        try {
            var cron = (fields == 5 ? UNIX : WITH_SECONDS).parse(text);
            cron.validate();
            return new ScheduleCron(text, ExecutionTime.forCron(cron));
        } catch (IllegalArgumentException e) {
            String why = String.valueOf(e.getMessage()).replace("Failed to parse cron expression. ", "").strip();
            throw new Invalid("is not a valid cron expression (" + why + "): " + FORMS + "; the special characters"
                    + " are * , - /");
        }
    }

    /** @return the expression as it is used (whitespace collapsed, a nickname replaced by its 5 fields) */
    public String expression() {
        return expression;
    }

    /** @return the first matching wall-clock time strictly after {@code wall}, if the expression ever matches */
    public Optional<LocalDateTime> nextAfter(LocalDateTime wall) {
        return times.nextExecution(wall.truncatedTo(ChronoUnit.SECONDS).atZone(ZoneOffset.UTC))
                .map(ZonedDateTime::toLocalDateTime);
    }

    /** @return the last matching wall-clock time at or before {@code wall} */
    public Optional<LocalDateTime> latestAtOrBefore(LocalDateTime wall) {
        return times.lastExecution(wall.truncatedTo(ChronoUnit.SECONDS).plusSeconds(1).atZone(ZoneOffset.UTC))
                .map(ZonedDateTime::toLocalDateTime);
    }

    /**
     * The shortest wall-clock interval between two matching times, looked for in the times that follow {@code from}:
     * at most {@code maxTimes} of them within {@code horizon}, stopping at the first interval shorter than
     * {@code atLeast}.
     *
     * @return that shortest interval; empty when fewer than two times match in the horizon
     */
    public Optional<Duration> shortestInterval(LocalDateTime from, int maxTimes, Duration horizon, Duration atLeast) {
        LocalDateTime end = from.plus(horizon);
        Optional<LocalDateTime> previous = nextAfter(from);
        Duration shortest = null;
        for (int i = 1; i < maxTimes && previous.isPresent() && !previous.get().isAfter(end); i++) {
            Optional<LocalDateTime> next = nextAfter(previous.get());
            if (next.isEmpty()) {
                break;
            }
            Duration interval = Duration.between(previous.get(), next.get());
            if (shortest == null || interval.compareTo(shortest) < 0) {
                shortest = interval;
                if (shortest.compareTo(atLeast) < 0) {
                    break;
                }
            }
            previous = next;
        }
        return Optional.ofNullable(shortest);
    }

    @Override
    public String toString() {
        return expression;
    }

    /** An expression that cannot be used; the message says what is wrong and what to do. */
    public static final class Invalid extends IllegalArgumentException {
        Invalid(String message) {
            super(message);
        }
    }
}

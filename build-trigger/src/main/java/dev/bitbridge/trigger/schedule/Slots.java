package dev.bitbridge.trigger.schedule;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;
import java.util.Optional;

/**
 * A schedule's slots: the instants its cron expression fires at in its time zone. The expression follows the wall
 * clock, and each matching wall-clock time is one slot: a time the clocks skip (02:30 when Europe/Berlin springs
 * forward) fires when they change (03:00 local), once however many skipped times match; a time that happens twice
 * (02:30 when it falls back) fires the first time only. For a steady interval across daylight saving time, use UTC.
 */
public final class Slots {

    /** Every second of a repeated hour, and then some: how far a search steps over times that are already past. */
    private static final int MAX_STEPS = 20_000;

    private final ScheduleCron cron;
    private final ZoneId zone;

    public Slots(ScheduleCron cron, ZoneId zone) {
        this.cron = cron;
        this.zone = zone;
    }

    public ZoneId zone() {
        return zone;
    }

    /** @return the first slot strictly after {@code instant}; empty if the expression never fires again */
    public Optional<Instant> nextAfter(Instant instant) {
        LocalDateTime wall = LocalDateTime.ofInstant(instant, zone);
        for (int i = 0; i < MAX_STEPS; i++) {
            Optional<LocalDateTime> next = cron.nextAfter(wall);
            if (next.isEmpty()) {
                return Optional.empty();
            }
            Instant at = instantOf(next.get());
            if (at.isAfter(instant)) {
                return Optional.of(at);
            }
            wall = next.get(); // a repeated hour's times map to their first occurrence, already past
        }
        return Optional.empty();
    }

    /** @return the last slot at or before {@code instant} */
    public Optional<Instant> latestAtOrBefore(Instant instant) {
        Optional<LocalDateTime> latest = cron.latestAtOrBefore(LocalDateTime.ofInstant(instant, zone));
        if (latest.isEmpty()) {
            return Optional.empty();
        }
        LocalDateTime best = latest.get();
        // In the second pass of a repeated hour, later wall-clock times map to their first pass, already past.
        for (int i = 0; i < MAX_STEPS; i++) {
            Optional<LocalDateTime> next = cron.nextAfter(best);
            if (next.isEmpty() || instantOf(next.get()).isAfter(instant)) {
                break;
            }
            best = next.get();
        }
        return Optional.of(instantOf(best));
    }

    /** @return the instant of a wall-clock time: the clocks' change for a skipped time, the first of a repeated one */
    Instant instantOf(LocalDateTime wall) {
        var offsets = zone.getRules().getValidOffsets(wall);
        if (offsets.isEmpty()) {
            ZoneOffsetTransition gap = zone.getRules().getTransition(wall);
            return gap.getInstant();
        }
        return ZonedDateTime.ofLocal(wall, zone, offsets.get(0)).toInstant();
    }
}

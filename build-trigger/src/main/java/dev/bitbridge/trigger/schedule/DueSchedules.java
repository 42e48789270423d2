package dev.bitbridge.trigger.schedule;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;

import dev.bitbridge.trigger.config.TriggerConfig;

/**
 * Takes the schedules that are due, most overdue first, with {@code FOR UPDATE SKIP LOCKED} so that replicas never
 * take the same one, and leases each by pushing {@code due_at} past the time firing may take (one call to the
 * connector): one statement ({@link ScheduleStore#claim}).
 */
@ApplicationScoped
public class DueSchedules {

    private final int batchSize;
    private final Duration lease;
    private final ScheduleStore schedules;

    DueSchedules(TriggerConfig config, ScheduleStore schedules) {
        this.schedules = schedules;
        this.batchSize = config.schedules().batchSize();
        this.lease = config.connector().requestTimeout().multipliedBy(2).plusSeconds(5); // connecting, then the answer
    }

    Uni<List<ScheduleClaim>> claim(Instant now) {
        Instant until = now.plus(lease).truncatedTo(ChronoUnit.MICROS); // as PostgreSQL keeps it
        return schedules.claim(now, until, batchSize)
                .map(taken -> taken.stream().map(schedule -> new ScheduleClaim(schedule, until)).toList());
    }
}

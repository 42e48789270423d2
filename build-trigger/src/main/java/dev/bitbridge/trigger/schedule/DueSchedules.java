package dev.bitbridge.trigger.schedule;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

import dev.bitbridge.trigger.config.TriggerConfig;

/**
 * Takes the schedules that are due, most overdue first, with {@code FOR UPDATE SKIP LOCKED} so that replicas never
 * take the same one, and leases each by pushing {@code due_at} past the time firing may take (one call to the
 * connector).
 */
@ApplicationScoped
public class DueSchedules {

    private static final String DUE = """
            select * from build_schedule
            where enabled and due_at <= ?1
            order by due_at
            limit ?2
            for update skip locked""";

    private final int batchSize;
    private final Duration lease;

    DueSchedules(TriggerConfig config) {
        this.batchSize = config.schedules().batchSize();
        this.lease = config.connector().requestTimeout().multipliedBy(2).plusSeconds(5); // connecting, then the answer
    }

    Uni<List<ScheduleClaim>> claim(Instant now) {
        Instant until = now.plus(lease).truncatedTo(ChronoUnit.MICROS); // as PostgreSQL keeps it
        return Panache.withTransaction(() -> Panache.getSession()
                .chain(session -> session.createNativeQuery(DUE, ScheduleEntity.class)
                        .setParameter(1, now)
                        .setParameter(2, batchSize)
                        .getResultList())
                .map(schedules -> schedules.stream().map(schedule -> {
                    schedule.dueAt = until;
                    return new ScheduleClaim(schedule, until);
                }).toList()));
    }
}

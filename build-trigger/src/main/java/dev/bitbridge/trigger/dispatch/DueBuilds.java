package dev.bitbridge.trigger.dispatch;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;

import dev.bitbridge.trigger.config.TriggerConfig;
import dev.bitbridge.trigger.store.BuildStore;

/**
 * Takes the builds that are due, oldest first, with {@code FOR UPDATE SKIP LOCKED} so that replicas never take the
 * same row, and leases each by pushing its next action past the time the action may take. A pending build is marked
 * DISPATCHING in the same statement, before anything is posted: the intent of ADR 12. A build whose cancel was asked
 * for and not yet sent is taken to be cancelled, never posted ({@link BuildStore#claim}).
 */
@ApplicationScoped
public class DueBuilds {

    private final TriggerConfig.Dispatch config;
    private final BuildStore builds;

    DueBuilds(TriggerConfig config, BuildStore builds) {
        this.config = config.dispatch();
        this.builds = builds;
    }

    Uni<List<Claim>> claim(Instant now) {
        // Past the longest the action can take (two Jenkins calls; a cancel up to six: a lookup, a crumb, the cancel,
        // the queue item, the stop): then another replica may take over.
        Instant lease = leaseUntil(now, 2);
        Instant cancelLease = leaseUntil(now, 6);
        return builds.claim(now, lease, cancelLease, config.batchSize()).map(taken -> taken.stream()
                .map(t -> new Claim(t.build(), Claim.Action.valueOf(t.action()), t.build().nextActionAt))
                .toList());
    }

    private Instant leaseUntil(Instant now, int calls) {
        Duration lease = config.recoverAfter().plus(config.requestTimeout().multipliedBy(calls));
        return now.plus(lease).truncatedTo(ChronoUnit.MICROS); // as PostgreSQL keeps it
    }
}

package dev.bitbridge.trigger.dispatch;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

import dev.bitbridge.trigger.config.TriggerConfig;
import dev.bitbridge.trigger.store.BuildEntity;

/**
 * Takes the builds that are due, oldest first, with {@code FOR UPDATE SKIP LOCKED} so that replicas never take the
 * same row, and leases each by pushing its next action past the time the action may take. A pending build is marked
 * DISPATCHING in the same transaction, before anything is posted: the intent of ADR 12.
 */
@ApplicationScoped
public class DueBuilds {

    private final TriggerConfig.Dispatch config;

    DueBuilds(TriggerConfig config) {
        this.config = config.dispatch();
    }

    private static final String DUE = """
            select * from build
            where state in ('PENDING', 'DISPATCHING', 'QUEUED', 'INPROGRESS') and next_action_at <= ?1
            order by next_action_at
            limit ?2
            for update skip locked""";

    Uni<List<Claim>> claim(Instant now) {
        return Panache.withTransaction(() -> Panache.getSession()
                .chain(session -> session.createNativeQuery(DUE, BuildEntity.class)
                        .setParameter(1, now)
                        .setParameter(2, config.batchSize())
                        .getResultList())
                .map(builds -> {
                    List<Claim> claims = new ArrayList<>();
                    for (BuildEntity build : builds) {
                        claims.add(lease(build, now));
                    }
                    return claims;
                }));
    }

    private Claim lease(BuildEntity build, Instant now) {
        Claim.Action action = switch (build.state) {
            case "PENDING" -> Claim.Action.DISPATCH;
            case "DISPATCHING" -> Claim.Action.RECOVER;
            default -> Claim.Action.FOLLOW;
        };
        if (build.cancelRequestedBy != null && build.cancelSentAt == null) {
            action = Claim.Action.CANCEL; // never posted once cancelled
        }
        if (action == Claim.Action.DISPATCH) {
            build.state = "DISPATCHING";
            build.dispatchStartedAt = now;
            build.attempts++;
        }
        // Past the longest the action can take (two Jenkins calls; a cancel up to six: a lookup, a crumb, the cancel,
        // the queue item, the stop): then another replica may take over.
        Duration lease = config.recoverAfter().plus(config.requestTimeout()
                .multipliedBy(action == Claim.Action.CANCEL ? 6 : 2));
        build.nextActionAt = now.plus(lease).truncatedTo(ChronoUnit.MICROS); // as PostgreSQL keeps it
        build.leasedUntil = build.nextActionAt;
        build.updatedAt = now;
        return new Claim(build.requestId, action, build.nextActionAt);
    }
}

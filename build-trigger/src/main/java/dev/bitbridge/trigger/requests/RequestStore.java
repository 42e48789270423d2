package dev.bitbridge.trigger.requests;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

import dev.bitbridge.events.build.BuildRequest;
import dev.bitbridge.events.build.StatusKeys;
import dev.bitbridge.trigger.dispatch.Dispatcher;
import dev.bitbridge.trigger.targets.TargetResolver;

/**
 * Stores build requests, once (ADR 12): a request whose id, or whose build (integration, repository, commit, job as
 * resolved in its Jenkins target, kind), is already stored changes nothing. A person's request ({@code manual}) has
 * no business key: asking again builds again.
 */
@ApplicationScoped
public class RequestStore {

    private static final Logger LOG = Logger.getLogger(RequestStore.class);
    private static final String INSERT = """
            insert into build (request_id, business_key, request, integration, repository, commit_hash, status_key,
                               state, attempts, next_action_at, sequence, created_at, updated_at)
            values (?1, ?2, ?3, ?4, ?5, ?6, ?7, 'PENDING', 0, ?8, 0, ?8, ?8)
            on conflict do nothing""";

    private final TargetResolver targets;
    private final MeterRegistry meters;
    private final Dispatcher dispatcher;

    RequestStore(TargetResolver targets, MeterRegistry meters, Dispatcher dispatcher) {
        this.targets = targets;
        this.meters = meters;
        this.dispatcher = dispatcher;
    }

    /**
     * @param request the request
     * @param json the request as received
     * @return whether it was new; completes once it is stored (or known)
     */
    public Uni<Boolean> accept(BuildRequest request, String json) {
        return Panache.withTransaction(() -> businessKey(request).chain(key -> Panache.getSession()
                .chain(session -> session.createNativeQuery(INSERT)
                        .setParameter(1, request.requestId())
                        .setParameter(2, key)
                        .setParameter(3, json)
                        .setParameter(4, request.integration())
                        .setParameter(5, request.repository().fullName())
                        .setParameter(6, request.commit())
                        .setParameter(7, request.statusKey() != null ? request.statusKey()
                                : StatusKeys.of(request.job(), null))
                        .setParameter(8, Instant.now())
                        .executeUpdate())))
                .map(inserted -> inserted > 0)
                .invoke(inserted -> {
                    meters.counter("bitbridge.trigger.requests", "outcome", inserted ? "new" : "duplicate")
                            .increment();
                    if (inserted) {
                        dispatcher.wake();
                    } else {
                        LOG.debugf("Build request %s is already known (same id, or the same build)",
                                request.requestId());
                    }
                });
    }

    private Uni<String> businessKey(BuildRequest request) {
        if (request.manual() || request.kind() == null) {
            return Uni.createFrom().nullItem();
        }
        return targets.targetOf(request.integration(), request.repository().fullName()).map(target -> {
            String job = target == null ? request.job() : targets.jobPath(target, request);
            return String.join("\n", request.integration(), request.repository().fullName(), request.commit(),
                    job == null ? "@default" : job, request.kind());
        });
    }
}

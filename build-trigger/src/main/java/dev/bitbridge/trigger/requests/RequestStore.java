package dev.bitbridge.trigger.requests;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;

import dev.bitbridge.events.build.BuildRequest;
import dev.bitbridge.events.build.StatusKeys;
import dev.bitbridge.trigger.dispatch.Dispatcher;
import dev.bitbridge.trigger.store.BuildStore;
import dev.bitbridge.trigger.targets.TargetResolver;

/**
 * Stores build requests, once (ADR 12): a request whose id, or whose build (integration, repository, commit, job as
 * resolved in its Jenkins target, kind), is already stored changes nothing. A person's request ({@code manual}) has
 * no business key: asking again builds again. On its own a request is one statement ({@code INSERT … ON CONFLICT DO
 * NOTHING}, after reading the Jenkins target without a lock), committed when it completes; a scheduled slot stores its
 * request in the transaction that moves the schedule past the slot.
 */
@ApplicationScoped
public class RequestStore {

    private static final Logger LOG = Logger.getLogger(RequestStore.class);

    private final TargetResolver targets;
    private final MeterRegistry meters;
    private final Dispatcher dispatcher;
    private final BuildStore builds;
    private final Pool pool;

    RequestStore(TargetResolver targets, MeterRegistry meters, Dispatcher dispatcher, BuildStore builds, Pool pool) {
        this.targets = targets;
        this.meters = meters;
        this.dispatcher = dispatcher;
        this.builds = builds;
        this.pool = pool;
    }

    /**
     * @param request the request
     * @param json the request as received
     * @return whether it was new; completes once it is stored (or known)
     */
    public Uni<Boolean> accept(BuildRequest request, String json) {
        return accept(pool, request, json);
    }

    /**
     * Stores the request on {@code client}: a connection in a transaction of the caller's, which commits it.
     *
     * @return whether it was new
     */
    public Uni<Boolean> accept(SqlClient client, BuildRequest request, String json) {
        return businessKey(client, request)
                .chain(key -> builds.insert(client, request.requestId(), key, json, request.integration(),
                        request.repository().fullName(), request.commit(), request.statusKey() != null
                                ? request.statusKey()
                                : StatusKeys.of(request.job(), null),
                        Instant.now()))
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

    private Uni<String> businessKey(SqlClient client, BuildRequest request) {
        if (request.manual() || request.kind() == null) {
            return Uni.createFrom().nullItem();
        }
        return targets.targetOf(client, request.integration(), request.repository().fullName()).map(target -> {
            String job = target == null ? request.job() : targets.jobPath(target, request);
            return String.join("\n", request.integration(), request.repository().fullName(), request.commit(),
                    job == null ? "@default" : job, request.kind());
        });
    }
}

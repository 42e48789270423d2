package dev.bitbridge.trigger.outbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;

import dev.bitbridge.events.Topics;
import dev.bitbridge.platform.kafka.Output;
import dev.bitbridge.platform.kafka.OutputMessages;
import dev.bitbridge.platform.work.SinglePass;
import dev.bitbridge.trigger.store.OutboxRecord;
import dev.bitbridge.trigger.store.OutboxStore;

/**
 * Sends the outbox to {@code bitbridge.builds.v1} in order, and removes what Kafka acknowledged (ADR 12). A crash
 * between the two sends a record again, with the same id and sequence: consumers skip it.
 */
@ApplicationScoped
public class BuildEventPublisher {

    static final String CHANNEL = "builds";
    private static final Logger LOG = Logger.getLogger(BuildEventPublisher.class);
    private static final int BATCH = 200;

    private final MutinyEmitter<byte[]> emitter;
    private final OutboxStore outbox;
    private final Pool pool;

    private final SinglePass passes;

    BuildEventPublisher(@Channel(CHANNEL) MutinyEmitter<byte[]> emitter, Vertx vertx, OutboxStore outbox, Pool pool) {
        this.emitter = emitter;
        this.outbox = outbox;
        this.pool = pool;
        this.passes = new SinglePass("build event publishing", this::publish, vertx);
    }

    /** Sends what the outbox holds now: a transition was just committed. */
    public void wake() {
        passes.wake();
    }

    /** @return what is wrong with the publishing loop (a pass hangs, or passes stopped); empty when nothing is */
    public Optional<String> problem(Duration stuckAfter, Duration silentAfter) {
        return passes.problem(stuckAfter, silentAfter);
    }

    /** The fallback, for what a failed send left behind. */
    @Scheduled(every = "${bitbridge.trigger.dispatch.poll-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> scheduled() {
        return passes.run();
    }

    /**
     * Sends the oldest rows and deletes them, in one transaction that holds them ({@code FOR UPDATE SKIP LOCKED}): two
     * replicas never send the same row, and a row is deleted only once Kafka has it. The rows are taken by deleting
     * them ({@link OutboxStore#take}); a send that fails rolls the deletion back.
     */
    Uni<Void> publish() {
        return pool.withTransaction(connection -> outbox.take(connection, BATCH).chain(rows -> {
            if (rows.isEmpty()) {
                return Uni.createFrom().voidItem();
            }
            List<Uni<Void>> sends = new ArrayList<>();
            for (OutboxRecord row : rows) {
                sends.add(emitter.sendMessage(OutputMessages.message(new Output(Topics.BUILDS_V1, row.recordKey(),
                        row.requestId() + "/" + row.sequence(), row.eventType(), row.subject(), row.integration(),
                        row.payload(), Map.of()))));
            }
            return Uni.join().all(sends).andFailFast().replaceWithVoid();
        }))
                .onFailure().recoverWithItem(failure -> {
                    LOG.warnf("Build events could not be sent yet (%s); they are sent again", failure.getMessage());
                    return null;
                });
    }
}

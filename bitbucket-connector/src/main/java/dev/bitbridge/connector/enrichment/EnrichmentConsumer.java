package dev.bitbridge.connector.enrichment;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordBatchMetadata;
import io.smallrye.reactive.messaging.kafka.transactions.KafkaTransactions;

import dev.bitbridge.connector.config.ConnectorConfig;
import dev.bitbridge.connector.enrichment.state.CommittedOffsets;
import dev.bitbridge.connector.enrichment.state.EnrichmentState;
import dev.bitbridge.connector.enrichment.state.Position;
import dev.bitbridge.platform.kafka.OutputMessages;
import dev.bitbridge.platform.kafka.SilentAborts;
import dev.bitbridge.platform.lifecycle.FatalErrors;

/**
 * Reads {@code bitbridge.webhooks.v1} in batches and writes each batch's enriched events, dead letters and consumer
 * offsets in one Kafka transaction (ADR 11). Transient failures (Bitbucket, PostgreSQL) hold the batch and try it
 * again after a backoff: the partition waits rather than skipping anything. If the Kafka transaction fails, the
 * consumer goes back to the last committed offsets and the batch is read again.
 * <p>
 * A JVM {@link Error} is never retried: it goes to {@link FatalErrors}, which fails liveness and ends the process
 * (ADR 7), and the batch is never finished, so that nothing after it is committed; the next process reads it again.
 */
@ApplicationScoped
public class EnrichmentConsumer {

    static final String CHANNEL_IN = "enrichment";
    static final String CHANNEL_OUT = "enriched";
    private static final Logger LOG = Logger.getLogger(EnrichmentConsumer.class);

    private final KafkaTransactions<byte[]> transactions;
    private final Enricher enricher;
    private final EnrichmentState state;
    private final ConnectorConfig.Enrichment config;
    private final MeterRegistry meters;
    private final KafkaClientService clients;
    private final FatalErrors fatalErrors;
    private final CommittedOffsets committedOffsets = new CommittedOffsets();
    private final BatchStages stages;
    private volatile SilentAborts silentAborts;

    EnrichmentConsumer(
            @Channel(CHANNEL_OUT) @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 10_000) KafkaTransactions<byte[]> transactions,
            Enricher enricher, EnrichmentState state, ConnectorConfig config,
            MeterRegistry meters, KafkaClientService clients, FatalErrors fatalErrors) {
        this.clients = clients;
        this.fatalErrors = fatalErrors;
        this.transactions = transactions;
        this.enricher = enricher;
        this.state = state;
        this.config = config.enrichment();
        this.meters = meters;
        this.stages = new BatchStages(meters);
    }

    @Incoming(CHANNEL_IN)
    public Uni<Void> enrich(Message<ConsumerRecords<String, byte[]>> batch) {
        List<ConsumerRecord<String, byte[]>> records = new java.util.ArrayList<>();
        batch.getPayload().forEach(records::add);
        int generation = batch.getMetadata(IncomingKafkaRecordBatchMetadata.class)
                .map(IncomingKafkaRecordBatchMetadata::getConsumerGroupGenerationId).orElse(Integer.MIN_VALUE);
        long started = System.nanoTime();
        long oldest = records.stream().mapToLong(ConsumerRecord::timestamp).min().orElse(System.currentTimeMillis());
        stages.waited(System.currentTimeMillis() - oldest);
        return positionOf(records, generation)
                .invoke(() -> stages.took(BatchStages.POSITION, started))
                .chain(position -> enrichAndWrite(batch, records, position))
                .invoke(() -> stages.took(BatchStages.BATCH, started))
                .invoke(committed -> {
                    if (committed) {
                        committedOffsets.committed(generation, nextOffsets(records));
                    } else {
                        committedOffsets.forget();
                    }
                })
                .replaceWithVoid()
                .onFailure().invoke(committedOffsets::forget)
                .onFailure(Error.class).recoverWithUni(error -> {
                    fatalErrors.handle("enrichment of a batch of " + records.size() + " raw webhook(s)", (Error) error);
                    return Uni.createFrom().nothing();
                });
    }

    /** @return whether the batch's transaction committed; when not, the consumer is back at the committed offsets */
    private Uni<Boolean> enrichAndWrite(Message<ConsumerRecords<String, byte[]>> batch,
            List<ConsumerRecord<String, byte[]>> records, Position position) {
        long[] stageStart = { System.nanoTime() };
        return Uni.createFrom().deferred(() -> enricher.enrich(records, position))
                .onFailure(Enricher::isTransient).invoke(f -> LOG.warnf("Enriching %d raw webhook(s) failed for now"
                        + " (%s); trying again", records.size(), f.getMessage()))
                .onFailure(Enricher::isTransient).retry()
                .withBackOff(config.batchRetryBackoff(), Duration.ofMinutes(1)).indefinitely()
                .invoke(() -> stageStart[0] = stages.took(BatchStages.ENRICH, stageStart[0]))
                .call(result -> state.write(result.changes())
                        .onFailure(EnrichmentConsumer::retriable).retry()
                        .withBackOff(config.batchRetryBackoff(), Duration.ofMinutes(1))
                        .indefinitely())
                .invoke(() -> stageStart[0] = stages.took(BatchStages.STATE, stageStart[0]))
                .chain(result -> {
                    double abortsBefore = aborts().before();
                    return transactions.withTransactionAndAck(batch, emitter -> {
                        result.outputs().forEach(output -> emitter.send(OutputMessages.message(output)));
                        return Uni.createFrom().voidItem();
                    }).chain(() -> aborts().abortedSince(abortsBefore) ? readAgain(records.size()).replaceWith(false)
                            : Uni.createFrom().item(true));
                })
                .invoke(committed -> {
                    stages.took(BatchStages.TRANSACTION, stageStart[0]);
                    if (committed) {
                        meters.counter("bitbridge.connector.enrichment.records").increment(records.size());
                    }
                });
    }

    /**
     * The batch's transaction was aborted although it seemed to commit ({@link SilentAborts}): back to the committed
     * offsets, so that the batch is read again and nothing of it is taken as committed. The batch itself completes
     * normally: failing it would make SmallRye nack a batch of a transaction it already ended, which once closed the
     * consumer for good after a broker restart (the channel gone, the service still live). A reset that fails (the
     * group rebalancing) is tried again until it works, since reading on from where the consumer is would skip the
     * aborted records.
     */
    private Uni<Void> readAgain(int size) {
        LOG.warnf("The Kafka transaction of a batch of %d raw webhook(s) was aborted after its commit failed; the"
                + " consumer goes back to the committed offsets and reads the batch again", size);
        meters.counter("bitbridge.connector.enrichment.silent-aborts").increment();
        return Uni.createFrom().deferred(() -> clients.getConsumer(CHANNEL_IN).resetToLastCommittedPositions())
                .onFailure(EnrichmentConsumer::retriable).invoke(f -> LOG.warnf("Going back to the committed offsets"
                        + " failed for now (%s); trying again", f.toString()))
                .onFailure(EnrichmentConsumer::retriable).retry()
                .withBackOff(config.batchRetryBackoff(), Duration.ofMinutes(1)).indefinitely();
    }

    private SilentAborts aborts() {
        if (silentAborts == null) {
            silentAborts = SilentAborts.ofProducer(() -> clients.getProducer(CHANNEL_OUT).unwrap());
        }
        return silentAborts;
    }

    /**
     * The committed offsets of the batch's partitions: state stamped at or after them is not committed. They are what
     * this consumer's own last transactions committed, when that is known to be true ({@link CommittedOffsets}), else
     * asked of Kafka. Asking, rather than taking the batch's first offsets, stays right whatever the consumer
     * buffered before an aborted transaction reset it.
     */
    private Uni<Position> positionOf(List<ConsumerRecord<String, byte[]>> records, int generation) {
        Map<Integer, Long> firstOffsets = new HashMap<>();
        records.forEach(r -> firstOffsets.merge(r.partition(), r.offset(), Math::min));
        if (firstOffsets.isEmpty()) {
            return Uni.createFrom().item(new Position(Map.of()));
        }
        Optional<Position> known = committedOffsets.positionOf(generation, firstOffsets);
        if (known.isPresent()) {
            meters.counter("bitbridge.connector.enrichment.positions", "source", "own_commits").increment();
            return Uni.createFrom().item(known.get());
        }
        meters.counter("bitbridge.connector.enrichment.positions", "source", "kafka").increment();
        return askKafka(records).invoke(position -> committedOffsets.learnt(generation, position));
    }

    private static Map<Integer, Long> nextOffsets(List<ConsumerRecord<String, byte[]>> records) {
        Map<Integer, Long> next = new HashMap<>();
        records.forEach(r -> next.merge(r.partition(), r.offset() + 1, Math::max));
        return next;
    }

    private Uni<Position> askKafka(List<ConsumerRecord<String, byte[]>> records) {
        Set<TopicPartition> partitions = new HashSet<>();
        records.forEach(r -> partitions.add(new TopicPartition(r.topic(), r.partition())));
        return clients.getConsumer(CHANNEL_IN).committed(partitions.toArray(TopicPartition[]::new))
                .map(committed -> {
                    Map<Integer, Long> offsets = new HashMap<>();
                    partitions.forEach(tp -> {
                        OffsetAndMetadata at = committed.get(tp);
                        offsets.put(tp.partition(), at == null ? 0L : at.offset());
                    });
                    return new Position(offsets);
                })
                .onFailure(EnrichmentConsumer::retriable).retry()
                .withBackOff(config.batchRetryBackoff(), Duration.ofMinutes(1)).indefinitely();
    }

    /** @return whether waiting may help: anything but a JVM {@link Error} */
    private static boolean retriable(Throwable failure) {
        return !(failure instanceof Error);
    }
}

package dev.bitbridge.analyzer.analysis;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import io.smallrye.reactive.messaging.kafka.transactions.KafkaTransactions;

import dev.bitbridge.analyzer.settings.SettingsView;
import dev.bitbridge.platform.kafka.Output;
import dev.bitbridge.platform.kafka.OutputMessages;
import dev.bitbridge.platform.kafka.SilentAborts;
import dev.bitbridge.platform.lifecycle.FatalErrors;

/**
 * Reads {@code bitbridge.commits.v1}, {@code bitbridge.refs.v1} and {@code bitbridge.pullrequests.v1} in batches
 * ({@code read_committed}) and writes each batch's task links, build requests and dead letters together with the
 * consumer offsets in one Kafka transaction: a batch's outputs are written exactly once, however often the service
 * crashes. A failed transaction puts the consumer back at the committed offsets and the batch is read again (the
 * analysis is deterministic, so it writes the same records). A JVM {@link Error} ends the process (ADR 7).
 */
@ApplicationScoped
public class AnalysisConsumer {

    static final String CHANNEL_IN = "scm-events";
    static final String CHANNEL_OUT = "analysis";
    private static final Logger LOG = Logger.getLogger(AnalysisConsumer.class);

    private final KafkaTransactions<byte[]> transactions;
    private final Analyzer analyzer;
    private final SettingsView settings;
    private final KafkaClientService clients;
    private final FatalErrors fatalErrors;
    private final MeterRegistry meters;
    private volatile SilentAborts silentAborts;

    AnalysisConsumer(
            @Channel(CHANNEL_OUT) @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 10_000) KafkaTransactions<byte[]> transactions,
            Analyzer analyzer, SettingsView settings, KafkaClientService clients, FatalErrors fatalErrors,
            MeterRegistry meters) {
        this.transactions = transactions;
        this.analyzer = analyzer;
        this.settings = settings;
        this.clients = clients;
        this.fatalErrors = fatalErrors;
        this.meters = meters;
    }

    @Incoming(CHANNEL_IN)
    public Uni<Void> analyze(Message<ConsumerRecords<String, byte[]>> batch) {
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        batch.getPayload().forEach(records::add);
        LOG.debugf("Analysing a batch of %d record(s)", records.size());
        return settings.whenLoaded()
                .map(loaded -> analyzer.analyze(records))
                .chain(outputs -> write(batch, outputs))
                .invoke(() -> meters.counter("bitbridge.analyzer.records").increment(records.size()))
                .onFailure(failure -> !(failure instanceof Error)).recoverWithUni(failure -> readAgain(records.size(),
                        failure))
                .onFailure(Error.class).recoverWithUni(error -> {
                    fatalErrors.handle("analysis of a batch of " + records.size() + " record(s)", (Error) error);
                    return Uni.createFrom().nothing();
                });
    }

    private Uni<Void> write(Message<ConsumerRecords<String, byte[]>> batch, List<Output> outputs) {
        double abortsBefore = aborts().before();
        return transactions.withTransactionAndAck(batch, emitter -> {
            outputs.forEach(output -> emitter.send(OutputMessages.message(output)));
            return Uni.createFrom().voidItem();
        }).call(() -> aborts().abortedSince(abortsBefore) ? readAgain() : Uni.createFrom().voidItem());
    }

    /**
     * The batch failed (its transaction could not be written, or a bug): nothing of it is committed. Back to the
     * committed offsets, after a pause, so that it is read again rather than skipped by the next batch's commit.
     */
    private Uni<Void> readAgain(int size, Throwable failure) {
        LOG.errorf(failure, "A batch of %d record(s) could not be analysed and written; reading it again", size);
        meters.counter("bitbridge.analyzer.failed-batches").increment();
        return Uni.createFrom().voidItem().onItem().delayIt().by(java.time.Duration.ofSeconds(1))
                .chain(() -> clients.getConsumer(CHANNEL_IN).resetToLastCommittedPositions());
    }

    /** The transaction was aborted although it seemed to commit ({@link SilentAborts}): read the batch again. */
    private Uni<Void> readAgain() {
        LOG.warn("A Kafka transaction was aborted after its commit failed; the consumer goes back to the committed"
                + " offsets and reads the batch again");
        meters.counter("bitbridge.analyzer.silent-aborts").increment();
        return clients.getConsumer(CHANNEL_IN).resetToLastCommittedPositions();
    }

    private SilentAborts aborts() {
        if (silentAborts == null) {
            silentAborts = SilentAborts.ofProducer(() -> clients.getProducer(CHANNEL_OUT).unwrap());
        }
        return silentAborts;
    }
}

package dev.bitbridge.connector.enrichment.deferred;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.transactions.KafkaTransactions;

import dev.bitbridge.connector.bitbucket.IntegrationAccess;
import dev.bitbridge.connector.config.ConnectorConfig;
import dev.bitbridge.connector.enrichment.Enricher;
import dev.bitbridge.connector.enrichment.Outputs;
import dev.bitbridge.connector.enrichment.OwnContext;
import dev.bitbridge.connector.enrichment.TransientFailure;
import dev.bitbridge.connector.enrichment.push.CloudCommits;
import dev.bitbridge.connector.enrichment.push.CommitSource;
import dev.bitbridge.connector.enrichment.push.DataCenterCommits;
import dev.bitbridge.events.Topics;
import dev.bitbridge.events.scm.CommitEvent;
import dev.bitbridge.platform.kafka.Output;
import dev.bitbridge.platform.kafka.OutputMessages;
import dev.bitbridge.platform.lifecycle.FatalErrors;

/**
 * Completes the file lists the API budget deferred (ADR 11). Reads the internal deferred-files topic and, once the
 * credential's budget allows, fetches each commit's files and publishes the commit again as
 * {@code dev.bitbridge.commit.files} — in one Kafka transaction with the offsets it read, so each completion is
 * published once. While the budget is still low the batch waits and is tried again; nothing is dropped.
 * <p>
 * A JVM {@link Error} never abandons a commit: it goes to {@link FatalErrors}, which fails liveness and ends the
 * process (ADR 7), and the batch is never finished, so that nothing is committed after it; the next process reads it
 * again.
 */
@ApplicationScoped
public class DeferredFilesConsumer {

    static final String CHANNEL_IN = "deferred-files";
    static final String CHANNEL_OUT = "completed-files";
    private static final Logger LOG = Logger.getLogger(DeferredFilesConsumer.class);

    private final KafkaTransactions<byte[]> transactions;
    private final IntegrationAccess access;
    private final CloudCommits cloud;
    private final DataCenterCommits dataCenter;
    private final Outputs outputs;
    private final OwnContext context;
    private final ObjectMapper json;
    private final ConnectorConfig.Enrichment config;
    private final MeterRegistry meters;
    private final FatalErrors fatalErrors;

    DeferredFilesConsumer(
            @Channel(CHANNEL_OUT) @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 2000) KafkaTransactions<byte[]> transactions,
            IntegrationAccess access, CloudCommits cloud,
            DataCenterCommits dataCenter, Outputs outputs, OwnContext context, ObjectMapper json,
            ConnectorConfig config, MeterRegistry meters, FatalErrors fatalErrors) {
        this.transactions = transactions;
        this.fatalErrors = fatalErrors;
        this.access = access;
        this.cloud = cloud;
        this.dataCenter = dataCenter;
        this.outputs = outputs;
        this.context = context;
        this.json = json;
        this.config = config.enrichment();
        this.meters = meters;
    }

    @Incoming(CHANNEL_IN)
    public Uni<Void> complete(Message<ConsumerRecords<String, byte[]>> batch) {
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        batch.getPayload().forEach(records::add);
        return Multi.createFrom().iterable(records)
                .onItem().transformToUniAndConcatenate(this::complete)
                .collect().asList()
                .onFailure(Enricher::isTransient).retry()
                .withBackOff(config.deferredRetryBackoff(), config.deferredRetryBackoff().multipliedBy(8))
                .indefinitely()
                .chain(completed -> transactions.withTransactionAndAck(batch, emitter -> {
                    completed.stream().filter(o -> o != null).forEach(o -> emitter.send(OutputMessages.message(o)));
                    return Uni.createFrom().voidItem();
                }))
                .onFailure(Error.class).recoverWithUni(error -> fatal("completing deferred file lists ("
                        + records.size() + " record(s))", (Error) error));
    }

    /** Ends the process; the batch is never finished, so nothing after it is committed (class comment). */
    private <T> Uni<T> fatal(String where, Error error) {
        fatalErrors.handle(where, error);
        return Uni.createFrom().nothing();
    }

    /** @return the completed commit, or null when it can never be completed (logged and counted) */
    private Uni<Output> complete(ConsumerRecord<String, byte[]> record) {
        CommitEvent pending;
        try {
            pending = json.readValue(record.value(), CommitEvent.class);
        } catch (IOException e) {
            LOG.errorf("Skipping an unreadable deferred-files record at %s-%d@%d", record.topic(), record.partition(),
                    record.offset());
            meters.counter("bitbridge.connector.enrichment.deferred-files", "outcome", "unreadable").increment();
            return Uni.createFrom().nullItem();
        }
        String repository = pending.repository().fullName();
        String filesIn = Optional.ofNullable(record.headers().lastHeader(Outputs.HEADER_FILES_REPOSITORY))
                .map(h -> new String(h.value(), StandardCharsets.UTF_8)).orElse(repository);
        CommitSource source = "cloud".equals(pending.flavor()) ? cloud : dataCenter;
        return context.run(() -> access.of(pending.integration())
                .chain(a -> source.files(a, filesIn, pending.hash())))
                .map(found -> {
                    if (found.isEmpty()) {
                        throw new TransientFailure("the API budget of integration '" + pending.integration()
                                + "' is still kept for essential calls", null);
                    }
                    meters.counter("bitbridge.connector.enrichment.deferred-files", "outcome", "completed")
                            .increment();
                    CommitEvent complete = new CommitEvent(pending.integration(), pending.flavor(),
                            pending.repository(), pending.hash(), pending.message(), pending.author(),
                            pending.committer(), pending.authorDate(), pending.committerDate(), pending.parents(),
                            pending.branches(), found.get(), false, pending.url(), pending.origin());
                    return outputs.event(Topics.COMMITS_V1, pending.integration(), repository, pending.integration()
                            + "/" + repository + "/" + pending.hash() + "/files", CommitEvent.TYPE_FILES, complete);
                })
                .onFailure(f -> !Enricher.isTransient(f) && !(f instanceof Error)).recoverWithItem(f -> {
                    LOG.warnf("The files of commit %s in %s (integration '%s') cannot be completed: %s",
                            pending.hash(), repository, pending.integration(), f.getMessage());
                    meters.counter("bitbridge.connector.enrichment.deferred-files", "outcome", "abandoned")
                            .increment();
                    return null;
                })
                .onFailure(Error.class).recoverWithUni(error -> fatal("completing the files of commit "
                        + pending.hash() + " in " + repository + " (integration '" + pending.integration() + "')",
                        (Error) error));
    }
}

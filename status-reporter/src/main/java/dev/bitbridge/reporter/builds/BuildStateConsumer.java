package dev.bitbridge.reporter.builds;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;

import dev.bitbridge.events.Topics;
import dev.bitbridge.events.build.BuildEvent;
import dev.bitbridge.events.build.StatusKeys;
import dev.bitbridge.platform.lifecycle.FatalErrors;
import dev.bitbridge.reporter.config.ReporterConfig;
import dev.bitbridge.reporter.post.DeadLetterPublisher;
import dev.bitbridge.reporter.post.StatusPoster;
import dev.bitbridge.reporter.statuses.IncomingState;
import dev.bitbridge.reporter.statuses.SourceRecord;
import dev.bitbridge.reporter.statuses.StatusMapping;
import dev.bitbridge.reporter.statuses.StatusStore;
import dev.bitbridge.reporter.statuses.WantedStatus;

/**
 * Reads {@code bitbridge.builds.v1} (read_committed) and stores each state as the status to show, unless a newer one is
 * stored already ({@link StatusStore}); the offset is committed once it is stored, and the poster is woken. A record
 * that is not a build state goes to {@code bitbridge.status-reporter.dead-letters.v1} with the reason, and the
 * partition goes on. PostgreSQL being away fails the record, which stops the channel (health DOWN) rather than skip it.
 */
@ApplicationScoped
public class BuildStateConsumer {

    static final String CHANNEL = "builds";
    private static final Logger LOG = Logger.getLogger(BuildStateConsumer.class);

    private final StatusStore store;
    private final StatusPoster poster;
    private final DeadLetterPublisher deadLetters;
    private final ObjectMapper json;
    private final StatusMapping mapping;
    private final FatalErrors fatalErrors;
    private final MeterRegistry meters;
    private final Clock clock = Clock.systemUTC();

    BuildStateConsumer(StatusStore store, StatusPoster poster, DeadLetterPublisher deadLetters, ObjectMapper json,
            ReporterConfig config, FatalErrors fatalErrors, MeterRegistry meters) {
        this.store = store;
        this.poster = poster;
        this.deadLetters = deadLetters;
        // Newer producers may add optional fields (events/README): read what is known, ignore the rest.
        this.json = json.copy().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
        this.mapping = new StatusMapping(config.links().buildPage());
        this.fatalErrors = fatalErrors;
        this.meters = meters;
    }

    @Incoming(CHANNEL)
    public Uni<Void> accept(Message<byte[]> message) {
        SourceRecord record = sourceOf(message);
        BuildEvent event;
        String problem;
        try {
            event = record.value().length == 0 ? null : json.readValue(record.value(), BuildEvent.class);
            problem = event == null ? "the record has no value" : problemOf(event);
        } catch (IOException e) {
            event = null;
            problem = "the value is not a build state as " + Topics.BUILDS_V1 + "'s schema describes";
        }
        Uni<Void> handled;
        if (problem != null) {
            String key = record.key();
            LOG.warnf("A record at %s-%d@%d is not a build state (%s); it goes to %s", record.topic(),
                    record.partition(), record.offset(), problem, Topics.STATUS_REPORTER_DEAD_LETTERS_V1);
            handled = deadLetters.publish(record, key == null ? null : key.split(":", 2)[0], "unparseable",
                    problem + "; fix the producer and publish the state again");
        } else {
            handled = store(event, record);
        }
        return handled.chain(() -> Uni.createFrom().completionStage(message.ack()))
                .onFailure(Error.class).recoverWithUni(error -> {
                    fatalErrors.handle("storing a build state", (Error) error);
                    return Uni.createFrom().nothing();
                });
    }

    private Uni<Void> store(BuildEvent event, SourceRecord record) {
        Optional<WantedStatus> wanted = mapping.of(event);
        if (wanted.isEmpty()) {
            meters.counter("bitbridge.reporter.states.unlinked").increment();
            LOG.warnf("Build %s reached %s but has no page to link from a status (it never reached Jenkins): set"
                    + " bitbridge.reporter.links.build-page to show such builds in Bitbucket too", event.requestId(),
                    event.state());
            return Uni.createFrom().voidItem();
        }
        Instant requestedAt = (event.requestedAt() != null ? event.requestedAt() : event.occurredAt()).toInstant();
        String wantedJson;
        try {
            wantedJson = json.writeValueAsString(wanted.get());
        } catch (IOException e) {
            return Uni.createFrom().failure(new IllegalStateException("A status could not be written as JSON", e));
        }
        IncomingState state = new IncomingState(event.integration(), event.repository().fullName(), event.commit(),
                event.statusKey(), event.requestId(), event.sequence(), requestedAt, event.state().name(),
                wanted.get().state(), wantedJson, event.flavor(), record);
        return store.offer(state, clock.instant()).invoke(due -> {
            if (due.isPresent()) {
                poster.wake();
            } else {
                meters.counter("bitbridge.reporter.states.unchanged").increment();
            }
        }).replaceWithVoid();
    }

    static String problemOf(BuildEvent event) {
        if (event.requestId() == null || event.requestId().isBlank()) {
            return "the state has no 'requestId'";
        }
        if (event.integration() == null || event.repository() == null || event.repository().fullName() == null
                || !event.repository().fullName().contains("/")) {
            return "the state has no 'integration' or 'repository.fullName'";
        }
        if (event.commit() == null || !event.commit().matches("[0-9a-f]{40}|[0-9a-f]{64}")) {
            return "the state's 'commit' is not a full hash";
        }
        if (event.state() == null || event.occurredAt() == null) {
            return "the state has no 'state' or 'occurredAt'";
        }
        if (event.statusKey() == null || !event.statusKey().matches("[A-Za-z0-9._~-]{1," + StatusKeys.MAX_LENGTH
                + "}")) {
            return "the state's 'statusKey' is missing or not a key Bitbucket takes (at most " + StatusKeys.MAX_LENGTH
                    + " of A-Z a-z 0-9 . _ ~ -)";
        }
        if (!"cloud".equals(event.flavor()) && !"datacenter".equals(event.flavor())) {
            return "the state's 'flavor' is neither cloud nor datacenter";
        }
        return null;
    }

    private static SourceRecord sourceOf(Message<byte[]> message) {
        @SuppressWarnings("unchecked")
        IncomingKafkaRecordMetadata<String, byte[]> metadata = message.getMetadata(IncomingKafkaRecordMetadata.class)
                .orElseThrow(() -> new IllegalStateException("a build state without its Kafka record"));
        Map<String, String> headers = new LinkedHashMap<>();
        for (Header header : metadata.getHeaders()) {
            if (header.value() != null && header.key().startsWith("ce_")) {
                headers.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
            }
        }
        byte[] value = message.getPayload() == null ? new byte[0] : message.getPayload();
        return new SourceRecord(metadata.getTopic(), metadata.getPartition(), metadata.getOffset(), metadata.getKey(),
                value, headers);
    }
}

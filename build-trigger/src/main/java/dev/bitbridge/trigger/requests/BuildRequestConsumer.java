package dev.bitbridge.trigger.requests;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;

import dev.bitbridge.events.Topics;
import dev.bitbridge.events.build.BuildRequest;
import dev.bitbridge.platform.kafka.OutputMessages;
import dev.bitbridge.platform.lifecycle.FatalErrors;

/**
 * Reads {@code bitbridge.build-requests.v1} (read_committed) and stores each request ({@link RequestStore}); the
 * offset is committed once it is stored. A record that is not a build request goes to
 * {@code bitbridge.build-trigger.dead-letters.v1} with the reason, and the partition goes on. PostgreSQL being away
 * fails the record, which stops the channel (health DOWN) rather than skip it.
 */
@ApplicationScoped
public class BuildRequestConsumer {

    static final String CHANNEL = "build-requests";
    static final String DEAD_LETTERS = "build-trigger-dead-letters";
    static final String SERVICE = "build-trigger";
    private static final Logger LOG = Logger.getLogger(BuildRequestConsumer.class);

    private final RequestStore store;
    private final ObjectMapper json;
    private final MutinyEmitter<byte[]> deadLetters;
    private final FatalErrors fatalErrors;

    BuildRequestConsumer(RequestStore store, ObjectMapper json,
            @Channel(DEAD_LETTERS) MutinyEmitter<byte[]> deadLetters, FatalErrors fatalErrors) {
        this.store = store;
        this.json = json.copy().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
        this.deadLetters = deadLetters;
        this.fatalErrors = fatalErrors;
    }

    @Incoming(CHANNEL)
    public Uni<Void> accept(Message<byte[]> message) {
        BuildRequest request;
        String problem;
        try {
            request = message.getPayload() == null ? null : json.readValue(message.getPayload(), BuildRequest.class);
            problem = request == null ? "the record has no value" : problemOf(request);
        } catch (IOException e) {
            request = null;
            problem = "the value is not a build request as " + Topics.BUILD_REQUESTS_V1 + "'s schema describes";
        }
        Uni<Void> handled = problem == null
                ? store.accept(request, new String(message.getPayload(), StandardCharsets.UTF_8)).replaceWithVoid()
                : deadLetter(message, problem);
        return handled.chain(() -> Uni.createFrom().completionStage(message.ack()))
                .onFailure(Error.class).recoverWithUni(error -> {
                    fatalErrors.handle("storing a build request", (Error) error);
                    return Uni.createFrom().nothing();
                });
    }

    private static String problemOf(BuildRequest request) {
        if (request.requestId() == null || request.requestId().isBlank()) {
            return "the request has no 'requestId'";
        }
        if (request.integration() == null || request.repository() == null || request.repository().fullName() == null) {
            return "the request has no 'integration' or 'repository.fullName'";
        }
        if (request.commit() == null || request.commit().isBlank()) {
            return "the request has no 'commit'";
        }
        if (request.reason() == null) {
            return "the request has no 'reason'";
        }
        return null;
    }

    @SuppressWarnings("unchecked")
    private Uni<Void> deadLetter(Message<byte[]> message, String problem) {
        ConsumerRecord<String, byte[]> record = message.getMetadata(IncomingKafkaRecordMetadata.class)
                .map(m -> new ConsumerRecord<String, byte[]>(m.getTopic(), m.getPartition(), m.getOffset(),
                        (String) m.getKey(), message.getPayload()))
                .orElseThrow();
        message.getMetadata(IncomingKafkaRecordMetadata.class).ifPresent(m -> m.getHeaders()
                .forEach(h -> record.headers().add(h)));
        LOG.warnf("A record at %s-%d@%d is not a build request (%s); it goes to %s", record.topic(),
                record.partition(), record.offset(), problem, Topics.BUILD_TRIGGER_DEAD_LETTERS_V1);
        String key = record.key();
        String integration = key == null ? null : key.split(":", 2)[0];
        return deadLetters.sendMessage(OutputMessages.message(OutputMessages.deadLetter(record,
                Topics.BUILD_TRIGGER_DEAD_LETTERS_V1, SERVICE, integration, "unparseable", problem
                        + "; fix the producer and publish the request again")));
    }
}

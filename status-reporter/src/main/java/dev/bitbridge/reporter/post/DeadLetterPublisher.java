package dev.bitbridge.reporter.post;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Channel;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;

import dev.bitbridge.events.Topics;
import dev.bitbridge.platform.kafka.OutputMessages;
import dev.bitbridge.reporter.statuses.SourceRecord;

/**
 * Writes to {@code bitbridge.status-reporter.dead-letters.v1}: the build state's record as it was read (key, value,
 * {@code ce_*} headers), with why in {@code bitbridge-dlq-*} headers. Completes once Kafka acknowledged it.
 */
@ApplicationScoped
public class DeadLetterPublisher {

    public static final String CHANNEL = "status-reporter-dead-letters";
    public static final String SERVICE = "status-reporter";

    private final MutinyEmitter<byte[]> deadLetters;

    DeadLetterPublisher(@Channel(CHANNEL) MutinyEmitter<byte[]> deadLetters) {
        this.deadLetters = deadLetters;
    }

    /**
     * @param record the record
     * @param integration its integration, when known
     * @param reason a stable code
     * @param detail what went wrong and what to do; never a secret
     */
    public Uni<Void> publish(SourceRecord record, String integration, String reason, String detail) {
        return deadLetters.sendMessage(OutputMessages.message(OutputMessages.deadLetter(record.toConsumerRecord(),
                Topics.STATUS_REPORTER_DEAD_LETTERS_V1, SERVICE, integration, reason, detail)));
    }
}

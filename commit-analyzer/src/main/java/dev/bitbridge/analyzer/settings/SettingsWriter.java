package dev.bitbridge.analyzer.settings;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

import dev.bitbridge.events.analysis.AnalysisSettings;

/**
 * Writes settings to {@code bitbridge.analysis-settings.v1}: the settings are stored once Kafka acknowledges the
 * record (acks=all), and every replica's {@link SettingsView} follows.
 */
@ApplicationScoped
public class SettingsWriter {

    static final String CHANNEL = "analysis-settings";

    private final MutinyEmitter<byte[]> emitter;
    private final ObjectMapper json;

    SettingsWriter(@Channel(CHANNEL) MutinyEmitter<byte[]> emitter, ObjectMapper json) {
        this.emitter = emitter;
        this.json = json;
    }

    /** @return completes once Kafka has the record */
    public Uni<Void> write(String key, AnalysisSettings settings) {
        try {
            return send(key, json.writeValueAsBytes(settings));
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(new IllegalStateException("Settings could not be written as JSON", e));
        }
    }

    /** @return completes once Kafka has the tombstone */
    public Uni<Void> delete(String key) {
        return send(key, null);
    }

    private Uni<Void> send(String key, byte[] value) {
        return emitter.sendMessage(Message.of(value).addMetadata(OutgoingKafkaRecordMetadata.<String> builder()
                .withKey(key).build()));
    }
}

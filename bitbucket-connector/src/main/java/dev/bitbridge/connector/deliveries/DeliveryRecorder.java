package dev.bitbridge.connector.deliveries;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

import dev.bitbridge.connector.config.ConnectorConfig;
import dev.bitbridge.events.CloudEvents;
import dev.bitbridge.events.webhook.RawWebhookEvent;
import dev.bitbridge.events.webhook.WebhookRefusal;

/**
 * Keeps the recent deliveries of every integration: each record of {@code bitbridge.webhooks.v1} (accepted) and of
 * {@code bitbridge.webhook-refusals.v1} (refused) becomes a row. A record read twice is stored once; a record that
 * cannot be parsed is still stored with what its headers say. Rows older than the retention are removed.
 */
@ApplicationScoped
public class DeliveryRecorder {

    private static final Logger LOG = Logger.getLogger(DeliveryRecorder.class);
    private static final String INSERT = "insert into delivery (source, integration, received_at, outcome, event_id,"
            + " event_key, repository, reason, status) values ($1, $2, $3, $4, $5, $6, $7, $8, $9)"
            + " on conflict (source) do nothing";

    private final Pool pool;
    private final ObjectMapper json;
    private final ConnectorConfig config;

    DeliveryRecorder(Pool pool, ObjectMapper json, ConnectorConfig config) {
        this.pool = pool;
        this.json = json;
        this.config = config;
    }

    @Incoming("accepted-webhooks")
    public Uni<Void> accepted(ConsumerRecord<String, byte[]> record) {
        String integration = header(record, CloudEvents.HEADER_PREFIX + RawWebhookEvent.EXT_INTEGRATION);
        if (integration == null) {
            return Uni.createFrom().voidItem();
        }
        return insert(record, integration, time(record), "accepted", header(record, CloudEvents.HEADER_ID),
                header(record, CloudEvents.HEADER_PREFIX + RawWebhookEvent.EXT_EVENT_KEY),
                RepositoryNames.of(body(record)), null, null);
    }

    @Incoming("webhook-refusals")
    public Uni<Void> refused(ConsumerRecord<String, byte[]> record) {
        WebhookRefusal refusal;
        try {
            refusal = json.readValue(record.value(), WebhookRefusal.class);
        } catch (java.io.IOException | RuntimeException e) {
            LOG.warnf("Skipping an unreadable refusal record at %s-%d@%d", record.topic(), record.partition(),
                    record.offset());
            return Uni.createFrom().voidItem();
        }
        return insert(record, refusal.integration(), refusal.time(), "refused", refusal.eventId(),
                refusal.eventKey(), null, refusal.reason(), refusal.status());
    }

    /** Removes deliveries older than the retention. */
    @Scheduled(every = "1h", delayed = "1m", skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> forgetOld() {
        OffsetDateTime cutoff = OffsetDateTime.now(ZoneOffset.UTC).minus(config.deliveries().retention());
        return pool.preparedQuery("delete from delivery where received_at < $1").execute(Tuple.of(cutoff))
                .replaceWithVoid();
    }

    private Uni<Void> insert(ConsumerRecord<String, byte[]> record, String integration, Instant at, String outcome,
            String eventId, String eventKey, String repository, String reason, Integer status) {
        String source = record.topic() + "-" + record.partition() + "@" + record.offset();
        Tuple row = Tuple.tuple()
                .addString(source)
                .addString(integration)
                .addOffsetDateTime(OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
                .addString(outcome)
                .addString(eventId)
                .addString(eventKey)
                .addString(repository)
                .addString(reason)
                .addInteger(status);
        return pool.preparedQuery(INSERT).execute(row).replaceWithVoid();
    }

    private JsonNode body(ConsumerRecord<String, byte[]> record) {
        try {
            return record.value() == null ? null : json.readTree(record.value());
        } catch (java.io.IOException e) {
            return null;
        }
    }

    private static Instant time(ConsumerRecord<?, ?> record) {
        String ceTime = header(record, CloudEvents.HEADER_TIME);
        try {
            return ceTime != null ? OffsetDateTime.parse(ceTime).toInstant() : Instant.ofEpochMilli(record.timestamp());
        } catch (RuntimeException e) {
            return Instant.ofEpochMilli(record.timestamp());
        }
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}

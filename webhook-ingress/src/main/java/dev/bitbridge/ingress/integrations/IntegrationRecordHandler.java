package dev.bitbridge.ingress.integrations;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.bitbridge.events.integration.IntegrationRoute;
import dev.bitbridge.events.integration.SecretSealer;
import dev.bitbridge.ingress.config.IngressConfig;

/**
 * Turns one record of {@code bitbridge.integrations.v1} into a change of the {@link IntegrationRegistry}. A record
 * that cannot be used (bad JSON, key and name differ, secret that does not open) removes the integration: an
 * integration whose signature cannot be checked must not accept unsigned deliveries.
 */
@ApplicationScoped
public class IntegrationRecordHandler {

    private static final Logger LOG = Logger.getLogger(IntegrationRecordHandler.class);

    private final IntegrationRegistry registry;
    private final ObjectMapper json;
    private final SecretSealer sealer;

    IntegrationRecordHandler(IntegrationRegistry registry, ObjectMapper json, IngressConfig config) {
        this.registry = registry;
        this.json = json;
        this.sealer = new SecretSealer(config.sealingKeys());
    }

    /** Applies one record: upsert, or removal for a tombstone or an unusable record. */
    public void apply(ConsumerRecord<String, byte[]> record) {
        String key = record.key();
        if (key == null) {
            LOG.warnf("Ignoring integrations record without a key at %s-%d@%d", record.topic(), record.partition(),
                    record.offset());
            return;
        }
        if (record.value() == null) {
            registry.remove(key);
            return;
        }
        try {
            IntegrationRoute route = json.readValue(record.value(), IntegrationRoute.class);
            if (!key.equals(route.name())) {
                throw new IllegalArgumentException("its key '" + key + "' differs from its name '" + route.name() + "'");
            }
            byte[] secret = route.webhookSecret() == null ? null
                    : sealer.open(route.name(), route.webhookSecret()).getBytes(StandardCharsets.UTF_8);
            registry.put(new Integration(route.name(), route.flavor(), route.enabled(), route.tokenHash(), secret,
                    Integration.Origin.TOPIC));
        } catch (IOException | RuntimeException e) {
            LOG.errorf("Integration '%s' at offset %d cannot be used and is removed until a valid record replaces it: %s",
                    key, record.offset(), e.getMessage());
            registry.remove(key);
        }
    }
}

package dev.bitbridge.ingress.integrations;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.bitbridge.events.integration.IntegrationRoute;
import dev.bitbridge.events.integration.PreviousCredentials;
import dev.bitbridge.events.integration.SealedSecret;
import dev.bitbridge.events.integration.SecretSealer;
import dev.bitbridge.ingress.config.IngressConfig;
import dev.bitbridge.ingress.config.StartupChecks;
import dev.bitbridge.platform.config.ConfigProblems;

/**
 * Turns one record of {@code bitbridge.integrations.v1} into a change of the {@link IntegrationRegistry}. A record
 * that cannot be used (bad JSON, key and name differ, secret that does not open) removes the integration: an
 * integration whose signature cannot be checked must not accept unsigned deliveries.
 * <p>
 * Why a record is unusable is logged without quoting it: a malformed record may carry a token or secret in the wrong
 * field, and Jackson's own messages quote the offending value.
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
        ConfigProblems problems = new ConfigProblems(StartupChecks.SUBJECT);
        this.sealer = SealingKeys.parse(config, problems);
        problems.throwIfAny();
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
                throw new IllegalArgumentException("its key differs from its name '" + route.name() + "'");
            }
            byte[] secret = route.webhookSecret() == null ? null : open(route.name(), route.webhookSecret());
            registry.put(new Integration(route.name(), route.flavor(), route.enabled(), route.tokenHash(), secret,
                    Integration.Origin.TOPIC, previous(route, record)));
        } catch (IOException | RuntimeException e) {
            LOG.errorf("Integration record '%s' at %s-%d@%d cannot be used and the integration is removed until a valid"
                    + " record replaces it: %s", key, record.topic(), record.partition(), record.offset(), why(e));
            registry.remove(key);
        }
    }

    /**
     * A previous secret that does not open loses only the grace period: the current token and secret still work, and
     * nothing is accepted that the record did not allow.
     */
    private Integration.Previous previous(IntegrationRoute route, ConsumerRecord<String, byte[]> record) {
        PreviousCredentials previous = route.previous();
        if (previous == null) {
            return null;
        }
        try {
            byte[] secret = previous.webhookSecret() == null ? null : open(route.name(), previous.webhookSecret());
            return new Integration.Previous(previous.tokenHash(), secret, previous.validUntil());
        } catch (SecretSealer.SealingException e) {
            LOG.errorf("Integration record '%s' at %s-%d@%d: the previous secret cannot be used, so the previous token"
                    + " and secret are refused now rather than until %s: %s", route.name(), record.topic(),
                    record.partition(), record.offset(), previous.validUntil(), e.getMessage());
            return null;
        }
    }

    private byte[] open(String integration, SealedSecret sealed) {
        return sealer.open(integration, sealed).getBytes(StandardCharsets.UTF_8);
    }

    /** @return why a record is unusable, naming fields and positions but never quoting values */
    static String why(Exception e) {
        if (e instanceof JsonMappingException mapping) {
            String path = mapping.getPath().stream()
                    .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining("."));
            return path.isEmpty()
                    ? "a required field (name, flavor, tokenHash) is missing or malformed"
                    : "field '" + path + "' has the wrong type or form";
        }
        if (e instanceof JsonProcessingException parsing) {
            JsonLocation at = parsing.getLocation();
            return "not valid JSON" + (at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")");
        }
        if (e instanceof IOException) {
            return "it could not be read";
        }
        // Our own checks (key/name mismatch, a secret that does not open) name integrations and key ids only.
        return e.getMessage();
    }
}

package dev.bitbridge.connector.routing;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.Record;

import dev.bitbridge.connector.config.ConnectorConfig;
import dev.bitbridge.connector.integration.IntegrationEntity;
import dev.bitbridge.connector.integration.IntegrationSecrets;
import dev.bitbridge.connector.kafka.OwnTopics;
import dev.bitbridge.events.integration.IntegrationRoute;
import dev.bitbridge.events.integration.PreviousCredentials;
import dev.bitbridge.events.webhook.BitbucketFlavor;

/**
 * Brings {@code bitbridge.integrations.v1} in line with the integration table: the table is the truth, and each row
 * whose routing record Kafka has not taken yet ({@code route_version > route_published_version}) is published,
 * right after the change that caused it and again by a background pass until Kafka takes it. A deleted integration's
 * row is removed once its tombstone is on the topic. Publishing the same version twice is harmless: the topic is
 * compacted and the ingress keeps the latest record per name.
 */
@ApplicationScoped
public class RoutePublisher {

    private static final Logger LOG = Logger.getLogger(RoutePublisher.class);

    private final MutinyEmitter<Record<String, byte[]>> emitter;
    private final IntegrationSecrets secrets;
    private final RouteSealer sealer;
    private final ObjectMapper json;
    private final Duration timeout;
    private final OwnTopics topic;

    RoutePublisher(@Channel("integration-routes") MutinyEmitter<Record<String, byte[]>> emitter,
            IntegrationSecrets secrets, RouteSealer sealer, ObjectMapper json, ConnectorConfig config,
            OwnTopics topic) {
        this.emitter = emitter;
        this.topic = topic;
        this.secrets = secrets;
        this.sealer = sealer;
        this.json = json;
        this.timeout = config.routing().publishTimeout();
    }

    /**
     * Publishes the integration's pending routing record, waiting at most the configured publish timeout.
     *
     * @return whether the record is on the topic; {@code false} leaves it to the background pass
     */
    public Uni<Boolean> publish(String name) {
        if (!topic.exists()) {
            return Uni.createFrom().item(false);
        }
        return Panache.withSession(() -> IntegrationEntity.<IntegrationEntity> findById(name))
                .chain(entity -> entity == null || !entity.routePending()
                        ? Uni.createFrom().item(true)
                        : send(entity))
                .ifNoItem().after(timeout).recoverWithItem(false)
                .onFailure().recoverWithItem(failure -> {
                    LOG.warnf("Routing record of integration '%s' not published yet, will retry: %s", name,
                            failure.getClass().getSimpleName());
                    return false;
                });
    }

    /** Publishes every pending record, oldest change first; {@link RoutePublishingPass} calls it. */
    Uni<Void> publishPending() {
        return Panache.withSession(() -> IntegrationEntity.<IntegrationEntity> find(
                "routeVersion > routePublishedVersion order by updatedAt").list())
                .map(List::copyOf)
                .onItem().transformToMulti(list -> io.smallrye.mutiny.Multi.createFrom().iterable(list))
                .onItem().transformToUniAndConcatenate(entity -> publish(entity.name))
                .collect().last()
                .replaceWithVoid()
                .onFailure().invoke(f -> LOG.warnf("Routing records could not be read for publishing: %s",
                        f.getClass().getSimpleName()))
                .onFailure().recoverWithNull();
    }

    private Uni<Boolean> send(IntegrationEntity entity) {
        long version = entity.routeVersion;
        String name = entity.name;
        if (entity.deletedAt != null) {
            return emitter.send(Record.of(name, null))
                    .chain(() -> Panache.withTransaction(() -> IntegrationEntity
                            .delete("name = ?1 and routeVersion = ?2", name, version)))
                    .invoke(() -> LOG.infof("Integration '%s' removed from the routing topic", name))
                    .replaceWith(true);
        }
        return secrets.webhook(name)
                .map(found -> found.orElseThrow(() -> new IllegalStateException("integration '" + name
                        + "' has no webhook token and secret in the credential store")))
                .map(webhook -> new IntegrationRoute(name, BitbucketFlavor.of(entity.flavor), entity.enabled,
                        entity.webhookTokenHash, sealer.seal(name, webhook.secret()), Instant.now(),
                        previous(entity, webhook)))
                .chain(route -> emitter.send(Record.of(name, bytes(route))))
                .chain(() -> Panache.withTransaction(() -> IntegrationEntity.update(
                        "routePublishedVersion = ?1 where name = ?2 and routePublishedVersion < ?1", version, name)))
                .replaceWith(true);
    }

    /** The token and secret before the last rotation, while they are still valid. */
    private PreviousCredentials previous(IntegrationEntity entity, IntegrationSecrets.WebhookSecrets webhook) {
        if (entity.previousValidUntil == null || !Instant.now().isBefore(entity.previousValidUntil)) {
            return null;
        }
        return new PreviousCredentials(entity.previousTokenHash,
                webhook.previousSecret().map(s -> sealer.seal(entity.name, s)).orElse(null),
                entity.previousValidUntil);
    }

    private byte[] bytes(IntegrationRoute route) {
        try {
            return json.writeValueAsBytes(route);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A routing record could not be written as JSON", e);
        }
    }
}

package dev.bitbridge.connector.routing;

import java.time.Duration;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.Record;

import dev.bitbridge.connector.config.ConnectorConfig;
import dev.bitbridge.connector.integration.Integration;
import dev.bitbridge.connector.integration.IntegrationSecrets;
import dev.bitbridge.connector.integration.IntegrationStore;
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
    private final IntegrationStore store;
    private final IntegrationSecrets secrets;
    private final RouteSealer sealer;
    private final ObjectMapper json;
    private final Duration timeout;
    private final OwnTopics topic;

    RoutePublisher(@Channel("integration-routes") MutinyEmitter<Record<String, byte[]>> emitter,
            IntegrationStore store, IntegrationSecrets secrets, RouteSealer sealer, ObjectMapper json,
            ConnectorConfig config, OwnTopics topic) {
        this.emitter = emitter;
        this.store = store;
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
        return store.find(name)
                .chain(found -> found.isEmpty() || !found.get().routePending()
                        ? Uni.createFrom().item(true)
                        : send(found.get()))
                .ifNoItem().after(timeout).recoverWithItem(false)
                .onFailure().recoverWithItem(failure -> {
                    LOG.warnf("Routing record of integration '%s' not published yet, will retry: %s", name,
                            failure.getClass().getSimpleName());
                    return false;
                });
    }

    /** Publishes every pending record, oldest change first; {@link RoutePublishingPass} calls it. */
    Uni<Void> publishPending() {
        return store.pendingRoutes()
                .onItem().transformToMulti(names -> io.smallrye.mutiny.Multi.createFrom().iterable(names))
                .onItem().transformToUniAndConcatenate(this::publish)
                .collect().last()
                .replaceWithVoid()
                .onFailure().invoke(f -> LOG.warnf("Routing records could not be read for publishing: %s",
                        f.getClass().getSimpleName()))
                .onFailure().recoverWithNull();
    }

    private Uni<Boolean> send(Integration integration) {
        long version = integration.routeVersion();
        String name = integration.name();
        if (integration.deleted()) {
            return emitter.send(Record.of(name, null))
                    .chain(() -> store.removeDeleted(name, version))
                    .invoke(() -> LOG.infof("Integration '%s' removed from the routing topic", name))
                    .replaceWith(true);
        }
        return secrets.webhook(name)
                .map(found -> found.orElseThrow(() -> new IllegalStateException("integration '" + name
                        + "' has no webhook token and secret in the credential store")))
                .map(webhook -> new IntegrationRoute(name, BitbucketFlavor.of(integration.flavor()),
                        integration.enabled(), integration.webhookTokenHash(), sealer.seal(name, webhook.secret()),
                        Instant.now(), previous(integration, webhook)))
                .chain(route -> emitter.send(Record.of(name, bytes(route))))
                .chain(() -> store.routePublished(name, version))
                .replaceWith(true);
    }

    /** The token and secret before the last rotation, while they are still valid. */
    private PreviousCredentials previous(Integration integration, IntegrationSecrets.WebhookSecrets webhook) {
        if (integration.previousValidUntil() == null || !Instant.now().isBefore(integration.previousValidUntil())) {
            return null;
        }
        return new PreviousCredentials(integration.previousTokenHash(),
                webhook.previousSecret().map(s -> sealer.seal(integration.name(), s)).orElse(null),
                integration.previousValidUntil());
    }

    private byte[] bytes(IntegrationRoute route) {
        try {
            return json.writeValueAsBytes(route);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A routing record could not be written as JSON", e);
        }
    }
}

package dev.bitbridge.connector.webhooks;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

import dev.bitbridge.connector.config.ConnectorConfig;
import dev.bitbridge.connector.integration.IntegrationSecrets;
import dev.bitbridge.connector.integration.IntegrationSecrets.WebhookSecrets;
import dev.bitbridge.connector.integration.IntegrationStore;
import dev.bitbridge.connector.repository.ConnectedRepositoryStore;
import dev.bitbridge.connector.repository.RepositoryService;
import dev.bitbridge.connector.routing.RoutePublisher;
import dev.bitbridge.events.integration.TokenHash;

/**
 * Replaces an integration's webhook token and secret: the new ones are stored and sent to the ingress, which keeps
 * accepting the previous ones for {@code bitbridge.connector.rotation-grace}; then every automatic hook is rewritten
 * with the new URL and secret. Hooks that could not be updated, and manual ones, are reported.
 */
@ApplicationScoped
public class WebhookRotation {

    private static final Logger LOG = Logger.getLogger(WebhookRotation.class);

    private final Pool pool;
    private final IntegrationStore integrations;
    private final ConnectedRepositoryStore connections;
    private final IntegrationSecrets secrets;
    private final RoutePublisher routes;
    private final RepositoryService repositories;
    private final Duration grace;

    WebhookRotation(Pool pool, IntegrationStore integrations, ConnectedRepositoryStore connections,
            IntegrationSecrets secrets, RoutePublisher routes, RepositoryService repositories, ConnectorConfig config) {
        this.pool = pool;
        this.integrations = integrations;
        this.connections = connections;
        this.secrets = secrets;
        this.routes = routes;
        this.repositories = repositories;
        this.grace = config.rotationGrace();
    }

    public Uni<RotationReport> rotate(String name) {
        Instant validUntil = Instant.now().plus(grace);
        return pool.withTransaction(connection -> integrations.findActive(connection, name)
                .chain(integration -> secrets.webhook(name).chain(current -> {
                    WebhookSecrets next = current.orElseThrow(() -> new IllegalStateException(
                            "integration '" + name + "' has no webhook secrets")).rotated();
                    return integrations.rotateWebhook(connection, integration, TokenHash.of(next.token()),
                            validUntil, Instant.now())
                            .chain(() -> secrets.putWebhook(name, next));
                })))
                .invoke(() -> LOG.infof("Webhook token and secret of integration '%s' rotated; the previous ones stay"
                        + " valid until %s", name, validUntil))
                .chain(() -> routes.publish(name))
                .chain(published -> updateHooks(name).map(outcome -> new RotationReport(validUntil,
                        published ? "published" : "pending", outcome.updated(), outcome.notUpdated())));
    }

    private Uni<HookUpdates> updateHooks(String name) {
        List<String> updated = new ArrayList<>();
        List<String> notUpdated = new ArrayList<>();
        return connections.byName(name)
                .onItem().transformToMulti(rows -> Multi.createFrom().iterable(rows))
                .onItem().transformToUniAndConcatenate(row -> row.manual()
                        ? Uni.createFrom().item(() -> notUpdated.add(row.repository() + ": its webhook was set up by"
                                + " hand; connect it again with webhook=manual to see the new URL and secret"))
                        : repositories.repair(name, row.repository())
                                .map(done -> updated.add(row.repository()))
                                .onFailure().recoverWithItem(f -> notUpdated.add(row.repository() + ": "
                                        + f.getMessage())))
                .collect().last()
                .map(ignored -> new HookUpdates(List.copyOf(updated), List.copyOf(notUpdated)));
    }

    private record HookUpdates(List<String> updated, List<String> notUpdated) {
    }

    /**
     * @param previousValidUntil until when the ingress still accepts the previous token and secret
     * @param routing whether the ingress has been sent the new ones ({@code published}) or will be ({@code pending})
     * @param hooksUpdated repositories whose hook now has the new URL and secret
     * @param hooksNotUpdated repositories whose hook must be updated another way, and why
     */
    public record RotationReport(Instant previousValidUntil, String routing, List<String> hooksUpdated,
            List<String> hooksNotUpdated) {
    }
}

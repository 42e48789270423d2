package dev.bitbridge.connector.integration;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

import dev.bitbridge.api.ApiException;
import dev.bitbridge.connector.config.ConnectorConfig;
import dev.bitbridge.connector.credentials.CredentialKind;
import dev.bitbridge.connector.credentials.CredentialsCheck;
import dev.bitbridge.connector.integration.IntegrationSecrets.WebhookSecrets;
import dev.bitbridge.connector.repository.ConnectedRepositoryStore;
import dev.bitbridge.connector.repository.RepositoryService;
import dev.bitbridge.connector.routing.RoutePublisher;
import dev.bitbridge.events.integration.TokenHash;

/**
 * Creates, changes and deletes integrations. A change is checked in full before anything is written; the row and
 * the credentials are written in one transaction (the credential store is written inside it, so a failure there
 * rolls the row back); the routing record follows once the transaction committed.
 */
@ApplicationScoped
public class IntegrationService {

    private static final Logger LOG = Logger.getLogger(IntegrationService.class);

    private final Pool pool;
    private final IntegrationStore store;
    private final ConnectedRepositoryStore connections;
    private final IntegrationRules rules;
    private final IntegrationSecrets secrets;
    private final RoutePublisher routes;
    private final RepositoryService repositories;
    private final dev.bitbridge.connector.bitbucket.BitbucketHttp http;
    private final dev.bitbridge.connector.bitbucket.oauth.OAuthTokens oauth;
    private final dev.bitbridge.connector.bitbucket.IntegrationAccess access;
    private final String webhookBaseUrl;

    IntegrationService(Pool pool, IntegrationStore store, ConnectedRepositoryStore connections, IntegrationRules rules,
            IntegrationSecrets secrets, RoutePublisher routes, RepositoryService repositories, ConnectorConfig config,
            dev.bitbridge.connector.bitbucket.BitbucketHttp http,
            dev.bitbridge.connector.bitbucket.oauth.OAuthTokens oauth,
            dev.bitbridge.connector.bitbucket.IntegrationAccess access) {
        this.pool = pool;
        this.store = store;
        this.connections = connections;
        this.access = access;
        this.repositories = repositories;
        this.http = http;
        this.oauth = oauth;
        this.rules = rules;
        this.secrets = secrets;
        this.routes = routes;
        this.webhookBaseUrl = config.webhookBaseUrl().replaceAll("/+$", "");
    }

    public Uni<IntegrationView> create(IntegrationRequest request) {
        IntegrationRules.Checked checked = rules.checkCreate(request);
        WebhookSecrets webhook = IntegrationSecrets.generateWebhookSecrets();
        Instant now = Instant.now();
        Integration integration = new Integration(request.name(), checked.flavor().id(),
                request.scope() == null ? "default" : request.scope(), labels(request.labels()),
                emptyToNull(request.description()), request.workspace(),
                request.baseUrl() == null ? null : request.baseUrl().replaceAll("/+$", ""),
                request.verifyTls() == null || request.verifyTls(), emptyToNull(request.caBundle()),
                checked.kind().map(CredentialKind::id).orElse(null), TokenHash.of(webhook.token()),
                request.enabled() == null || request.enabled(), now, now, 1, 0, null, null, null, null, 0);
        String name = integration.name();
        return pool.withTransaction(connection -> store.find(connection, name)
                .invoke(existing -> refuseTaken(name, existing))
                .chain(() -> store.insert(connection, integration))
                .chain(() -> secrets.putWebhook(name, webhook))
                .chain(() -> checked.kind().isEmpty() ? Uni.createFrom().voidItem()
                        : secrets.putBitbucket(name,
                                CredentialsCheck.toSecret(request.credentials(), checked.kind().get()))))
                .invoke(() -> LOG.infof("Integration '%s' (%s) created", name, integration.flavor()))
                .chain(() -> routes.publish(name))
                .chain(() -> view(name));
    }

    public Uni<IntegrationView> update(String name, IntegrationRequest request) {
        return pool.withTransaction(connection -> store.findActive(connection, name)
                .chain(current -> {
                    Optional<CredentialKind> kind = rules.checkUpdate(current, request);
                    Integration changed = apply(current, request, kind, Instant.now());
                    return kind.isEmpty() ? store.update(connection, changed)
                            : store.update(connection, changed).chain(() -> secrets.putBitbucket(name,
                                    CredentialsCheck.toSecret(request.credentials(), kind.get())));
                }))
                .invoke(() -> forgetClients(name))
                .invoke(() -> LOG.infof("Integration '%s' updated", name))
                .chain(() -> routes.publish(name))
                .chain(() -> view(name));
    }

    public Uni<DeletionReport> delete(String name) {
        List<String> left = new ArrayList<>();
        return repositories.disconnectAll(name)
                .invoke(left::addAll)
                .chain(() -> pool.withTransaction(connection -> store.findActive(connection, name)
                        .chain(current -> store.markDeleted(connection, current, Instant.now()))))
                .call(() -> connections.deleteAll(name))
                .invoke(() -> forgetClients(name))
                .invoke(() -> LOG.infof("Integration '%s' deleted", name))
                .chain(() -> secrets.deleteAll(name)
                        .onFailure().invoke(f -> left.add("its credentials in the credential store could not be"
                                + " removed (" + f.getClass().getSimpleName() + "); remove integrations/" + name
                                + "/* there by hand"))
                        .onFailure().recoverWithNull())
                .chain(() -> routes.publish(name))
                .map(published -> new DeletionReport(name, published ? "removed" : "pending", List.copyOf(left)));
    }

    public Uni<IntegrationView> get(String name) {
        return store.findActive(name).map(i -> IntegrationView.of(i, webhookBaseUrl));
    }

    /**
     * @param spaces the spaces to list, or empty for all
     * @param after the last name of the previous page, or null
     * @param limit page size
     */
    public Uni<IntegrationPage> list(Optional<java.util.Set<String>> spaces, String after, int limit) {
        return store.page(spaces, after == null ? "" : after, limit + 1)
                .map(found -> {
                    List<IntegrationSummary> page = found.stream().limit(limit).map(IntegrationSummary::of).toList();
                    String next = found.size() > limit ? page.get(page.size() - 1).name() : null;
                    return new IntegrationPage(page, next);
                });
    }

    /** Cached HTTP and OAuth clients were built from the old settings and credentials. */
    private void forgetClients(String name) {
        http.forget(name);
        oauth.forget(name);
        access.forget(name);
    }

    private Uni<IntegrationView> view(String name) {
        return store.find(name).map(found -> IntegrationView.of(found.orElseThrow(), webhookBaseUrl));
    }

    private static void refuseTaken(String name, Optional<Integration> found) {
        Integration existing = found.orElse(null);
        if (existing != null && existing.deleted()) {
            throw ApiException.conflict("Integration '" + name + "' is still being removed; try again in a few"
                    + " seconds");
        }
        if (existing != null) {
            throw new ApiException(409, new dev.bitbridge.api.ApiError("conflict", "An integration named '"
                    + name + "' already exists",
                    List.of(new dev.bitbridge.api.ApiError.FieldProblem("name",
                            "is taken; choose another name or update the existing integration"))));
        }
    }

    /**
     * @return the integration with the fields present in the request changed, updated at {@code now}; its route
     *         version raised when the change alters the routing record
     */
    private static Integration apply(Integration e, IntegrationRequest r, Optional<CredentialKind> kind,
            Instant now) {
        boolean routeChanged = r.enabled() != null && r.enabled() != e.enabled();
        return new Integration(e.name(), e.flavor(), r.scope() != null ? r.scope() : e.scope(),
                r.labels() != null ? labels(r.labels()) : e.labels(),
                r.description() != null ? emptyToNull(r.description()) : e.description(),
                r.workspace() != null ? r.workspace() : e.workspace(),
                r.baseUrl() != null ? r.baseUrl().replaceAll("/+$", "") : e.baseUrl(),
                r.verifyTls() != null ? r.verifyTls() : e.verifyTls(),
                r.caBundle() != null ? emptyToNull(r.caBundle()) : e.caBundle(),
                kind.map(CredentialKind::id).orElse(e.credentialKind()), e.webhookTokenHash(),
                r.enabled() != null ? r.enabled() : e.enabled(), e.createdAt(), now,
                routeChanged ? e.routeVersion() + 1 : e.routeVersion(), e.routePublishedVersion(),
                e.previousTokenHash(), e.previousValidUntil(), e.deletedAt(), e.webhookShownAt(), e.version());
    }

    private static List<String> labels(List<String> labels) {
        return labels == null ? List.of() : labels.stream().distinct().sorted().toList();
    }

    private static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}

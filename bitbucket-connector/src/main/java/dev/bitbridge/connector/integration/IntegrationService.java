package dev.bitbridge.connector.integration;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

import dev.bitbridge.api.ApiException;
import dev.bitbridge.connector.config.ConnectorConfig;
import dev.bitbridge.connector.credentials.CredentialKind;
import dev.bitbridge.connector.credentials.CredentialsCheck;
import dev.bitbridge.connector.integration.IntegrationSecrets.WebhookSecrets;
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

    private final IntegrationRules rules;
    private final IntegrationSecrets secrets;
    private final RoutePublisher routes;
    private final RepositoryService repositories;
    private final dev.bitbridge.connector.bitbucket.BitbucketHttp http;
    private final dev.bitbridge.connector.bitbucket.oauth.OAuthTokens oauth;
    private final dev.bitbridge.connector.bitbucket.IntegrationAccess access;
    private final String webhookBaseUrl;

    IntegrationService(IntegrationRules rules, IntegrationSecrets secrets, RoutePublisher routes,
            RepositoryService repositories, ConnectorConfig config, dev.bitbridge.connector.bitbucket.BitbucketHttp http,
            dev.bitbridge.connector.bitbucket.oauth.OAuthTokens oauth,
            dev.bitbridge.connector.bitbucket.IntegrationAccess access) {
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
        IntegrationEntity entity = new IntegrationEntity();
        entity.name = request.name();
        entity.flavor = checked.flavor().id();
        entity.scope = request.scope() == null ? "default" : request.scope();
        entity.labels = labels(request.labels());
        entity.description = emptyToNull(request.description());
        entity.workspace = request.workspace();
        entity.baseUrl = request.baseUrl() == null ? null : request.baseUrl().replaceAll("/+$", "");
        entity.verifyTls = request.verifyTls() == null || request.verifyTls();
        entity.caBundle = emptyToNull(request.caBundle());
        entity.credentialKind = checked.kind().map(CredentialKind::id).orElse(null);
        entity.webhookTokenHash = TokenHash.of(webhook.token());
        entity.enabled = request.enabled() == null || request.enabled();
        entity.createdAt = now;
        entity.updatedAt = now;
        entity.routeVersion = 1;
        return Panache.withTransaction(() -> IntegrationEntity.<IntegrationEntity> findById(entity.name)
                .invoke(existing -> refuseTaken(entity.name, existing))
                .chain(() -> entity.persistAndFlush())
                .chain(() -> secrets.putWebhook(entity.name, webhook))
                .chain(() -> checked.kind().isEmpty() ? Uni.createFrom().voidItem()
                        : secrets.putBitbucket(entity.name,
                                CredentialsCheck.toSecret(request.credentials(), checked.kind().get()))))
                .invoke(() -> LOG.infof("Integration '%s' (%s) created", entity.name, entity.flavor))
                .chain(() -> routes.publish(entity.name))
                .chain(() -> view(entity.name));
    }

    public Uni<IntegrationView> update(String name, IntegrationRequest request) {
        return Panache.withTransaction(() -> find(name)
                .call(entity -> {
                    Optional<CredentialKind> kind = rules.checkUpdate(entity, request);
                    boolean routeChanged = apply(entity, request, kind);
                    entity.updatedAt = Instant.now();
                    if (routeChanged) {
                        entity.routeChanged(entity.updatedAt);
                    }
                    return kind.isEmpty() ? entity.persistAndFlush()
                            : entity.persistAndFlush().chain(() -> secrets.putBitbucket(name,
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
                .chain(() -> Panache.withTransaction(() -> find(name)
                        .invoke(entity -> {
                            entity.deletedAt = Instant.now();
                            entity.routeChanged(entity.deletedAt);
                        })))
                .call(() -> Panache.withTransaction(() -> dev.bitbridge.connector.repository.ConnectedRepositoryEntity
                        .delete("integration", name)))
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
        return Panache.withSession(() -> find(name)).map(e -> IntegrationView.of(e, webhookBaseUrl));
    }

    /**
     * @param spaces the spaces to list, or empty for all
     * @param after the last name of the previous page, or null
     * @param limit page size
     */
    public Uni<IntegrationPage> list(Optional<java.util.Set<String>> spaces, String after, int limit) {
        StringBuilder query = new StringBuilder("deletedAt is null and name > ?1");
        List<Object> params = new ArrayList<>(List.of(after == null ? "" : after));
        spaces.ifPresent(s -> {
            query.append(" and scope in ?2");
            params.add(s);
        });
        return Panache.withSession(() -> IntegrationEntity.<IntegrationEntity> find(query.toString(),
                Sort.by("name"), params.toArray()).page(0, limit + 1).list())
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
        return Panache.withSession(() -> IntegrationEntity.<IntegrationEntity> findById(name))
                .map(e -> IntegrationView.of(e, webhookBaseUrl));
    }

    private static Uni<IntegrationEntity> find(String name) {
        return IntegrationEntity.findActive(name);
    }

    private static void refuseTaken(String name, IntegrationEntity existing) {
        if (existing != null && existing.deletedAt != null) {
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

    /** @return whether the change alters the routing record */
    private static boolean apply(IntegrationEntity e, IntegrationRequest r, Optional<CredentialKind> kind) {
        if (r.scope() != null) {
            e.scope = r.scope();
        }
        if (r.labels() != null) {
            e.labels = labels(r.labels());
        }
        if (r.description() != null) {
            e.description = emptyToNull(r.description());
        }
        if (r.workspace() != null) {
            e.workspace = r.workspace();
        }
        if (r.baseUrl() != null) {
            e.baseUrl = r.baseUrl().replaceAll("/+$", "");
        }
        if (r.verifyTls() != null) {
            e.verifyTls = r.verifyTls();
        }
        if (r.caBundle() != null) {
            e.caBundle = emptyToNull(r.caBundle());
        }
        kind.ifPresent(k -> e.credentialKind = k.id());
        boolean routeChanged = r.enabled() != null && r.enabled() != e.enabled;
        if (r.enabled() != null) {
            e.enabled = r.enabled();
        }
        return routeChanged;
    }

    private static String[] labels(List<String> labels) {
        return labels == null ? new String[0] : labels.stream().distinct().sorted().toArray(String[]::new);
    }

    private static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}

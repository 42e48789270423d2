package dev.bitbridge.connector.repository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;
import io.vertx.mutiny.sqlclient.Pool;

import dev.bitbridge.api.ApiException;
import dev.bitbridge.connector.bitbucket.BitbucketException;
import dev.bitbridge.connector.bitbucket.BitbucketHttp;
import dev.bitbridge.connector.bitbucket.IntegrationAccess;
import dev.bitbridge.connector.bitbucket.IntegrationAccess.Access;
import dev.bitbridge.connector.config.ConnectorConfig;
import dev.bitbridge.connector.integration.IntegrationSecrets;
import dev.bitbridge.connector.integration.IntegrationStore;
import dev.bitbridge.connector.repository.ConnectedRepository.ManualSetup;
import dev.bitbridge.connector.webhooks.HookRegistrar;
import dev.bitbridge.connector.webhooks.HookSpec;
import dev.bitbridge.events.webhook.BitbucketFlavor;

/**
 * Connects repositories to an integration and keeps their hooks on Bitbucket. Bitbucket is called outside any
 * database transaction; the row is written once Bitbucket has answered.
 */
@ApplicationScoped
public class RepositoryService {

    private static final Logger LOG = Logger.getLogger(RepositoryService.class);
    private static final Pattern FULL_NAME = Pattern.compile("[A-Za-z0-9_.~-]{1,128}/[A-Za-z0-9_.-]{1,128}");

    private final Pool pool;
    private final IntegrationStore integrations;
    private final ConnectedRepositoryStore connections;
    private final IntegrationAccess access;
    private final IntegrationSecrets secrets;
    private final HookRegistrar hooks;
    private final BitbucketHttp http;
    private final String webhookBaseUrl;

    RepositoryService(Pool pool, IntegrationStore integrations, ConnectedRepositoryStore connections,
            IntegrationAccess access, IntegrationSecrets secrets, HookRegistrar hooks, BitbucketHttp http,
            ConnectorConfig config) {
        this.pool = pool;
        this.integrations = integrations;
        this.connections = connections;
        this.access = access;
        this.secrets = secrets;
        this.hooks = hooks;
        this.http = http;
        this.webhookBaseUrl = config.webhookBaseUrl().replaceAll("/+$", "");
    }

    public Uni<ConnectedRepository> connect(String integration, ConnectRequest request) {
        boolean manual = "manual".equals(request.webhook());
        if (request.webhook() != null && !manual && !"automatic".equals(request.webhook())) {
            throw ApiException.invalid("webhook", "must be automatic or manual");
        }
        return access.of(integration).chain(a -> {
            String repository = checkName(a, request.repository());
            return http.call(a.target(), a.authorization(), HttpMethod.GET, repositoryUrl(a, repository), null)
                    .chain(found -> spec(a))
                    .chain(spec -> manual
                            ? save(integration, repository, "manual", null, "manual", "set up by hand")
                                    .chain(c -> manualSetup(integration, spec).map(c::with))
                            : find(integration, repository)
                                    .chain(known -> hooks.ensure(a, repository, spec,
                                            known.map(RepositoryConnection::hookId), false))
                                    .chain(outcome -> save(integration, repository, "automatic", outcome.id(),
                                            outcome.state(), outcome.detail())));
        });
    }

    public Uni<DisconnectReport> disconnect(String integration, String repository) {
        return find(integration, repository)
                .map(found -> found.orElseThrow(() -> ApiException.notFound("Repository '" + repository
                        + "' is not connected to integration '" + integration + "'")))
                .chain(row -> removeHook(integration, row))
                .call(report -> connections.delete(integration, repository));
    }

    /** Removes the hooks of every connected repository, for deleting the integration; reports what it could not. */
    public Uni<List<String>> disconnectAll(String integration) {
        return connections.of(integration)
                .onItem().transformToMulti(rows -> Multi.createFrom().iterable(rows))
                .onItem().transformToUniAndConcatenate(row -> removeHook(integration, row))
                .filter(report -> report.notCleanedUp() != null)
                .map(DisconnectReport::notCleanedUp)
                .collect().asList();
    }

    public Uni<ConnectedRepository> repair(String integration, String repository) {
        return find(integration, repository)
                .map(found -> found.orElseThrow(() -> ApiException.notFound("Repository '" + repository
                        + "' is not connected to integration '" + integration + "'")))
                .chain(row -> row.manual()
                        ? Uni.createFrom().failure(ApiException.conflict("Repository '" + repository + "' has a"
                                + " manual webhook; Bitbridge does not manage it"))
                        : access.of(integration).chain(a -> spec(a)
                                .chain(spec -> hooks.ensure(a, repository, spec, Optional.ofNullable(row.hookId()),
                                        true))
                                .chain(outcome -> save(integration, repository, "automatic", outcome.id(),
                                        outcome.state(), outcome.detail()))));
    }

    /**
     * Checks one automatic hook without rewriting an intact one; records the outcome, a failure included.
     *
     * @return whether the hook was repaired
     */
    public Uni<Boolean> check(String integration, String repository) {
        return access.of(integration)
                .chain(a -> find(integration, repository).chain(row -> spec(a)
                        .chain(spec -> hooks.ensure(a, repository, spec,
                                row.map(RepositoryConnection::hookId), false))))
                .chain(outcome -> save(integration, repository, "automatic", outcome.id(), outcome.state(),
                        outcome.detail())
                        .map(saved -> "repaired".equals(outcome.state())))
                .onFailure(f -> f instanceof BitbucketException || f instanceof ApiException)
                .recoverWithUni(f -> find(integration, repository).chain(row -> save(integration, repository,
                        "automatic", row.map(RepositoryConnection::hookId).orElse(null), "failed", f.getMessage()))
                        .replaceWith(false));
    }

    public Uni<List<ConnectedRepository>> connected(String integration) {
        return access.of(integration).chain(a -> connections.byName(integration))
                .map(rows -> rows.stream().map(ConnectedRepository::of).toList());
    }

    private Uni<DisconnectReport> removeHook(String integration, RepositoryConnection row) {
        if (row.manual()) {
            return Uni.createFrom().item(new DisconnectReport(row.repository(), "manual", "The webhook was set up by"
                    + " hand: delete it in the repository's webhook settings."));
        }
        return access.of(integration)
                .chain(a -> spec(a).chain(spec -> hooks.remove(a, row.repository(), spec,
                        Optional.ofNullable(row.hookId()))))
                .map(v -> new DisconnectReport(row.repository(), "removed", null))
                .onFailure(f -> f instanceof BitbucketException || f instanceof ApiException)
                .recoverWithItem(f -> {
                    LOG.warnf("The hook on %s of integration '%s' could not be removed: %s", row.repository(),
                            integration, f.getMessage());
                    return new DisconnectReport(row.repository(), "left", "The hook on " + row.repository()
                            + " could not be removed (" + f.getMessage() + "); delete it in the repository's"
                            + " webhook settings.");
                });
    }

    /**
     * The URL token and secret are shown at the first manual connect of each generation of webhook credentials;
     * later ones show where to find them and how to be shown new ones.
     */
    private Uni<ManualSetup> manualSetup(String integration, HookSpec spec) {
        List<String> events = List.copyOf(spec.events());
        return pool.withTransaction(connection -> integrations.findActive(connection, integration).chain(found -> {
            if (found.webhookShownAt() == null) {
                return integrations.webhookShown(connection, found, Instant.now()).map(shown -> new ManualSetup(
                        spec.url(), spec.secret(), events, "Shown this once. Enter the URL and secret in the"
                                + " repository's webhook settings (and in any other repository you connect by hand"
                                + " to this integration); Bitbridge will not show them again."));
            }
            return Uni.createFrom().item(new ManualSetup(spec.url().replaceAll("token=[^&]*", "token=<shown before>"),
                    null, events, "The URL token and secret of this integration were shown at "
                            + found.webhookShownAt() + ", at its first manual connect: use the same ones. Lost them?"
                            + " POST /api/v1/integrations/" + integration + "/webhook/rotate issues new ones, shown at"
                            + " the next manual connect (every hook set up by hand must then be updated; automatic"
                            + " hooks are updated by Bitbridge)."));
        }));
    }

    private Uni<HookSpec> spec(Access a) {
        String name = a.integration().name();
        return secrets.webhook(name).map(found -> found.map(w -> new HookSpec("Bitbridge (" + name + ")",
                webhookBaseUrl + "/webhooks/bitbucket/" + name + "?token=" + w.token(), w.secret(),
                new TreeSet<>(HookSpec.eventsFor(a.target().flavor()))))
                .orElseThrow(() -> new IllegalStateException("integration '" + name + "' has no webhook secrets")));
    }

    private static String checkName(Access a, String repository) {
        if (repository == null || !FULL_NAME.matcher(repository).matches()) {
            throw ApiException.invalid("repository", a.target().flavor() == BitbucketFlavor.CLOUD
                    ? "must be workspace/slug, e.g. " + a.integration().workspace() + "/widgets"
                    : "must be PROJECT/slug, e.g. PROJ/widgets");
        }
        if (a.target().flavor() == BitbucketFlavor.CLOUD
                && !repository.startsWith(a.integration().workspace() + "/")) {
            throw ApiException.invalid("repository", "must be in the integration's workspace "
                    + a.integration().workspace() + ", e.g. " + a.integration().workspace() + "/widgets");
        }
        return repository;
    }

    private static String repositoryUrl(Access a, String repository) {
        if (a.target().flavor() == BitbucketFlavor.CLOUD) {
            return a.target().apiUrl() + "/repositories/" + repository;
        }
        String[] parts = repository.split("/", 2);
        return a.target().apiUrl() + "/rest/api/1.0/projects/" + parts[0] + "/repos/" + parts[1];
    }

    private Uni<Optional<RepositoryConnection>> find(String integration, String repository) {
        return connections.find(integration, repository);
    }

    private Uni<ConnectedRepository> save(String integration, String repository, String mode, String hookId,
            String state, String detail) {
        Instant now = Instant.now();
        return pool.withTransaction(connection -> connections.find(connection, integration, repository)
                .chain(existing -> {
                    RepositoryConnection row = new RepositoryConnection(integration, repository, mode, hookId, state,
                            detail, existing.map(RepositoryConnection::connectedAt).orElse(now), now);
                    return (existing.isPresent() ? connections.update(connection, row)
                            : connections.insert(connection, row)).replaceWith(row);
                }))
                .map(ConnectedRepository::of);
    }

    /** @param notCleanedUp what is left on Bitbucket and what to do about it, or null */
    public record DisconnectReport(String repository, String hook, String notCleanedUp) {
    }
}

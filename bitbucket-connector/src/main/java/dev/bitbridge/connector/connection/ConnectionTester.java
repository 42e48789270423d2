package dev.bitbridge.connector.connection;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.http.HttpMethod;

import dev.bitbridge.connector.bitbucket.BitbucketAnswer;
import dev.bitbridge.connector.bitbucket.BitbucketException;
import dev.bitbridge.connector.bitbucket.BitbucketHttp;
import dev.bitbridge.connector.bitbucket.BitbucketProblem;
import dev.bitbridge.connector.bitbucket.CertificateProbe;
import dev.bitbridge.connector.bitbucket.IntegrationAccess;
import dev.bitbridge.connector.bitbucket.IntegrationAccess.Access;
import dev.bitbridge.connector.connection.ConnectionReport.Check;
import dev.bitbridge.connector.credentials.CredentialKind;
import dev.bitbridge.events.webhook.BitbucketFlavor;

/**
 * Tests an integration's connection the way its later work will use it: who the credential is, whether the workspace
 * (Cloud) or server (Data Center) and its repositories are visible, and whether hooks can be registered. The first
 * failure ends the test with its own problem code; a missing webhook permission is a warning, since repositories can
 * still be connected with a manual webhook.
 */
@ApplicationScoped
public class ConnectionTester {

    private final IntegrationAccess access;
    private final BitbucketHttp http;

    ConnectionTester(IntegrationAccess access, BitbucketHttp http) {
        this.access = access;
        this.http = http;
    }

    public Uni<ConnectionReport> test(String integration) {
        return access.of(integration).chain(a -> {
            List<Check> checks = new ArrayList<>();
            Uni<Void> run = a.target().flavor() == BitbucketFlavor.CLOUD ? cloud(a, checks) : dataCenter(a, checks);
            return run.map(ignored -> new ConnectionReport(true, List.copyOf(checks), null, null, List.of(), null))
                    .onFailure(BitbucketException.class).recoverWithUni(f -> failed(a, checks, (BitbucketException) f));
        });
    }

    private Uni<Void> cloud(Access a, List<Check> checks) {
        String api = a.target().apiUrl();
        String workspace = a.integration().workspace();
        boolean person = a.target().kind() == CredentialKind.CLOUD_API_TOKEN
                || a.target().kind() == CredentialKind.CLOUD_APP_PASSWORD
                || a.target().kind() == CredentialKind.CLOUD_OAUTH_AUTHORIZATION_CODE;
        Uni<?> identity = !person
                ? Uni.createFrom().voidItem().invoke(() -> checks.add(new Check("identity", "passed",
                        "an access token or OAuth consumer acts as its own bot user; it is checked through the"
                                + " workspace")))
                : step(checks, "identity", get(a, api + "/user"), user -> "authenticated as "
                        + user.path("display_name").asText("?") + " (" + user.path("nickname").asText(
                                user.path("username").asText("?"))
                        + ")");
        return identity
                .chain(() -> step(checks, "workspace", get(a, api + "/repositories/" + workspace + "?pagelen=1"),
                        page -> "workspace " + workspace + " is visible, with " + page.path("size").asText("some")
                                + " repositories visible to this credential"))
                .chain(page -> webhooks(a, checks, page.path("values").path(0).path("full_name").asText(null),
                        name -> api + "/repositories/" + name + "/hooks?pagelen=1"));
    }

    private Uni<Void> dataCenter(Access a, List<Check> checks) {
        String rest = a.target().apiUrl() + "/rest/api/1.0";
        return http.call(a.target(), a.authorization(), HttpMethod.GET, rest + "/application-properties", null)
                .invoke(answer -> {
                    String user = answer.headers().get("X-AUSERNAME");
                    checks.add(new Check("identity", user == null ? "warning" : "passed", user == null
                            ? "the server did not name the user (X-AUSERNAME); the credential may be anonymous"
                            : "authenticated as " + user));
                    checks.add(new Check("server", "passed", "Bitbucket Data Center "
                            + answer.json().path("version").asText("?") + " (" + answer.json().path("displayName")
                                    .asText("")
                            + ")"));
                })
                .chain(() -> get(a, rest + "/repos?limit=1"))
                .invoke(page -> checks.add(new Check("repositories", page.path("values").isEmpty() ? "warning"
                        : "passed",
                        page.path("values").isEmpty() ? "no repository is visible to this credential"
                                : "repositories are visible to this credential")))
                .chain(page -> {
                    JsonNode first = page.path("values").path(0);
                    String name = first.isMissingNode() ? null
                            : first.path("project").path("key").asText() + "/repos/" + first.path("slug").asText();
                    return webhooks(a, checks, name, n -> rest + "/projects/" + n + "/webhooks?limit=1");
                });
    }

    /** Listing a repository's hooks needs the permission that creating them needs. */
    private Uni<Void> webhooks(Access a, List<Check> checks, String repository, Function<String, String> hooksUrl) {
        if (repository == null) {
            checks.add(new Check("webhooks", "warning", "no repository to check webhook permissions on"));
            return Uni.createFrom().voidItem();
        }
        return get(a, hooksUrl.apply(repository))
                .invoke(() -> checks.add(new Check("webhooks", "passed", "webhooks can be registered automatically"
                        + " (checked on " + repository.replace("/repos/", "/") + ")")))
                .onFailure(BitbucketException.class).recoverWithUni(f -> {
                    BitbucketException e = (BitbucketException) f;
                    if (e.problem() != BitbucketProblem.MISSING_SCOPE && e.problem() != BitbucketProblem.FORBIDDEN) {
                        return Uni.createFrom().failure(e);
                    }
                    checks.add(new Check("webhooks", "warning", "webhooks cannot be registered automatically: "
                            + e.getMessage() + " Add the webhook scope (Cloud) or repository admin permission (Data"
                            + " Center), or connect repositories with a manual webhook."));
                    return Uni.createFrom().nullItem();
                })
                .replaceWithVoid();
    }

    private Uni<JsonNode> get(Access a, String url) {
        return http.call(a.target(), a.authorization(), HttpMethod.GET, url, null).map(BitbucketAnswer::json);
    }

    /** @return what the call answered, once its check is recorded as passed */
    private static Uni<JsonNode> step(List<Check> checks, String name, Uni<JsonNode> call,
            Function<JsonNode, String> found) {
        return call.invoke(json -> checks.add(new Check(name, "passed", found.apply(json))));
    }

    private static Uni<ConnectionReport> failed(Access a, List<Check> checks, BitbucketException e) {
        String step = checks.isEmpty() ? "connection" : "next step after " + checks.get(checks.size() - 1).name();
        Uni<String> detail = e.problem() != BitbucketProblem.TLS ? Uni.createFrom().item(e.getMessage())
                : Uni.createFrom().item(() -> CertificateProbe.describe(a.target().apiUrl())
                        .map(cert -> e.getMessage() + " The server presented: " + cert + ".")
                        .orElse(e.getMessage()))
                        .runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
        return detail.map(text -> {
            List<Check> all = new ArrayList<>(checks);
            all.add(new Check(step, "failed", text));
            return new ConnectionReport(false, all, e.problem().code(), text, e.requiredScopes(),
                    e.retryAfter().map(d -> d.toSeconds()).orElse(null));
        });
    }
}

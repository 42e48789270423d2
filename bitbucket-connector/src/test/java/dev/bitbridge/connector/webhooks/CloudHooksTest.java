package dev.bitbridge.connector.webhooks;

import java.time.Duration;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

import dev.bitbridge.connector.endtoend.IngressResource;
import dev.bitbridge.connector.integration.IntegrationSecrets;
import dev.bitbridge.testkit.PostgresTestResource;
import dev.bitbridge.testkit.bitbucket.Account;
import dev.bitbridge.testkit.bitbucket.BitbucketCloudResource;
import dev.bitbridge.testkit.bitbucket.BitbucketSimulator;
import dev.bitbridge.testkit.bitbucket.HookView;
import dev.bitbridge.testkit.bitbucket.InjectBitbucket;
import dev.bitbridge.testkit.bitbucket.NewCommit;
import dev.bitbridge.testkit.bitbucket.RepoRef;

import static dev.bitbridge.connector.support.Api.asAdmin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * Connecting Cloud repositories registers Bitbridge's hook on the simulator, which then delivers signed webhooks to
 * the real ingress; drift of each attribute is repaired, hooks that are not ours are never touched, disconnecting and
 * deleting remove ours, and two integrations on one repository get two hooks that both deliver.
 */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(IngressResource.class)
@QuarkusTestResource(BitbucketCloudResource.class)
class CloudHooksTest {

    static final String[] SCOPES = { "read:user:bitbucket", "read:repository:bitbucket", "read:pullrequest:bitbucket",
            "read:webhook:bitbucket", "write:webhook:bitbucket", "delete:webhook:bitbucket" };

    @InjectBitbucket
    BitbucketSimulator bitbucket;
    @Inject
    IntegrationSecrets secrets;

    @Test
    void aConnectedRepositoryGetsOurHookAndItsPushesReachTheIngress() throws Exception {
        Account jane = integration("hooks-e2e", "ws-e2e");
        RepoRef repo = bitbucket.createRepository("ws-e2e", "widgets");
        connect("hooks-e2e", "ws-e2e/widgets").body("hookState", equalTo("registered"));

        HookView hook = ours(repo, "hooks-e2e");
        var webhook = secrets.webhook("hooks-e2e").await().indefinitely().orElseThrow();
        assertThat(hook.url()).endsWith("/webhooks/bitbucket/hooks-e2e?token=" + webhook.token());
        assertThat(hook.secret()).isEqualTo(webhook.secret());
        assertThat(hook.active()).isTrue();
        assertThat(hook.events()).containsExactlyInAnyOrderElementsOf(HookSpec.CLOUD_EVENTS);

        bitbucket.push(repo, "main", NewCommit.by(jane, "GAME-1 first #ci"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> asAdmin()
                .get("/api/v1/integrations/hooks-e2e/deliveries").then().statusCode(200)
                .body("values.outcome", hasItem("accepted"))
                .body("values.eventKey", hasItem("repo:push"))
                .body("values.repository", hasItem("ws-e2e/widgets")));
        assertThat(bitbucket.deliveries()).filteredOn(d -> d.hookId().equals(hook.id()))
                .extracting(d -> d.statusCode()).contains(202);
    }

    @Test
    void eachDriftedAttributeIsRepairedAndOtherHooksAreLeftAlone() {
        integration("hooks-drift", "ws-drift");
        RepoRef repo = bitbucket.createRepository("ws-drift", "widgets");
        connect("hooks-drift", "ws-drift/widgets");
        HookView hook = ours(repo, "hooks-drift");
        HookView foreign = foreignHook(repo);

        record Drift(String what, Runnable apply) {
        }
        for (Drift drift : List.of(
                new Drift("url", () -> bitbucket.editHook(repo, hook.id()).url("https://elsewhere.example/hook")
                        .apply()),
                new Drift("events", () -> bitbucket.editHook(repo, hook.id()).events("repo:push").apply()),
                new Drift("secret", () -> bitbucket.editHook(repo, hook.id()).secret(null).apply()),
                new Drift("active", () -> bitbucket.editHook(repo, hook.id()).active(false).apply()))) {
            drift.apply().run();
            connect("hooks-drift", "ws-drift/widgets")
                    .body("hookState", equalTo("repaired"))
                    .body("hookDetail", containsString(drift.what()));
            HookView repaired = ours(repo, "hooks-drift");
            assertThat(repaired.id()).as(drift.what()).isEqualTo(hook.id());
            assertThat(repaired).as(drift.what()).usingRecursiveComparison().isEqualTo(hook);
        }
        assertThat(bitbucket.hooks(repo)).contains(foreign).hasSize(2);
    }

    @Inject
    HookChecker checker;

    @Test
    void thePeriodicCheckRestoresADeletedHookAndADeactivatedOne() throws Throwable {
        integration("hooks-check", "ws-check");
        RepoRef deleted = bitbucket.createRepository("ws-check", "deleted");
        RepoRef deactivated = bitbucket.createRepository("ws-check", "deactivated");
        RepoRef intact = bitbucket.createRepository("ws-check", "intact");
        for (RepoRef repo : List.of(deleted, deactivated, intact)) {
            connect("hooks-check", "ws-check/" + repo.slug());
        }
        bitbucket.deleteHook(deleted, ours(deleted, "hooks-check").id());
        bitbucket.editHook(deactivated, ours(deactivated, "hooks-check").id()).active(false).apply();
        HookView untouched = ours(intact, "hooks-check");

        assertThat(io.quarkus.vertx.VertxContextSupport.subscribeAndAwait(checker::checkAll)).isGreaterThanOrEqualTo(2);

        assertThat(ours(deleted, "hooks-check").active()).isTrue();
        assertThat(ours(deactivated, "hooks-check").active()).isTrue();
        assertThat(ours(intact, "hooks-check")).isEqualTo(untouched);
        asAdmin().get("/api/v1/integrations/hooks-check/repositories").then()
                .body("find { it.repository == 'ws-check/deleted' }.hookDetail", containsString("missing"))
                .body("find { it.repository == 'ws-check/deactivated' }.hookDetail", containsString("active"));
    }

    @Test
    void aSecretChangedToAnotherValueIsRestoredByRepair() {
        integration("hooks-secret", "ws-secret");
        RepoRef repo = bitbucket.createRepository("ws-secret", "widgets");
        connect("hooks-secret", "ws-secret/widgets");
        HookView hook = ours(repo, "hooks-secret");
        bitbucket.editHook(repo, hook.id()).secret("someone-else's-secret").apply();

        asAdmin().post("/api/v1/integrations/hooks-secret/repositories/ws-secret/widgets/repair").then()
                .statusCode(200).body("hookState", equalTo("repaired"));
        assertThat(ours(repo, "hooks-secret").secret()).isEqualTo(hook.secret());
    }

    @Test
    void listsTheWorkspaceRepositoriesInPagesMarkingConnectedOnes() {
        integration("hooks-list", "ws-list");
        for (String slug : List.of("alpha", "beta", "gamma")) {
            bitbucket.createRepository("ws-list", slug);
        }
        connect("hooks-list", "ws-list/beta");
        var first = asAdmin().queryParam("limit", 2).get("/api/v1/integrations/hooks-list/repositories/available")
                .then().statusCode(200)
                .body("values.repository", org.hamcrest.Matchers.contains("ws-list/alpha", "ws-list/beta"))
                .body("values.connected", org.hamcrest.Matchers.contains(false, true))
                .extract().<String> path("next");
        asAdmin().queryParam("limit", 2).queryParam("next", first)
                .get("/api/v1/integrations/hooks-list/repositories/available").then().statusCode(200)
                .body("values.repository", org.hamcrest.Matchers.contains("ws-list/gamma"))
                .body("next", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void aRotationRewritesTheConnectedHooks() {
        integration("hooks-rotate", "ws-rotate");
        RepoRef repo = bitbucket.createRepository("ws-rotate", "widgets");
        connect("hooks-rotate", "ws-rotate/widgets");
        HookView before = ours(repo, "hooks-rotate");

        asAdmin().post("/api/v1/integrations/hooks-rotate/webhook/rotate").then().statusCode(200)
                .body("hooksUpdated", org.hamcrest.Matchers.contains("ws-rotate/widgets"))
                .body("hooksNotUpdated.size()", equalTo(0));

        var fresh = secrets.webhook("hooks-rotate").await().indefinitely().orElseThrow();
        HookView after = ours(repo, "hooks-rotate");
        assertThat(after.id()).isEqualTo(before.id());
        assertThat(after.url()).endsWith("?token=" + fresh.token());
        assertThat(after.secret()).isEqualTo(fresh.secret()).isNotEqualTo(before.secret());
    }

    @Test
    void disconnectingRemovesOurHookOnly() {
        integration("hooks-off", "ws-off");
        RepoRef repo = bitbucket.createRepository("ws-off", "widgets");
        connect("hooks-off", "ws-off/widgets");
        HookView foreign = foreignHook(repo);

        asAdmin().delete("/api/v1/integrations/hooks-off/repositories/ws-off/widgets").then().statusCode(200)
                .body("hook", equalTo("removed"));
        assertThat(bitbucket.hooks(repo)).containsExactly(foreign);
        asAdmin().get("/api/v1/integrations/hooks-off/repositories").then().body("size()", equalTo(0));
    }

    @Test
    void twoIntegrationsOnOneRepositoryHaveTwoHooksAndDeletingOneLeavesTheOther() throws Exception {
        Account jane = integration("team-a", "ws-shared");
        integration("team-b", "ws-shared", "team-b@example.com");
        RepoRef repo = bitbucket.createRepository("ws-shared", "widgets");
        connect("team-a", "ws-shared/widgets");
        connect("team-b", "ws-shared/widgets");
        HookView a = ours(repo, "team-a");
        HookView b = ours(repo, "team-b");
        assertThat(a.id()).isNotEqualTo(b.id());
        assertThat(a.secret()).isNotEqualTo(b.secret());

        bitbucket.push(repo, "main", NewCommit.by(jane, "shared push"));
        for (String team : List.of("team-a", "team-b")) {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> asAdmin()
                    .get("/api/v1/integrations/" + team + "/deliveries").then()
                    .body("values.outcome", hasItem("accepted")));
        }

        asAdmin().delete("/api/v1/integrations/team-a").then().statusCode(200)
                .body("notCleanedUp.size()", equalTo(0));
        assertThat(bitbucket.hooks(repo)).extracting(HookView::id).containsExactly(b.id());
    }

    @Test
    void aManualSetupShowsTheSecretOnceAndAHookEnteredByHandDelivers() throws Exception {
        Account jane = integration("hooks-manual", "ws-manual");
        RepoRef first = bitbucket.createRepository("ws-manual", "by-hand");
        RepoRef second = bitbucket.createRepository("ws-manual", "also-by-hand");
        var shown = connect("hooks-manual", "ws-manual/by-hand", "manual")
                .body("webhook", equalTo("manual"))
                .body("manualSetup.events", hasItem("repo:push"))
                .extract().jsonPath();
        assertThat(bitbucket.hooks(first)).as("Bitbridge registers nothing for a manual setup").isEmpty();
        var webhook = secrets.webhook("hooks-manual").await().indefinitely().orElseThrow();
        String url = shown.getString("manualSetup.url");
        assertThat(url).endsWith("/webhooks/bitbucket/hooks-manual?token=" + webhook.token());
        assertThat(shown.getString("manualSetup.secret")).isEqualTo(webhook.secret());

        // The second manual connect does not show them again.
        connect("hooks-manual", "ws-manual/also-by-hand", "manual")
                .body("manualSetup.secret", org.hamcrest.Matchers.nullValue())
                .body("manualSetup.url", containsString("token=<shown before>"))
                .body("manualSetup.url", org.hamcrest.Matchers.not(containsString(webhook.token())))
                .body("manualSetup.note", containsString("/webhook/rotate"));

        // What was shown works: the user enters it in Bitbucket, and Bitbucket's signed pushes are accepted.
        registerByHand(first, url, shown.getString("manualSetup.secret"), "Bitbridge, by hand");
        bitbucket.push(first, "main", NewCommit.by(jane, "pushed to a hook set up by hand"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> asAdmin()
                .get("/api/v1/integrations/hooks-manual/deliveries").then()
                .body("values.outcome", hasItem("accepted")));

        // Disconnecting leaves the hand-made hook and says so; a rotation shows new ones at the next manual connect.
        asAdmin().delete("/api/v1/integrations/hooks-manual/repositories/ws-manual/by-hand").then().statusCode(200)
                .body("hook", equalTo("manual"));
        assertThat(bitbucket.hooks(first)).hasSize(1);
        asAdmin().post("/api/v1/integrations/hooks-manual/webhook/rotate").then().statusCode(200);
        connect("hooks-manual", "ws-manual/by-hand", "manual")
                .body("manualSetup.secret", equalTo(secrets.webhook("hooks-manual").await().indefinitely()
                        .orElseThrow().secret()))
                .body("manualSetup.secret", org.hamcrest.Matchers.not(equalTo(webhook.secret())));
        assertThat(bitbucket.hooks(second)).isEmpty();
    }

    private Account integration(String name, String workspace) {
        return integration(name, workspace, name + "@example.com");
    }

    private Account integration(String name, String workspace, String email) {
        Account account = bitbucket.addAccount("User " + name, email);
        bitbucket.credentials().apiToken(account, "tok-" + name, SCOPES);
        asAdmin().body("""
                {"name": "%s", "flavor": "cloud", "workspace": "%s",
                 "credentials": {"kind": "cloud-api-token", "email": "%s", "token": "tok-%s"}}"""
                .formatted(name, workspace, email, name))
                .post("/api/v1/integrations").then().statusCode(201);
        return account;
    }

    private static io.restassured.response.ValidatableResponse connect(String integration, String repository) {
        return connect(integration, repository, "automatic");
    }

    private static io.restassured.response.ValidatableResponse connect(String integration, String repository,
            String webhook) {
        return asAdmin().body("{\"repository\": \"" + repository + "\", \"webhook\": \"" + webhook + "\"}")
                .post("/api/v1/integrations/" + integration + "/repositories").then().statusCode(200);
    }

    private HookView ours(RepoRef repo, String integration) {
        List<HookView> found = bitbucket.hooks(repo).stream()
                .filter(h -> h.url().contains("/webhooks/bitbucket/" + integration + "?")).toList();
        assertThat(found).as("hooks of %s", integration).hasSize(1);
        return found.get(0);
    }

    /** A hook somebody else registered by hand: never ours to change. */
    private HookView foreignHook(RepoRef repo) {
        return registerByHand(repo, "https://ci.example.com/hook", null, "Other CI");
    }

    /** A hook a user adds through Bitbucket's own API (as in its settings page), with their own credential. */
    private HookView registerByHand(RepoRef repo, String url, String secret, String description) {
        int before = bitbucket.hooks(repo).size();
        var http = java.net.http.HttpClient.newHttpClient();
        try {
            String who = "tool-" + repo.owner() + "-" + before + "@example.com";
            Account other = bitbucket.addAccount("Other Tool " + repo.owner() + before, who);
            bitbucket.credentials().apiToken(other, "tool-token-" + repo.owner() + before, SCOPES);
            String auth = java.util.Base64.getEncoder().encodeToString((who + ":tool-token-" + repo.owner() + before)
                    .getBytes());
            String body = new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(
                    secret == null ? java.util.Map.of("description", description, "url", url, "active", true,
                            "events", List.of("repo:push"))
                            : java.util.Map.of("description", description, "url", url, "active", true, "events",
                                    List.of("repo:push"), "secret", secret));
            var response = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(bitbucket.baseUrl()
                    + "/repositories/" + repo.owner() + "/" + repo.slug() + "/hooks"))
                    .header("Authorization", "Basic " + auth).header("Content-Type", "application/json")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body))
                    .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        assertThat(bitbucket.hooks(repo)).hasSize(before + 1);
        return bitbucket.hooks(repo).stream().filter(h -> h.url().equals(url)).findFirst().orElseThrow();
    }
}

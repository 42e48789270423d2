package dev.bitbridge.connector.support;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import dev.bitbridge.events.webhook.BitbucketFlavor;
import dev.bitbridge.testkit.bitbucket.Account;
import dev.bitbridge.testkit.bitbucket.BitbucketSimulator;
import dev.bitbridge.testkit.bitbucket.Delivery;
import dev.bitbridge.testkit.bitbucket.RepoRef;

import static dev.bitbridge.connector.support.Api.asAdmin;

/**
 * Cloud integrations on the simulator for enrichment tests: an API-token integration, connected repositories, and
 * the simulator's deliveries published on the raw topic as the ingress does (each delivery id once; the real ingress,
 * when running, publishes them too, and enrichment must recognise the copy).
 */
public final class CloudSetup {

    public static final String[] SCOPES = { "read:user:bitbucket", "read:repository:bitbucket",
            "read:pullrequest:bitbucket", "read:webhook:bitbucket", "write:webhook:bitbucket",
            "delete:webhook:bitbucket" };

    private final BitbucketSimulator bitbucket;
    private final RawWebhooks raw;
    private final Set<String> forwarded = ConcurrentHashMap.newKeySet();
    private final java.util.Map<String, String> tokenIds = new ConcurrentHashMap<>();

    public CloudSetup(BitbucketSimulator bitbucket, RawWebhooks raw) {
        this.bitbucket = bitbucket;
        this.raw = raw;
    }

    /**
     * Creates an integration with an API token ({@code tok-<name>}) of a new account; returns the account.
     * {@link #tokenId} names the token on the simulator, to revoke it.
     */
    public Account integration(String name, String workspace) {
        Account account = bitbucket.addAccount("User " + name, name + "@example.com");
        tokenIds.put(name, bitbucket.credentials().apiToken(account, "tok-" + name, SCOPES));
        asAdmin().body("""
                {"name": "%s", "flavor": "cloud", "workspace": "%s",
                 "credentials": {"kind": "cloud-api-token", "email": "%s@example.com", "token": "tok-%s"}}"""
                .formatted(name, workspace, name, name))
                .post("/api/v1/integrations").then().statusCode(201);
        return account;
    }

    /** @return the simulator's id of the token {@link #integration} gave the integration */
    public String tokenId(String integration) {
        return tokenIds.get(integration);
    }

    /** Creates a repository on the simulator and connects it to the integration (its hook is registered). */
    public RepoRef connected(String integration, String workspace, String slug) {
        RepoRef repo = bitbucket.createRepository(workspace, slug);
        asAdmin().body("{\"repository\": \"" + workspace + "/" + slug + "\"}")
                .post("/api/v1/integrations/" + integration + "/repositories").then().statusCode(200);
        return repo;
    }

    /** Publishes what the simulator delivered for this repository (first attempts, each id once). */
    public List<Delivery> forward(RepoRef repo) throws InterruptedException {
        bitbucket.awaitDeliveries(Duration.ofSeconds(10));
        String fullName = repo.owner() + "/" + repo.slug();
        List<Delivery> sent = bitbucket.deliveries().stream()
                .filter(d -> d.attempt() == 1 && d.url().contains("/webhooks/bitbucket/"))
                .filter(d -> d.bodyText().contains("\"" + fullName + "\""))
                .filter(d -> forwarded.add(d.requestId()))
                .toList();
        sent.forEach(d -> publish(d, fullName));
        return sent;
    }

    /** Publishes one delivery (again, if it was already): a redelivery as two ingress replicas could make it. */
    public void publish(Delivery delivery, String repository) {
        String integration = delivery.url().replaceAll(".*/webhooks/bitbucket/([^?]+).*", "$1");
        raw.publish(integration, BitbucketFlavor.CLOUD, delivery.eventKey(), delivery.requestId(), repository,
                delivery.body());
    }
}

package dev.bitbridge.connector.bitbucket;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Predicate;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;

import dev.bitbridge.api.ApiException;
import dev.bitbridge.connector.bitbucket.budget.BudgetKey;
import dev.bitbridge.connector.bitbucket.oauth.OAuthTokens;
import dev.bitbridge.connector.config.ConnectorConfig;
import dev.bitbridge.connector.credentials.CredentialKind;
import dev.bitbridge.connector.integration.Integration;
import dev.bitbridge.connector.integration.IntegrationSecrets;
import dev.bitbridge.connector.integration.IntegrationStore;
import dev.bitbridge.credentials.SecretFields;
import dev.bitbridge.events.webhook.BitbucketFlavor;

/** What it takes to call Bitbucket for an integration: where, with which TLS settings, and as whom. */
@ApplicationScoped
public class IntegrationAccess {

    private final IntegrationStore store;
    private final IntegrationSecrets secrets;
    private final ConnectorConfig config;
    private final OAuthTokens oauth;
    private final Map<String, Remembered> remembered = new ConcurrentHashMap<>();

    IntegrationAccess(IntegrationStore store, IntegrationSecrets secrets, ConnectorConfig config, OAuthTokens oauth) {
        this.store = store;
        this.secrets = secrets;
        this.config = config;
        this.oauth = oauth;
    }

    /** @throws ApiException 404 when there is no such integration */
    public Uni<Void> exists(String name) {
        return store.findActive(name).replaceWithVoid();
    }

    /**
     * @param name an integration's name
     * @return its target and authorization
     * @throws ApiException 404 when there is no such integration, 409 when it has no credentials
     */
    public Uni<Access> of(String name) {
        return store.findActive(name)
                .map(integration -> {
                    if (integration.credentialKind() == null) {
                        throw ApiException.conflict("Integration '" + name + "' has no credentials; set them with"
                                + " PATCH /api/v1/integrations/" + name);
                    }
                    return integration;
                })
                .chain(integration -> secrets.bitbucket(name).map(found -> {
                    CredentialKind kind = CredentialKind.of(integration.credentialKind()).orElseThrow();
                    BitbucketTarget target = target(integration, kind);
                    SecretFields fields = found.orElseThrow(() -> ApiException.conflict("The credentials of"
                            + " integration '" + name + "' are missing from the credential store; set them again"));
                    return new Access(integration, target, credential(name, kind, fields), BudgetKey.of(target, fields));
                }));
    }

    /**
     * Like {@link #of}, but remembered for {@code bitbridge.connector.enrichment.access-cache-ttl}: enrichment needs
     * an integration's access for every event and build-status posts for every build state, and reading the row and
     * decrypting the credential each time cost two PostgreSQL round trips each. A change through this replica's API forgets it
     * at once ({@link #forget});
     * another replica's change is seen within the TTL, and a call refused for its credential is tried again with
     * fresh access by the caller.
     */
    public Uni<Access> remembered(String name) {
        Remembered known = remembered.get(name);
        long now = System.nanoTime();
        if (known != null && known.fresh(now, config.enrichment().accessCacheTtl())) {
            return Uni.createFrom().item(known.access());
        }
        return of(name).invoke(access -> remembered.put(name, new Remembered(access, now)));
    }

    /**
     * Runs {@code call} with the integration's {@link #remembered} access. Should the call fail for a reason
     * {@code refusedForAccess} accepts while that access came from memory (it may predate a credential change on
     * another replica), the access is forgotten and the call made once more with access read now.
     */
    public <T> Uni<T> withRemembered(String name, Predicate<Throwable> refusedForAccess,
            Function<Access, Uni<T>> call) {
        boolean fromMemory = isRemembered(name);
        return remembered(name).chain(a -> call.apply(a))
                .onFailure(f -> fromMemory && refusedForAccess.test(f)).recoverWithUni(refusal -> {
                    forget(name);
                    return of(name).chain(a -> call.apply(a));
                });
    }

    /** @return whether {@link #remembered} would answer from memory now, without reading the integration */
    private boolean isRemembered(String name) {
        Remembered known = remembered.get(name);
        return known != null && known.fresh(System.nanoTime(), config.enrichment().accessCacheTtl());
    }

    /** The integration changed or is gone: what {@link #remembered} kept of it is stale. */
    public void forget(String name) {
        remembered.remove(name);
    }

    private record Remembered(Access access, long at) {

        boolean fresh(long now, java.time.Duration ttl) {
            return now - at < ttl.toNanos();
        }
    }

    private BitbucketCredential credential(String name, CredentialKind kind, SecretFields fields) {
        return kind == CredentialKind.CLOUD_OAUTH_CLIENT_CREDENTIALS || kind == CredentialKind.CLOUD_OAUTH_AUTHORIZATION_CODE
                ? oauth.credential(name, kind)
                : BitbucketCredential.fixed(BitbucketAuthorization.of(kind, fields));
    }

    private BitbucketTarget target(Integration integration, CredentialKind kind) {
        BitbucketFlavor flavor = BitbucketFlavor.of(integration.flavor());
        return flavor == BitbucketFlavor.CLOUD
                ? new BitbucketTarget(integration.name(), flavor,
                        config.bitbucket().cloudApiUrl().replaceAll("/+$", ""), true, null, kind)
                : new BitbucketTarget(integration.name(), flavor, integration.baseUrl(), integration.verifyTls(),
                        integration.caBundle(), kind);
    }

    /**
     * @param integration the integration as stored
     * @param target where to call
     * @param authorization what authorizes calls; never log it
     * @param budgetKey whose API budget the calls count against ({@link BudgetKey}); names no secret
     */
    public record Access(Integration integration, BitbucketTarget target, BitbucketCredential authorization,
            String budgetKey) {
        @Override
        public String toString() {
            return "Access[" + target + "]";
        }
    }
}

package dev.bitbridge.connector.bitbucket.oauth;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.quarkus.oidc.client.OidcClient;
import io.quarkus.oidc.client.OidcClientConfigBuilder;
import io.quarkus.oidc.client.OidcClients;
import io.quarkus.oidc.client.Tokens;
import io.quarkus.oidc.client.runtime.OidcClientConfig;
import io.smallrye.mutiny.Uni;

import dev.bitbridge.connector.bitbucket.BitbucketCredential;
import dev.bitbridge.connector.bitbucket.BitbucketException;
import dev.bitbridge.connector.bitbucket.BitbucketProblem;
import dev.bitbridge.connector.config.ConnectorConfig;
import dev.bitbridge.connector.credentials.CredentialKind;
import dev.bitbridge.connector.integration.IntegrationSecrets;
import dev.bitbridge.credentials.SecretFields;

/**
 * OAuth 2.0 access tokens for Bitbucket Cloud consumers, through {@code quarkus-oidc-client}: one client per
 * integration against Bitbucket's token endpoint. Tokens are cached and renewed before they expire (and after a 401):
 * a client-credentials consumer simply asks for a new one (Bitbucket issues it no refresh token); an authorized
 * consumer spends its refresh token, and the new refresh token Bitbucket returns (they rotate) is stored at once. A
 * refresh token that expired or was revoked means a person must connect Bitbucket again, and the error says so.
 * Concurrent renewals of one integration share one request, so a rotating refresh token is never spent twice.
 */
@ApplicationScoped
public class OAuthTokens {

    static final String REFRESH_TOKEN = "refreshToken";
    static final String ACCESS_TOKEN = "accessToken";
    static final String EXPIRES_AT = "accessTokenExpiresAt";
    private static final Logger LOG = Logger.getLogger(OAuthTokens.class);

    private final OidcClients clients;
    private final IntegrationSecrets secrets;
    private final ConnectorConfig config;
    private final ConcurrentMap<String, Cached> cache = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, CompletableFuture<Cached>> renewing = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Uni<OidcClient>> oidcClients = new ConcurrentHashMap<>();

    OAuthTokens(OidcClients clients, IntegrationSecrets secrets, ConnectorConfig config) {
        this.clients = clients;
        this.secrets = secrets;
        this.config = config;
    }

    /** @return the credential of an OAuth integration, fetching and renewing its access token as needed */
    public BitbucketCredential credential(String integration, CredentialKind kind) {
        return new BitbucketCredential() {
            @Override
            public Uni<String> header() {
                return accessToken(integration, kind).map(token -> "Bearer " + token);
            }

            @Override
            public boolean renewable() {
                return true;
            }

            @Override
            public void invalidate() {
                cache.remove(integration);
            }

            @Override
            public String toString() {
                return "BitbucketCredential[oauth " + integration + "]";
            }
        };
    }

    /** Exchanges an authorization code for tokens and stores them: the end of "Connect Bitbucket". */
    public Uni<Void> exchange(String integration, String code) {
        return secrets.bitbucket(integration)
                .map(found -> found.orElseThrow(() -> new BitbucketException(BitbucketProblem.BAD_CREDENTIALS,
                        "Integration '" + integration + "' has no OAuth consumer credentials")))
                .chain(fields -> client(integration, fields, OidcClientConfig.Grant.Type.CODE)
                        .chain(client -> client.getTokens(Map.of("code", code)))
                        .onFailure().transform(f -> translate(integration, f, true))
                        .chain(tokens -> store(integration, fields, tokens)))
                .invoke(cached -> cache.put(integration, cached))
                .replaceWithVoid();
    }

    /** Forgets everything cached for an integration whose credentials changed or which was deleted. */
    public void forget(String integration) {
        cache.remove(integration);
        oidcClients.remove(integration);
    }

    Uni<String> accessToken(String integration, CredentialKind kind) {
        Cached cached = cache.get(integration);
        if (cached != null && cached.freshAt(Instant.now(), config.bitbucket().oauthRenewBefore())) {
            return Uni.createFrom().item(cached.accessToken());
        }
        CompletableFuture<Cached> mine = new CompletableFuture<>();
        CompletableFuture<Cached> running = renewing.putIfAbsent(integration, mine);
        if (running != null) {
            // Another call is renewing this integration's token: wait for it rather than spend a refresh token twice.
            return Uni.createFrom().completionStage(running).map(Cached::accessToken);
        }
        return renew(integration, kind)
                .invoke(fresh -> cache.put(integration, fresh))
                .onTermination().invoke((fresh, failure, cancelled) -> {
                    renewing.remove(integration, mine);
                    if (fresh != null) {
                        mine.complete(fresh);
                    } else {
                        mine.completeExceptionally(failure != null ? failure
                                : new BitbucketException(BitbucketProblem.UNREACHABLE, "token renewal cancelled"));
                    }
                })
                .map(Cached::accessToken);
    }

    private Uni<Cached> renew(String integration, CredentialKind kind) {
        return secrets.bitbucket(integration)
                .map(found -> found.orElseThrow(() -> new BitbucketException(BitbucketProblem.BAD_CREDENTIALS,
                        "Integration '" + integration + "' has no credentials")))
                .chain(fields -> kind == CredentialKind.CLOUD_OAUTH_CLIENT_CREDENTIALS
                        ? client(integration, fields, OidcClientConfig.Grant.Type.CLIENT)
                                .chain(OidcClient::getTokens)
                                .onFailure().transform(f -> translate(integration, f, false))
                                .map(tokens -> Cached.of(tokens))
                        : refresh(integration, fields));
    }

    private Uni<Cached> refresh(String integration, SecretFields fields) {
        Optional<String> refreshToken = fields.get(REFRESH_TOKEN);
        if (refreshToken.isEmpty()) {
            return Uni.createFrom().failure(new BitbucketException(BitbucketProblem.RECONNECT_NEEDED, "Integration '"
                    + integration + "' is not connected to Bitbucket yet: open GET /api/v1/integrations/" + integration
                    + "/oauth/connect and approve the consumer"));
        }
        return client(integration, fields, OidcClientConfig.Grant.Type.CODE)
                .chain(client -> client.refreshTokens(refreshToken.get()))
                .onFailure().transform(f -> translate(integration, f, true))
                .chain(tokens -> store(integration, fields, tokens));
    }

    /** Stores the new tokens; the refresh token first of all, since the one just spent no longer works. */
    private Uni<Cached> store(String integration, SecretFields fields, Tokens tokens) {
        Cached cached = Cached.of(tokens);
        Map<String, String> updated = new TreeMap<>(fields.asMap());
        if (tokens.getRefreshToken() != null) {
            updated.put(REFRESH_TOKEN, tokens.getRefreshToken());
        }
        updated.put(ACCESS_TOKEN, cached.accessToken());
        updated.put(EXPIRES_AT, cached.expiresAt().toString());
        return secrets.putBitbucket(integration, SecretFields.of(updated))
                .invoke(() -> LOG.debugf("OAuth tokens of integration '%s' renewed, access token valid until %s",
                        integration, cached.expiresAt()))
                .replaceWith(cached);
    }

    private Uni<OidcClient> client(String integration, SecretFields fields, OidcClientConfig.Grant.Type grant) {
        String clientId = fields.require("clientId");
        return oidcClients.computeIfAbsent(integration + "|" + grant + "|" + clientId, key -> clients.newClient(
                new OidcClientConfigBuilder()
                        .id("bitbucket-" + integration + "-" + grant.name().toLowerCase(java.util.Locale.ROOT))
                        .authServerUrl(config.bitbucket().cloudOauthUrl())
                        .discoveryEnabled(false)
                        .tokenPath("access_token")
                        .clientId(clientId)
                        .credentials(fields.require("clientSecret"))
                        .grant(grant)
                        .build())
                .memoize().indefinitely());
    }

    private static BitbucketException translate(String integration, Throwable failure, boolean person) {
        if (failure instanceof BitbucketException known) {
            return known;
        }
        String text = String.valueOf(failure.getMessage());
        if (person && text.contains("invalid_grant")) {
            return new BitbucketException(BitbucketProblem.RECONNECT_NEEDED, "Bitbucket no longer accepts the"
                    + " authorization of integration '" + integration + "' (the refresh token expired or was"
                    + " revoked): connect Bitbucket again with GET /api/v1/integrations/" + integration
                    + "/oauth/connect");
        }
        if (text.contains("unauthorized_client") || text.contains("invalid_client")) {
            return new BitbucketException(BitbucketProblem.BAD_CREDENTIALS, 401, "Bitbucket refused the OAuth"
                    + " consumer's key or secret: copy them again from the workspace settings (OAuth consumers)",
                    Optional.empty(), java.util.List.of());
        }
        return new BitbucketException(BitbucketProblem.UNREACHABLE, "Bitbucket's OAuth token endpoint did not give"
                + " a token (" + failure.getClass().getSimpleName() + ")");
    }

    /** An access token and when it stops working. */
    record Cached(String accessToken, Instant expiresAt) {

        static Cached of(Tokens tokens) {
            Long at = tokens.getAccessTokenExpiresAt();
            return new Cached(tokens.getAccessToken(), at == null ? Instant.now().plusSeconds(3600)
                    : Instant.ofEpochSecond(at));
        }

        boolean freshAt(Instant now, Duration renewBefore) {
            return now.plus(renewBefore).isBefore(expiresAt);
        }

        @Override
        public String toString() {
            return "Cached[expiresAt=" + expiresAt + "]";
        }
    }
}

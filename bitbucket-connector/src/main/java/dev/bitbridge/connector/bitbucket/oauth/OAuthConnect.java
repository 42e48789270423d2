package dev.bitbridge.connector.bitbucket.oauth;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

import dev.bitbridge.api.ApiException;
import dev.bitbridge.connector.config.ConnectorConfig;
import dev.bitbridge.connector.credentials.CredentialKind;
import dev.bitbridge.connector.integration.IntegrationSecrets;
import dev.bitbridge.connector.integration.IntegrationStore;

/**
 * The OAuth 2.0 authorization-code flow ("Connect Bitbucket"): an admin starts it, the browser goes to Bitbucket's
 * authorize URL with a random single-use {@code state}, and Bitbucket sends it back to the callback with a code, which
 * is exchanged for tokens. A state is valid for 10 minutes and only once; a callback without a valid one stores nothing.
 */
@ApplicationScoped
public class OAuthConnect {

    static final Duration STATE_LIFETIME = Duration.ofMinutes(10);
    private static final Logger LOG = Logger.getLogger(OAuthConnect.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Pool pool;
    private final IntegrationStore integrations;
    private final IntegrationSecrets secrets;
    private final OAuthTokens tokens;
    private final ConnectorConfig config;

    OAuthConnect(Pool pool, IntegrationStore integrations, IntegrationSecrets secrets, OAuthTokens tokens,
            ConnectorConfig config) {
        this.pool = pool;
        this.integrations = integrations;
        this.secrets = secrets;
        this.tokens = tokens;
        this.config = config;
    }

    /** @return Bitbucket's authorize URL for the integration's consumer, with a new state */
    public Uni<String> start(String integration) {
        String state = random();
        return integrations.findActive(integration)
                .invoke(stored -> {
                    if (!CredentialKind.CLOUD_OAUTH_AUTHORIZATION_CODE.id().equals(stored.credentialKind())) {
                        throw ApiException.conflict("Integration '" + integration + "' does not use an OAuth consumer"
                                + " with the authorization-code flow (credentials kind "
                                + CredentialKind.CLOUD_OAUTH_AUTHORIZATION_CODE.id() + ")");
                    }
                })
                .chain(() -> secrets.bitbucket(integration))
                .map(found -> found.orElseThrow(() -> ApiException.conflict("Integration '" + integration
                        + "' has no consumer key and secret; set its credentials")).require("clientId"))
                .call(clientId -> pool.preparedQuery("insert into oauth_state (state, integration, created_at)"
                        + " values ($1, $2, $3)").execute(Tuple.of(state, integration, OffsetDateTime.now(ZoneOffset.UTC))))
                .map(clientId -> config.bitbucket().cloudOauthUrl() + "/authorize?client_id="
                        + URLEncoder.encode(clientId, StandardCharsets.UTF_8) + "&response_type=code&state=" + state);
    }

    /**
     * Completes the flow: spends the state and exchanges the code.
     *
     * @return the integration that is now connected
     */
    public Uni<String> complete(String state, String code, String error) {
        if (state == null || state.isBlank()) {
            return Uni.createFrom().failure(ApiException.invalid("state", "is missing: start again with GET"
                    + " /api/v1/integrations/{name}/oauth/connect"));
        }
        OffsetDateTime oldest = OffsetDateTime.now(ZoneOffset.UTC).minus(STATE_LIFETIME);
        return pool.preparedQuery("delete from oauth_state where state = $1 returning integration, created_at")
                .execute(Tuple.of(state))
                .map(rows -> {
                    if (rows.rowCount() == 0) {
                        throw ApiException.invalid("state", "is unknown or was already used: start again with GET"
                                + " /api/v1/integrations/{name}/oauth/connect");
                    }
                    var row = rows.iterator().next();
                    if (row.getOffsetDateTime("created_at").isBefore(oldest)) {
                        throw ApiException.invalid("state", "expired (a flow must finish within "
                                + STATE_LIFETIME.toMinutes() + " minutes): start again");
                    }
                    if (error != null) {
                        throw ApiException.invalid("error", "Bitbucket did not authorize the consumer (" + error
                                + "); start again and approve it");
                    }
                    if (code == null || code.isBlank()) {
                        throw ApiException.invalid("code", "is missing from Bitbucket's callback");
                    }
                    return row.getString("integration");
                })
                .call(integration -> tokens.exchange(integration, code))
                .invoke(integration -> LOG.infof("Integration '%s' connected to Bitbucket with OAuth", integration));
    }

    private static String random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}

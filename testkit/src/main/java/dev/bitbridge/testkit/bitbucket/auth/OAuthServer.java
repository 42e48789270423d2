package dev.bitbridge.testkit.bitbucket.auth;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.bitbridge.testkit.bitbucket.Account;
import dev.bitbridge.testkit.bitbucket.auth.Credentials.OAuthConsumer;
import dev.bitbridge.testkit.bitbucket.http.Json;
import dev.bitbridge.testkit.bitbucket.http.SimRequest;
import dev.bitbridge.testkit.bitbucket.http.SimResponse;
import dev.bitbridge.testkit.bitbucket.model.SimClock;

/**
 * Bitbucket Cloud's OAuth 2.0 endpoints as enforced since May 2026: {@code /site/oauth2/authorize} (the user's consent
 * is given at once, as the consumer's configured user) and {@code /site/oauth2/access_token} with the
 * {@code client_credentials} (no refresh token), {@code authorization_code} and {@code refresh_token} grants. Refresh
 * tokens rotate: each refresh issues a new one and invalidates the one used; unused ones expire after 90 days. Access
 * tokens live 2 hours unless a test sets another lifetime.
 */
public final class OAuthServer {

    /** An issued access token. */
    record Issued(OAuthConsumer consumer, Account account, Instant expiresAt) {
    }

    private record Grant(OAuthConsumer consumer, Account account, Instant expiresAt) {
    }

    static final Duration REFRESH_LIFETIME = Duration.ofDays(90);

    private final SimClock clock;
    private final Credentials credentials;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Issued> accessTokens = new ConcurrentHashMap<>();
    private final Map<String, Grant> refreshTokens = new ConcurrentHashMap<>();
    private final Map<String, Grant> codes = new ConcurrentHashMap<>();
    private volatile Duration accessLifetime = Duration.ofHours(2);

    public OAuthServer(SimClock clock, Credentials credentials) {
        this.clock = clock;
        this.credentials = credentials;
    }

    /** Sets how long new access tokens live. */
    public void accessTokenLifetime(Duration lifetime) {
        accessLifetime = lifetime;
    }

    /** @return the issued access token, or {@code null} when never issued */
    Issued accessToken(String token) {
        return accessTokens.get(token);
    }

    /** Answers {@code GET /site/oauth2/authorize}: 302 to the consumer's callback with {@code code} and {@code state}. */
    public SimResponse authorize(SimRequest request) {
        OAuthConsumer consumer = consumer(request.query("client_id"));
        if (consumer == null) {
            return SimResponse.text(400, "Invalid client_id");
        }
        if (!"code".equals(request.query("response_type"))) {
            return redirect(consumer, "error=unsupported_response_type", request.query("state"));
        }
        String code = newToken(24);
        codes.put(code, new Grant(consumer, consumer.user(), clock.now().plus(Duration.ofMinutes(10))));
        return redirect(consumer, "code=" + code, request.query("state"));
    }

    /** Answers {@code POST /site/oauth2/access_token}. */
    public SimResponse token(SimRequest request) {
        Map<String, List<String>> form = request.formBody();
        OAuthConsumer consumer = authenticateClient(request, form);
        if (consumer == null) {
            return error(400, "unauthorized_client", "Invalid OAuth client credentials");
        }
        String grantType = first(form, "grant_type");
        if ("client_credentials".equals(grantType)) {
            return issue(consumer, consumer.user(), grantType, false);
        }
        if ("authorization_code".equals(grantType)) {
            Grant grant = codes.remove(String.valueOf(first(form, "code")));
            if (grant == null || grant.consumer != consumer || grant.expiresAt.isBefore(clock.now())) {
                return error(400, "invalid_grant", "The specified code is not valid.");
            }
            return issue(consumer, grant.account, grantType, true);
        }
        if ("refresh_token".equals(grantType)) {
            // Rotation: the refresh token is spent whatever happens next.
            Grant grant = refreshTokens.remove(String.valueOf(first(form, "refresh_token")));
            if (grant == null || grant.consumer != consumer || grant.expiresAt.isBefore(clock.now())) {
                return error(400, "invalid_grant", "Invalid refresh_token");
            }
            return issue(consumer, grant.account, grantType, true);
        }
        return error(400, "unsupported_grant_type", "Unsupported grant type: " + grantType);
    }

    private SimResponse issue(OAuthConsumer consumer, Account account, String grantType, boolean withRefresh) {
        String access = newToken(48);
        Duration lifetime = accessLifetime;
        accessTokens.put(access, new Issued(consumer, account, clock.now().plus(lifetime)));
        ObjectNode body = Json.object()
                .put("access_token", access)
                .put("scope", String.join(" ", new TreeSet<>(consumer.scopes())))
                .put("expires_in", lifetime.toSeconds())
                .put("token_type", "bearer")
                .put("state", grantType);
        if (withRefresh) {
            String refresh = newToken(24);
            refreshTokens.put(refresh, new Grant(consumer, account, clock.now().plus(REFRESH_LIFETIME)));
            body.put("refresh_token", refresh);
        }
        return SimResponse.json(200, body);
    }

    private OAuthConsumer authenticateClient(SimRequest request, Map<String, List<String>> form) {
        String id = first(form, "client_id");
        String secret = first(form, "client_secret");
        String auth = request.header("Authorization");
        if (auth != null && auth.regionMatches(true, 0, "Basic ", 0, 6)) {
            String decoded = new String(Base64.getDecoder().decode(auth.substring(6).trim()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            id = colon < 0 ? decoded : decoded.substring(0, colon);
            secret = colon < 0 ? "" : decoded.substring(colon + 1);
        }
        OAuthConsumer consumer = consumer(id);
        return consumer != null && consumer.secret().equals(secret) ? consumer : null;
    }

    private OAuthConsumer consumer(String key) {
        return credentials.all(OAuthConsumer.class).stream().filter(c -> c.key().equals(key)).findFirst()
                .orElse(null);
    }

    private static SimResponse redirect(OAuthConsumer consumer, String result, String state) {
        String callback = consumer.callbackUrl();
        StringBuilder location = new StringBuilder(callback).append(callback.contains("?") ? '&' : '?').append(result);
        if (state != null) {
            location.append("&state=").append(java.net.URLEncoder.encode(state, StandardCharsets.UTF_8));
        }
        return SimResponse.empty(302).header("Location", location.toString());
    }

    private static SimResponse error(int status, String error, String description) {
        return SimResponse.json(status, Json.object().put("error", error).put("error_description", description));
    }

    private static String first(Map<String, List<String>> form, String name) {
        List<String> values = form.get(name);
        return values == null ? null : values.get(0);
    }

    private String newToken(int bytes) {
        byte[] raw = new byte[bytes];
        random.nextBytes(raw);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    }
}

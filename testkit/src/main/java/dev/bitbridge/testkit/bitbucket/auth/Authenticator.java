package dev.bitbridge.testkit.bitbucket.auth;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Set;

import dev.bitbridge.testkit.bitbucket.Flavor;
import dev.bitbridge.testkit.bitbucket.auth.Credentials.AccessToken;
import dev.bitbridge.testkit.bitbucket.auth.Credentials.ApiToken;
import dev.bitbridge.testkit.bitbucket.auth.Credentials.AppPassword;
import dev.bitbridge.testkit.bitbucket.auth.Credentials.DcToken;
import dev.bitbridge.testkit.bitbucket.auth.Credentials.DcUser;
import dev.bitbridge.testkit.bitbucket.auth.Principal.Kind;
import dev.bitbridge.testkit.bitbucket.http.CloudErrors;
import dev.bitbridge.testkit.bitbucket.http.DcErrors;
import dev.bitbridge.testkit.bitbucket.http.SimRequest;
import dev.bitbridge.testkit.bitbucket.http.SimResponse;
import dev.bitbridge.testkit.bitbucket.model.SimClock;

/**
 * Turns a request's {@code Authorization} header into a {@link Principal}, or into the refusal Bitbucket gives. A
 * request without the header is anonymous; what anonymous callers get is the endpoints' business. Credentials in the
 * query ({@code ?access_token=}) are ignored, as Bitbucket Cloud ignores them since May 2026.
 */
public final class Authenticator {

    /** The outcome: a principal, or a refusal to send as is. */
    public record Result(Principal principal, SimResponse refusal) {
    }

    private final Flavor flavor;
    private final Credentials credentials;
    private final OAuthServer oauth;
    private final SimClock clock;

    public Authenticator(Flavor flavor, Credentials credentials, OAuthServer oauth, SimClock clock) {
        this.flavor = flavor;
        this.credentials = credentials;
        this.oauth = oauth;
        this.clock = clock;
    }

    public Result authenticate(SimRequest request) {
        String header = request.header("Authorization");
        if (header == null || header.isBlank()) {
            return new Result(Principal.ANONYMOUS, null);
        }
        if (header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            String token = header.substring(7).trim();
            return flavor == Flavor.CLOUD ? cloudBearer(token) : dcBearer(token);
        }
        if (header.regionMatches(true, 0, "Basic ", 0, 6)) {
            String decoded;
            try {
                decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return refuse(null);
            }
            int colon = decoded.indexOf(':');
            String user = colon < 0 ? decoded : decoded.substring(0, colon);
            String secret = colon < 0 ? "" : decoded.substring(colon + 1);
            return flavor == Flavor.CLOUD ? cloudBasic(user, secret) : dcBasic(user, secret);
        }
        return refuse(null);
    }

    private Result cloudBasic(String user, String secret) {
        for (ApiToken t : credentials.all(ApiToken.class)) {
            // REST takes API tokens with the account e-mail only (the username is for git).
            if (t.token().equals(secret) && t.account().email().equalsIgnoreCase(user)) {
                if (t.scopes().isEmpty()) {
                    return refuse(CloudErrors.TOKEN_INVALID);
                }
                return ok(new Principal(t.id(), "user:" + t.account().accountId(), t.account(), Kind.CLOUD_API_TOKEN,
                        t.scopes(), true, r -> true, List.of(), 0));
            }
        }
        for (AppPassword p : credentials.all(AppPassword.class)) {
            if (p.username().equals(user) && p.password().equals(secret)) {
                // App passwords were removed on 2026-07-28: right ones are refused like wrong ones.
                return refuse(null);
            }
        }
        return refuse(null);
    }

    private Result cloudBearer(String token) {
        for (AccessToken t : credentials.all(AccessToken.class)) {
            if (t.token().equals(token)) {
                return ok(new Principal(t.id(), "token:" + t.id(), t.bot(), Kind.CLOUD_ACCESS_TOKEN, t.scopes(), false,
                        r -> r.owner().key().equals(t.workspace())
                                && (t.repoSlug() == null || r.slug().equals(t.repoSlug())),
                        List.of(), 0));
            }
        }
        OAuthServer.Issued issued = oauth.accessToken(token);
        if (issued == null) {
            return refuse(CloudErrors.TOKEN_INVALID);
        }
        if (issued.expiresAt().isBefore(clock.now())) {
            return refuse(CloudErrors.TOKEN_EXPIRED);
        }
        String workspace = issued.consumer().workspace();
        return ok(new Principal(issued.consumer().id(), "user:" + issued.account().accountId(), issued.account(),
                Kind.CLOUD_OAUTH, issued.consumer().scopes(), false,
                r -> workspace == null || r.owner().key().equals(workspace), List.of(), 0));
    }

    private Result dcBasic(String user, String secret) {
        for (DcUser u : credentials.all(DcUser.class)) {
            if (u.account().name().equals(user) && u.password().equals(secret)) {
                return ok(new Principal(u.id(), "user:" + u.account().name(), u.account(), Kind.DC_USER, Set.of(),
                        false, r -> true, u.grants(), 3));
            }
        }
        for (DcToken t : credentials.all(DcToken.class)) {
            // Only personal tokens stand in for a password; project and repository tokens are Bearer only.
            if (t.personal() && t.token().equals(secret) && t.actor().name().equals(user)) {
                return ok(personal(t));
            }
        }
        return refuse(null);
    }

    private Result dcBearer(String token) {
        for (DcToken t : credentials.all(DcToken.class)) {
            if (t.token().equals(token)) {
                return ok(t.personal() ? personal(t)
                        : new Principal(t.id(), "token:" + t.id(), t.actor(), Kind.DC_RESOURCE_TOKEN, Set.of(), false,
                                r -> true, List.of(t.grant()), 3));
            }
        }
        return refuse(null);
    }

    private Principal personal(DcToken t) {
        List<DcGrant> ownerGrants = credentials.all(DcUser.class).stream()
                .filter(u -> u.account().equals(t.actor()))
                .flatMap(u -> u.grants().stream())
                .toList();
        return new Principal(t.id(), "user:" + t.actor().name(), t.actor(), Kind.DC_PERSONAL_TOKEN, Set.of(), false,
                r -> true, ownerGrants, t.grant().permission().repositoryLevel());
    }

    private static Result ok(Principal principal) {
        return new Result(principal, null);
    }

    private Result refuse(String cloudMessage) {
        if (flavor == Flavor.DATA_CENTER) {
            return new Result(null, DcErrors.badCredentials());
        }
        return new Result(null, cloudMessage == null ? CloudErrors.unauthorized("Invalid credentials")
                : CloudErrors.of(401, cloudMessage));
    }
}

package dev.bitbridge.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;

/**
 * Grants the {@code admin} role to a request that presents the configured admin token as
 * {@code Authorization: Bearer <token>}: how the embedded setup is administered without an identity provider. Any
 * other bearer token is left to OIDC, when an issuer is configured. Tokens are compared as SHA-256 digests, in
 * constant time.
 */
@ApplicationScoped
public class AdminTokenMechanism implements HttpAuthenticationMechanism {

    /** Above quarkus-oidc's mechanism, so that the admin token is recognised before OIDC tries to verify it. */
    static final int PRIORITY = HttpAuthenticationMechanism.DEFAULT_PRIORITY + 500;
    private static final String BEARER = "bearer ";

    private final Optional<byte[]> adminTokenDigest;

    AdminTokenMechanism(AdminToken token) {
        this.adminTokenDigest = token.value().map(AdminTokenMechanism::digest);
    }

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        String header = context.request().getHeader("Authorization");
        if (adminTokenDigest.isEmpty() || header == null || header.length() <= BEARER.length()
                || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Uni.createFrom().nullItem();
        }
        byte[] presented = digest(header.substring(BEARER.length()).trim());
        if (!MessageDigest.isEqual(presented, adminTokenDigest.get())) {
            return Uni.createFrom().nullItem();
        }
        return Uni.createFrom().item(QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal("admin-token"))
                .addRole(ApiRoles.ADMIN)
                .build());
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().item(new ChallengeData(401, "WWW-Authenticate", "Bearer"));
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of();
    }

    @Override
    public int getPriority() {
        return PRIORITY;
    }

    private static byte[] digest(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}

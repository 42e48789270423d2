package dev.bitbridge.connector.security;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * Turns OIDC on for a real Keycloak: {@code KeycloakResource} points {@code quarkus.oidc.auth-server-url} at its
 * {@code bitbridge} realm, whose issuer, keys and token checks quarkus-oidc discovers there. Roles come from where
 * quarkus-oidc looks by default ({@code groups}, else Keycloak's {@code realm_access.roles}); the admin token of the
 * test configuration stays on.
 */
public class KeycloakProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("quarkus.oidc.tenant-enabled", "true");
    }
}

package dev.bitbridge.connector.security;

import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.RequestScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.identity.SecurityIdentity;

import dev.bitbridge.api.ApiRoles;
import dev.bitbridge.connector.config.ConnectorConfig;

/** Who is calling the API and which spaces they may see. */
@RequestScoped
public class Caller {

    public static final String DEFAULT_SPACE = "default";

    private final SecurityIdentity identity;
    private final ConnectorConfig config;

    Caller(SecurityIdentity identity, ConnectorConfig config) {
        this.identity = identity;
        this.config = config;
    }

    public boolean isAdmin() {
        return identity.hasRole(ApiRoles.ADMIN);
    }

    /** @return whether the caller may see integrations of {@code space} listed */
    public boolean canList(String space) {
        return isAdmin() || readableSpaces().contains(space);
    }

    /** @return the spaces a reader's token names, plus {@code default} */
    public Set<String> readableSpaces() {
        Set<String> spaces = new java.util.HashSet<>(Set.of(DEFAULT_SPACE));
        if (identity.getPrincipal() instanceof JsonWebToken jwt) {
            Object claim = jwt.getClaim(config.api().spacesClaim());
            if (claim instanceof Collection<?> values) {
                spaces.addAll(values.stream().map(v -> v.toString().replace("\"", "")).collect(Collectors.toSet()));
            } else if (claim instanceof jakarta.json.JsonArray array) {
                array.forEach(v -> spaces.add(v.toString().replace("\"", "")));
            } else if (claim != null) {
                spaces.add(claim.toString().replace("\"", ""));
            }
        }
        return spaces;
    }
}

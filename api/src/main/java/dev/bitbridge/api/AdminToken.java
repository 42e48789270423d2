package dev.bitbridge.api;

import java.util.Optional;

/**
 * The admin API token of a service ({@code bitbridge.<service>.api.admin-token}): each service with an API provides
 * one bean of this type from its typed configuration, and {@link AdminTokenMechanism} grants {@code admin} to a request
 * that presents it.
 */
public interface AdminToken {

    /** @return the token; empty when only OIDC grants access */
    Optional<String> value();
}

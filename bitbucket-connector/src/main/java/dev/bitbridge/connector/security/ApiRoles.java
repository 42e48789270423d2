package dev.bitbridge.connector.security;

/**
 * The roles of the management API. An {@code admin} sees and changes everything; a {@code reader} lists the
 * integrations of the spaces named in its token (see {@code bitbridge.connector.api.spaces-claim}) and nothing more.
 */
public final class ApiRoles {

    public static final String ADMIN = "admin";
    public static final String READER = "reader";

    private ApiRoles() {
    }
}

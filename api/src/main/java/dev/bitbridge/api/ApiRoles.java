package dev.bitbridge.api;

/**
 * The roles of the management API. An {@code admin} sees and changes everything; a {@code reader} lists the
 * what the service lets it read (the connector: the integrations of the spaces named in its token) and nothing more.
 */
public final class ApiRoles {

    public static final String ADMIN = "admin";
    public static final String READER = "reader";

    private ApiRoles() {
    }
}

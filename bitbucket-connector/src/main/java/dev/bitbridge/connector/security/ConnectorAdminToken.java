package dev.bitbridge.connector.security;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import dev.bitbridge.api.AdminToken;
import dev.bitbridge.connector.config.ConnectorConfig;

/** The connector's admin API token: {@code bitbridge.connector.api.admin-token}. */
@ApplicationScoped
public class ConnectorAdminToken implements AdminToken {

    private final Optional<String> token;

    ConnectorAdminToken(ConnectorConfig config) {
        this.token = config.api().adminToken();
    }

    @Override
    public Optional<String> value() {
        return token;
    }
}

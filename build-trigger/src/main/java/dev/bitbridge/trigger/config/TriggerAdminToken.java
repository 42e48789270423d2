package dev.bitbridge.trigger.config;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import dev.bitbridge.api.AdminToken;

/** build-trigger's admin API token: {@code bitbridge.trigger.api.admin-token}. */
@ApplicationScoped
public class TriggerAdminToken implements AdminToken {

    private final Optional<String> token;

    TriggerAdminToken(TriggerConfig config) {
        this.token = config.api().adminToken();
    }

    @Override
    public Optional<String> value() {
        return token;
    }
}

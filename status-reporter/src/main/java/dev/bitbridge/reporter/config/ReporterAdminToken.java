package dev.bitbridge.reporter.config;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import dev.bitbridge.api.AdminToken;

/** status-reporter's admin API token: {@code bitbridge.reporter.api.admin-token}. */
@ApplicationScoped
public class ReporterAdminToken implements AdminToken {

    private final Optional<String> token;

    ReporterAdminToken(ReporterConfig config) {
        this.token = config.api().adminToken();
    }

    @Override
    public Optional<String> value() {
        return token;
    }
}

package dev.bitbridge.analyzer.config;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import dev.bitbridge.api.AdminToken;

/** The analyzer's admin API token: {@code bitbridge.analyzer.api.admin-token}. */
@ApplicationScoped
public class AnalyzerAdminToken implements AdminToken {

    private final Optional<String> token;

    AnalyzerAdminToken(AnalyzerConfig config) {
        this.token = config.api().adminToken();
    }

    @Override
    public Optional<String> value() {
        return token;
    }
}

package dev.bitbridge.trigger.manual;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.ext.web.client.WebClient;

import dev.bitbridge.trigger.branches.BranchHeadException;
import dev.bitbridge.trigger.branches.BranchHeadException.Kind;
import dev.bitbridge.trigger.config.TriggerConfig;

/**
 * An integration's flavor as the connector knows it ({@code GET /api/v1/integrations/{name}} with its admin token,
 * {@code flavor}): what a manual build of a given commit says, when no branch head was read (which says it too).
 * Failures are {@link BranchHeadException}s, as for branch heads: the same connector, the same outcomes.
 */
@ApplicationScoped
class IntegrationFlavors {

    private final Optional<URI> url;
    private final Optional<String> token;
    private final Duration timeout;
    private final ObjectMapper json;
    private final WebClient web;

    IntegrationFlavors(Vertx vertx, ObjectMapper json, TriggerConfig config) {
        this.url = config.connector().url();
        this.token = config.connector().apiToken();
        this.timeout = config.connector().requestTimeout();
        this.json = json;
        this.web = WebClient.create(vertx, new WebClientOptions().setFollowRedirects(false)
                .setConnectTimeout((int) timeout.toMillis()).setUserAgent("Bitbridge build-trigger"));
    }

    @PreDestroy
    void close() {
        web.close();
    }

    /** @return {@code cloud} or {@code datacenter}; fails with a {@link BranchHeadException} */
    Uni<String> of(String integration) {
        if (url.isEmpty()) {
            return Uni.createFrom().failure(new BranchHeadException(Kind.NOT_CONFIGURED, "No connector is configured"
                    + " (bitbridge.trigger.connector.url): give the flavor"));
        }
        String target = url.get().toString().replaceAll("/+$", "") + "/api/v1/integrations/"
                + URLEncoder.encode(integration, StandardCharsets.UTF_8);
        var request = web.getAbs(target).putHeader("Accept", "application/json").timeout(timeout.toMillis());
        token.ifPresent(t -> request.putHeader("Authorization", "Bearer " + t));
        return request.send()
                .onFailure().transform(f -> new BranchHeadException(Kind.UNAVAILABLE, "The connector at " + url.get()
                        + " did not answer for integration " + integration + ": " + f.getMessage()))
                .map(response -> {
                    if (response.statusCode() == 404) {
                        throw new BranchHeadException(Kind.NOT_FOUND, "The connector has no integration '"
                                + integration + "'", "integration", Optional.empty());
                    }
                    String flavor = null;
                    try {
                        flavor = response.statusCode() == 200 ? json.readTree(response.bodyAsString()).path("flavor")
                                .asText(null) : null;
                    } catch (java.io.IOException e) {
                        // not JSON: said below
                    }
                    if (!"cloud".equals(flavor) && !"datacenter".equals(flavor)) {
                        throw new BranchHeadException(Kind.UNAVAILABLE, "The connector answered " + response
                                .statusCode() + " without a flavor for integration " + integration);
                    }
                    return flavor;
                });
    }
}

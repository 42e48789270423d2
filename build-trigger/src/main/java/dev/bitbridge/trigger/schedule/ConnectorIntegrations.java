package dev.bitbridge.trigger.schedule;

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
 * Asks the connector which Bitbucket product an integration is ({@code GET /api/v1/integrations/{name}} with the
 * admin token, its {@code flavor}): every build request says so, and a schedule's requests are made here, not by the
 * analyzer. The flavor is read once, when a schedule is created: an integration's flavor never changes.
 */
@ApplicationScoped
public class ConnectorIntegrations {

    private final Optional<URI> url;
    private final Optional<String> token;
    private final Duration timeout;
    private final ObjectMapper json;
    private final WebClient web;

    ConnectorIntegrations(Vertx vertx, ObjectMapper json, TriggerConfig config) {
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

    /** @return {@code cloud} or {@code datacenter}; fails with a {@link BranchHeadException} saying why not */
    public Uni<String> flavor(String integration) {
        if (url.isEmpty()) {
            return Uni.createFrom().failure(new BranchHeadException(Kind.NOT_CONFIGURED, "build-trigger cannot ask"
                    + " the connector: bitbridge.trigger.connector.url is not set"));
        }
        String target = url.get().toString().replaceAll("/+$", "") + "/api/v1/integrations/"
                + URLEncoder.encode(integration, StandardCharsets.UTF_8);
        var request = web.getAbs(target).putHeader("Accept", "application/json").timeout(timeout.toMillis());
        token.ifPresent(t -> request.putHeader("Authorization", "Bearer " + t));
        return request.send()
                .onFailure().transform(f -> new BranchHeadException(Kind.UNAVAILABLE, "The connector at " + url.get()
                        + " did not answer: " + f.getMessage()))
                .map(response -> {
                    if (response.statusCode() == 404) {
                        throw new BranchHeadException(Kind.NOT_FOUND, "The connector has no integration named '"
                                + integration + "'");
                    }
                    if (response.statusCode() != 200) {
                        throw new BranchHeadException(Kind.UNAVAILABLE, "The connector answered "
                                + response.statusCode() + " when asked for integration " + integration);
                    }
                    try {
                        String flavor = json.readTree(response.bodyAsString()).path("flavor").asText("");
                        if (!"cloud".equals(flavor) && !"datacenter".equals(flavor)) {
                            throw new BranchHeadException(Kind.UNAVAILABLE, "The connector's answer for integration "
                                    + integration + " has no flavor");
                        }
                        return flavor;
                    } catch (java.io.IOException e) {
                        throw new BranchHeadException(Kind.UNAVAILABLE, "The connector's answer for integration "
                                + integration + " is not JSON");
                    }
                });
    }
}

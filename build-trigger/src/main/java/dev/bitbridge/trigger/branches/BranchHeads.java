package dev.bitbridge.trigger.branches;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.ext.web.client.WebClient;

import dev.bitbridge.trigger.branches.BranchHeadException.Kind;
import dev.bitbridge.trigger.config.TriggerConfig;

/**
 * Reads a branch's head commit through the connector, which owns the integrations' Bitbucket credentials: a manual
 * build of a branch, and every scheduled build, builds the commit the branch points to when it is asked for, so that
 * its status lands on that commit. The connector's answer: {@code GET
 * /api/v1/integrations/{integration}/repositories/{owner}/{slug}/branch-head?branch=…} with the admin token, 200
 * {@code {"repository", "branch", "commit", "flavor"}}, or 404 when the integration, repository or branch is unknown
 * ({@code fields[0].field} names which), 503 with {@code Retry-After} when Bitbucket cannot answer.
 */
@ApplicationScoped
public class BranchHeads {

    private static final Pattern HASH = Pattern.compile("[0-9a-f]{40}|[0-9a-f]{64}");

    private final Optional<URI> url;
    private final Optional<String> token;
    private final WebClient web;
    private final ObjectMapper json;
    private final Duration timeout;

    BranchHeads(Vertx vertx, ObjectMapper json, TriggerConfig config) {
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

    /** @return whether a connector is configured, so that branches can be resolved */
    public boolean configured() {
        return url.isPresent();
    }

    /**
     * @param integration the integration
     * @param repository the repository's full name
     * @param branch the branch, without {@code refs/heads/}
     * @return its head; fails with a {@link BranchHeadException}
     */
    public Uni<BranchHead> head(String integration, String repository, String branch) {
        if (url.isEmpty()) {
            return Uni.createFrom().failure(new BranchHeadException(Kind.NOT_CONFIGURED, "build-trigger cannot read"
                    + " branch heads: bitbridge.trigger.connector.url is not set. Give a commit, or configure the"
                    + " connector"));
        }
        String[] parts = repository.split("/", 2);
        String target = url.get().toString().replaceAll("/+$", "") + "/api/v1/integrations/" + segment(integration)
                + "/repositories/" + segment(parts[0]) + "/" + segment(parts.length > 1 ? parts[1] : "")
                + "/branch-head?branch=" + URLEncoder.encode(branch, StandardCharsets.UTF_8);
        String where = "branch " + branch + " of " + repository + " (integration " + integration + ")";
        var request = web.getAbs(target).putHeader("Accept", "application/json").timeout(timeout.toMillis());
        token.ifPresent(t -> request.putHeader("Authorization", "Bearer " + t));
        return request.send()
                .onFailure().transform(f -> new BranchHeadException(Kind.UNAVAILABLE, "The connector at " + url.get()
                        + " did not answer for " + where + ": " + f.getMessage()))
                .map(response -> {
                    int status = response.statusCode();
                    if (status == 404) {
                        throw new BranchHeadException(Kind.NOT_FOUND, "Bitbucket has no " + where + ", or the"
                                + " integration's credential may not see it" + detail(response.bodyAsString()),
                                unknown(response.bodyAsString()), Optional.empty());
                    }
                    if (status != 200) {
                        throw new BranchHeadException(Kind.UNAVAILABLE, "The connector answered " + status
                                + " for " + where + detail(response.bodyAsString()), null,
                                retryAfter(response.getHeader("Retry-After")));
                    }
                    return read(response.bodyAsString(), repository, branch, where);
                });
    }

    private BranchHead read(String body, String repository, String branch, String where) {
        try {
            JsonNode node = json.readTree(body);
            String commit = node.path("commit").asText("");
            if (!HASH.matcher(commit).matches()) {
                throw new BranchHeadException(Kind.UNAVAILABLE, "The connector's answer for " + where
                        + " has no commit hash");
            }
            String flavor = node.path("flavor").asText("");
            if (!"cloud".equals(flavor) && !"datacenter".equals(flavor)) {
                throw new BranchHeadException(Kind.UNAVAILABLE, "The connector's answer for " + where
                        + " has no flavor (cloud or datacenter): is the connector older than build-trigger?");
            }
            return new BranchHead(repository, branch, commit, flavor);
        } catch (java.io.IOException e) {
            throw new BranchHeadException(Kind.UNAVAILABLE, "The connector's answer for " + where + " is not JSON");
        }
    }

    /**
     * An integration's flavor as the connector knows it ({@code GET /api/v1/integrations/{name}}): what a request for a
     * given commit says, when no branch head was read (whose answer says it too).
     *
     * @return {@code cloud} or {@code datacenter}; fails with a {@link BranchHeadException}
     */
    public Uni<String> flavor(String integration) {
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

    /** The connector's own explanation (an ApiError's detail), never more than a line of it. */
    private String detail(String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        try {
            String detail = json.readTree(body).path("detail").asText("");
            return detail.isEmpty() ? "" : ": " + (detail.length() > 300 ? detail.substring(0, 300) + "…" : detail);
        } catch (java.io.IOException e) {
            return "";
        }
    }

    /** @return what the connector's 404 names as unknown ({@code fields[0].field}), or null */
    private String unknown(String body) {
        try {
            String field = body == null || body.isBlank() ? ""
                    : json.readTree(body).path("fields").path(0)
                            .path("field").asText("");
            return Set.of("integration", "repository", "branch").contains(field) ? field : null;
        } catch (java.io.IOException e) {
            return null;
        }
    }

    private static Optional<Duration> retryAfter(String header) {
        try {
            return header == null ? Optional.empty() : Optional.of(Duration.ofSeconds(Long.parseLong(header.trim())));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}

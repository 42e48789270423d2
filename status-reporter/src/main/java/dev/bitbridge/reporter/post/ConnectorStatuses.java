package dev.bitbridge.reporter.post;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.HttpResponse;
import io.vertx.mutiny.ext.web.client.WebClient;

import dev.bitbridge.reporter.config.ReporterConfig;
import dev.bitbridge.reporter.statuses.TrackedStatus;

/**
 * Asks the connector to post a status: {@code PUT
 * /api/v1/integrations/{integration}/repositories/{owner}/{slug}/commits/{commit}/build-statuses/{key}} with the
 * status as JSON and the connector's admin token. The connector posts it to Bitbucket with the integration's
 * credential, counted against its API budget (ADR 14), and answers 200 {@code {flavor, endpoint, state}}; 422 when
 * Bitbucket refused it (the {@code error} code says why); 429 or 503 with {@code Retry-After} when Bitbucket cannot take
 * it now; 404 and 409 (as {@code ApiError}s) when the integration is unknown or has no credentials. Anything else —
 * no answer, a proxy's 502, an answer that is not the connector's — is taken as "not now": a status is never dead-
 * lettered because the way to Bitbucket was down.
 */
@ApplicationScoped
public class ConnectorStatuses {

    private static final Pattern CODE = Pattern.compile("[a-z][a-z0-9_]{0,40}");

    private final URI url;
    private final String token;
    private final Duration timeout;
    private final WebClient web;
    private final ObjectMapper json;

    ConnectorStatuses(Vertx vertx, ObjectMapper json, ReporterConfig config) {
        this.url = config.connector().url().orElse(URI.create("http://localhost:8081"));
        this.token = config.connector().apiToken().orElse("");
        this.timeout = config.connector().requestTimeout();
        this.json = json;
        this.web = WebClient.create(vertx, new WebClientOptions().setFollowRedirects(false).setKeepAlive(true)
                .setMaxPoolSize(50).setConnectTimeout((int) Math.min(timeout.toMillis(), 5000))
                .setUserAgent("Bitbridge status-reporter"));
    }

    @PreDestroy
    void close() {
        web.close();
    }

    /** @return what came of it; never fails */
    public Uni<PostOutcome> post(TrackedStatus status) {
        String[] repository = status.repository().split("/", 2);
        String target = url.toString().replaceAll("/+$", "") + "/api/v1/integrations/"
                + segment(status.integration()) + "/repositories/" + segment(repository[0]) + "/"
                + segment(repository.length > 1 ? repository[1] : "") + "/commits/" + segment(status.commit())
                + "/build-statuses/" + segment(status.key());
        return web.putAbs(target)
                .putHeader("Authorization", "Bearer " + token)
                .putHeader("Content-Type", "application/json")
                .putHeader("Accept", "application/json")
                .timeout(timeout.toMillis())
                .sendBuffer(Buffer.buffer(status.wantedJson()))
                .map(this::outcome)
                .onFailure().recoverWithItem(failure -> new PostOutcome.NotNow(false, Optional.empty(),
                        "the connector at " + url + " did not answer: " + failure.getMessage()));
    }

    private PostOutcome outcome(HttpResponse<Buffer> response) {
        int status = response.statusCode();
        JsonNode body = parse(response.bodyAsString());
        String error = body.path("error").asText("");
        String detail = body.path("detail").asText("");
        Optional<Duration> retryAfter = retryAfter(response.getHeader("Retry-After"));
        if (status == 200) {
            return new PostOutcome.Posted((body.path("endpoint").asText("?") + " " + body.path("state").asText("?"))
                    .strip());
        }
        if (status == 429) {
            return new PostOutcome.NotNow(true, retryAfter, "Bitbucket is rate limiting the integration's credential"
                    + (detail.isEmpty() ? "" : ": " + shorten(detail)));
        }
        boolean ours = CODE.matcher(error).matches() && !detail.isEmpty();
        if (ours && status == 422) {
            return new PostOutcome.Refused(error, "Bitbucket refused the status: " + shorten(detail));
        }
        if (ours && status == 404 && "not_found".equals(error)) {
            return new PostOutcome.Refused("integration_unknown", shorten(detail) + "; the status is not posted");
        }
        if (ours && status == 409) {
            return new PostOutcome.Refused("no_credentials", shorten(detail));
        }
        if (ours && status == 400) {
            return new PostOutcome.Refused("invalid_status", "the connector refused the status as invalid: "
                    + shorten(detail) + " (a defect of status-reporter: please report it)");
        }
        if (status == 401 || status == 403) {
            return new PostOutcome.NotNow(false, retryAfter, "the connector refused status-reporter's token (HTTP "
                    + status + "): set bitbridge.reporter.connector.api-token to the connector's admin token");
        }
        if (status == 404 || status == 405) {
            return new PostOutcome.NotNow(false, retryAfter, "the connector at " + url + " has no build-statuses"
                    + " endpoint (HTTP " + status + "): is bitbridge.reporter.connector.url the connector's, and the"
                    + " connector as new as status-reporter?");
        }
        return new PostOutcome.NotNow(false, retryAfter, "the connector answered HTTP " + status
                + (detail.isEmpty() ? "" : ": " + shorten(detail)));
    }

    private JsonNode parse(String body) {
        try {
            return body == null || body.isBlank() ? json.createObjectNode() : json.readTree(body);
        } catch (java.io.IOException e) {
            return json.createObjectNode();
        }
    }

    private static Optional<Duration> retryAfter(String header) {
        try {
            return header == null ? Optional.empty()
                    : Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(header.trim()))));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static String shorten(String text) {
        return text.length() > 500 ? text.substring(0, 500) + "…" : text;
    }

    private static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}

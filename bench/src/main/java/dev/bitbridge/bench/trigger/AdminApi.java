package dev.bitbridge.bench.trigger;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** A service's management API under {@code /api/v1}, as its admin (bearer token). */
public final class AdminApi {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;
    private final String adminToken;

    /**
     * @param base the service's public URL
     * @param adminToken its admin token
     */
    public AdminApi(URI base, String adminToken) {
        this.base = base;
        this.adminToken = adminToken;
    }

    /** Points the integration at a Jenkins: build-trigger's {@code PUT …/jenkins-target}. */
    public void jenkinsTarget(String integration, String baseUrl, String user, String apiToken, String defaultJob) {
        put("/api/v1/integrations/" + integration + "/jenkins-target", """
                {"baseUrl": "%s", "username": "%s", "credentialKind": "api-token", "secret": "%s",
                 "defaultJob": "%s"}""".formatted(baseUrl, user, apiToken, defaultJob));
    }

    /** Sets the integration's analysis settings: commit-analyzer's {@code PUT …/analysis-settings}. */
    public void analysisSettings(String integration, String projectKey, String defaultJob) {
        put("/api/v1/integrations/" + integration + "/analysis-settings", """
                {"projectKeys": ["%s"], "linkTemplate": "https://jira.example.com/browse/{key}",
                 "defaultJob": "%s"}""".formatted(projectKey, defaultJob));
    }

    private void put(String path, String json) {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + adminToken)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("PUT " + path + " answered " + response.statusCode() + ": "
                        + response.body());
            }
        } catch (IOException e) {
            throw new IllegalStateException("PUT " + path + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }
}

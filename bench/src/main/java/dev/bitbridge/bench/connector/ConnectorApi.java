package dev.bitbridge.bench.connector;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The connector's management API, as its admin: an integration with an API token, and its repositories. */
public final class ConnectorApi {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;
    private final String adminToken;

    /**
     * @param base the connector's public URL
     * @param adminToken its admin token
     */
    public ConnectorApi(URI base, String adminToken) {
        this.base = base;
        this.adminToken = adminToken;
    }

    /** Creates a Cloud integration whose credential is an API token of {@code email}. */
    public void createIntegration(String name, String workspace, String email, String token) {
        post("/api/v1/integrations", """
                {"name": "%s", "flavor": "cloud", "workspace": "%s",
                 "credentials": {"kind": "cloud-api-token", "email": "%s", "token": "%s"}}"""
                .formatted(name, workspace, email, token), 201);
    }

    /** Connects a repository to an integration: the connector registers its hook on Bitbucket. */
    public void connect(String integration, String repository) {
        post("/api/v1/integrations/" + integration + "/repositories",
                "{\"repository\": \"" + repository + "\"}", 200);
    }

    private void post(String path, String json, int expected) {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + adminToken)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expected) {
                throw new IllegalStateException("POST " + path + " answered " + response.statusCode() + " (expected "
                        + expected + "): " + response.body());
            }
        } catch (IOException e) {
            throw new IllegalStateException("POST " + path + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }
}

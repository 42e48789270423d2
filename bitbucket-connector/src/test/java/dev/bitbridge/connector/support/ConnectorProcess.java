package dev.bitbridge.connector.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import dev.bitbridge.testkit.EmbeddedKafka;
import dev.bitbridge.testkit.EmbeddedPostgres;
import dev.bitbridge.testkit.ServiceJar;
import dev.bitbridge.testkit.bitbucket.BitbucketSimulator;

/**
 * The packaged connector ({@code target/quarkus-app}) as a process on the shared broker and PostgreSQL, calling a
 * Cloud simulator, for tests and benchmarks that need a real process: to kill it, or to measure it alone.
 */
public final class ConnectorProcess {

    public static final Path JAR = Path.of("target/quarkus-app/quarkus-run.jar");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private ConnectorProcess() {
    }

    /**
     * @param webhookBaseUrl where the hooks it registers point
     * @param instance its enrichment instance name (the same across a restart)
     * @param extra more configuration
     */
    public static ServiceJar start(BitbucketSimulator bitbucket, String webhookBaseUrl, String instance, String log,
            Map<String, String> extra) {
        EmbeddedPostgres pg = EmbeddedPostgres.shared();
        ServiceJar.Builder builder = ServiceJar.of(JAR)
                .log(Path.of("target", log + ".log").toAbsolutePath())
                .property("kafka.bootstrap.servers", EmbeddedKafka.shared().bootstrapServers())
                .property("quarkus.datasource.jdbc.url", pg.jdbcUrl())
                .property("quarkus.datasource.reactive.url", pg.reactiveUrl())
                .property("quarkus.datasource.username", pg.username())
                .property("quarkus.datasource.password", "postgres")
                .property("bitbridge.credentials.master-keys.test", "ICEiIyQlJicoKSorLC0uLzAxMjM0NTY3ODk6Ozw9Pj8=")
                .property("bitbridge.credentials.active-master-key", "test")
                .property("bitbridge.connector.sealing-keys.test", "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=")
                .property("bitbridge.connector.sealing-key-id", "test")
                .property("bitbridge.connector.api.admin-token", Api.ADMIN_TOKEN)
                .property("bitbridge.connector.bitbucket.cloud-api-url", bitbucket.baseUrl())
                .property("bitbridge.connector.webhook-base-url", webhookBaseUrl)
                .property("bitbridge.connector.enrichment.instance", instance);
        extra.forEach(builder::property);
        return builder.start().awaitReady(Duration.ofSeconds(120));
    }

    /** Calls the connector's API with the admin token; fails unless the status is {@code expected}. */
    public static String api(ServiceJar connector, String method, String path, String body, int expected) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(connector.publicUrl() + path))
                    .header("Authorization", "Bearer " + Api.ADMIN_TOKEN).header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expected) {
                throw new AssertionError(method + " " + path + " answered " + response.statusCode() + ": "
                        + response.body());
            }
            return response.body();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

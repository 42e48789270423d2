package dev.bitbridge.connector.startup;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import dev.bitbridge.testkit.EmbeddedPostgres;
import dev.bitbridge.testkit.FreePorts;
import dev.bitbridge.testkit.ServiceJar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Kafka away at start is an outage, not a bad configuration: the packaged connector comes up alive and not ready,
 * saying why, instead of blocking its start on its transactional producers until it fails (they are created on first
 * use).
 */
class StartsWithoutKafkaIT {

    static final Path JAR = Path.of("target/quarkus-app/quarkus-run.jar");
    static final String DATABASE = "bitbridge_connector_nokafka";

    @Test
    void withoutKafkaTheConnectorIsAliveAndNotReadyAndSaysWhy() throws Exception {
        EmbeddedPostgres pg = EmbeddedPostgres.shared();
        try (Connection connection = DriverManager.getConnection(pg.jdbcUrl(), pg.username(), "postgres");
                Statement statement = connection.createStatement()) {
            statement.execute("create database " + DATABASE);
        }
        String database = "localhost:" + pg.port() + "/" + DATABASE;
        ServiceJar.Builder builder = ServiceJar.of(JAR)
                .log(Path.of("target", "connector-no-kafka.log").toAbsolutePath())
                .jvmOption("-Xmx256m")
                .property("kafka.bootstrap.servers", "localhost:" + FreePorts.next())
                .property("quarkus.datasource.jdbc.url", "jdbc:postgresql://" + database)
                .property("quarkus.datasource.reactive.url", "postgresql://" + database)
                .property("quarkus.datasource.username", pg.username())
                .property("quarkus.datasource.password", "postgres")
                .property("bitbridge.connector.sealing-keys.test", "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=")
                .property("bitbridge.connector.sealing-key-id", "test")
                .property("bitbridge.credentials.master-keys.test", "ICEiIyQlJicoKSorLC0uLzAxMjM0NTY3ODk6Ozw9Pj8=")
                .property("bitbridge.credentials.active-master-key", "test")
                .property("bitbridge.connector.api.admin-token", "no-kafka-admin-token-0123456789abcdef")
                .property("bitbridge.connector.webhook-base-url", "http://127.0.0.1:" + FreePorts.next());
        try (ServiceJar connector = builder.start()) {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            // Well before a producer's max.block.ms (60 s) would have let a blocked start fail.
            await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                    .until(() -> status(http, connector, "/q/health/live") == 200);
            HttpResponse<String> ready = http.send(HttpRequest.newBuilder(connector.managementUrl()
                    .resolve("/q/health/ready")).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(ready.statusCode()).isEqualTo(503);
            assertThat(ready.body()).containsIgnoringCase("kafka");
            assertThat(connector.process().isAlive()).isTrue();
        }
    }

    private static int status(HttpClient http, ServiceJar service, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(service.managementUrl().resolve(path)).timeout(Duration.ofSeconds(5))
                .build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}

package dev.bitbridge.events.integration;

import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import dev.bitbridge.events.webhook.BitbucketFlavor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IntegrationRouteJsonTest {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();
    private final SecretSealer sealer = new SecretSealer(Map.of("k1", SecretSealer.generateKey()));

    @Test
    void serialisesToTheFieldsTheSchemaDocuments() throws Exception {
        IntegrationRoute route = new IntegrationRoute("acme-cloud", BitbucketFlavor.CLOUD, true,
                TokenHash.of("t0ken"), sealer.seal("acme-cloud", "s3cret", "k1"), Instant.parse("2026-11-22T10:15:30Z"),
                new PreviousCredentials(TokenHash.of("old-t0ken"), sealer.seal("acme-cloud", "old-s3cret", "k1"),
                        Instant.parse("2026-11-23T10:15:30Z")));

        JsonNode json = JSON.valueToTree(route);
        JsonNode schema = schema();

        assertThat(fieldNames(json)).containsExactlyInAnyOrderElementsOf(fieldNames(schema.get("properties")));
        assertThat(fieldNames(json.get("webhookSecret")))
                .containsExactlyInAnyOrderElementsOf(fieldNames(schema.at("/properties/webhookSecret/properties")));
        assertThat(fieldNames(json.get("previous")))
                .containsExactlyInAnyOrderElementsOf(fieldNames(schema.at("/properties/previous/properties")));
        assertThat(fieldNames(json.at("/previous/webhookSecret"))).containsExactlyInAnyOrderElementsOf(
                fieldNames(schema.at("/properties/previous/properties/webhookSecret/properties")));
        assertThat(json.get("flavor").asText()).isEqualTo("cloud");
        assertThat(json.get("updatedAt").asText()).isEqualTo("2026-11-22T10:15:30Z");
        assertThat(json.at("/previous/validUntil").asText()).isEqualTo("2026-11-23T10:15:30Z");
        assertThat(json.toString()).doesNotContain("t0ken").doesNotContain("s3cret");
    }

    @Test
    void readsWhatItWrites() throws Exception {
        IntegrationRoute route = new IntegrationRoute("acme-dc", BitbucketFlavor.DATACENTER, false,
                TokenHash.of("t"), null, null);

        IntegrationRoute back = JSON.readValue(JSON.writeValueAsBytes(route), IntegrationRoute.class);

        assertThat(back).isEqualTo(route);
        assertThat(JSON.valueToTree(route).has("webhookSecret")).as("absent secret is omitted").isFalse();
    }

    @Test
    void aRecordWrittenBeforeTheGracePeriodExistedStillReads() throws Exception {
        String old = "{\"name\":\"acme\",\"flavor\":\"cloud\",\"enabled\":true,\"tokenHash\":\"" + TokenHash.of("t")
                + "\",\"updatedAt\":\"2026-11-22T10:15:30Z\"}";

        IntegrationRoute route = JSON.readValue(old, IntegrationRoute.class);

        assertThat(route.previous()).isNull();
        assertThat(route.tokenHash()).isEqualTo(TokenHash.of("t"));
        assertThat(JSON.valueToTree(route).has("previous")).as("absent grace is omitted").isFalse();
    }

    @Test
    void aGracePeriodReadsWhatItWrites() throws Exception {
        IntegrationRoute route = new IntegrationRoute("acme", BitbucketFlavor.CLOUD, true, TokenHash.of("new"), null,
                null, new PreviousCredentials(TokenHash.of("old"), null, Instant.parse("2026-11-23T00:00:00Z")));

        IntegrationRoute back = JSON.readValue(JSON.writeValueAsBytes(route), IntegrationRoute.class);

        assertThat(back).isEqualTo(route);
        assertThat(JSON.valueToTree(route).get("previous").has("webhookSecret")).isFalse();
    }

    @Test
    void aGracePeriodNeedsAnEndAndSomethingToKeep() {
        String hash = TokenHash.of("x");
        String prefix = "{\"name\":\"acme\",\"flavor\":\"cloud\",\"enabled\":true,\"tokenHash\":\"" + hash
                + "\",\"previous\":";

        assertThatThrownBy(() -> JSON.readValue(prefix + "{\"tokenHash\":\"" + hash + "\"}}", IntegrationRoute.class))
                .hasMessageContaining("previous.validUntil");
        assertThatThrownBy(() -> JSON.readValue(prefix + "{\"validUntil\":\"2026-11-23T00:00:00Z\"}}",
                IntegrationRoute.class))
                .hasMessageContaining("previous names neither a tokenHash nor a webhookSecret");
        assertThatThrownBy(() -> JSON.readValue(
                prefix + "{\"tokenHash\":\"plain\",\"validUntil\":\"2026-11-23T00:00:00Z\"}}", IntegrationRoute.class))
                .hasMessageContaining("previous.tokenHash is not of the form sha256:<64 hex>")
                .hasMessageNotContaining("plain\"");
    }

    @Test
    void theGraceEndsAtValidUntilItself() {
        Instant end = Instant.parse("2026-11-23T00:00:00Z");
        PreviousCredentials previous = new PreviousCredentials(TokenHash.of("old"), null, end);

        assertThat(previous.validAt(end.minusNanos(1))).isTrue();
        assertThat(previous.validAt(end)).isFalse();
    }

    @Test
    void everyRequiredSchemaFieldIsARecordComponent() throws Exception {
        List<String> components = Arrays.stream(IntegrationRoute.class.getRecordComponents())
                .map(c -> c.getName()).toList();

        schema().get("required").forEach(r -> assertThat(components).contains(r.asText()));
    }

    @Test
    void rejectsARecordWithAMalformedTokenHash() {
        assertThatThrownBy(() -> JSON.readValue(
                "{\"name\":\"acme\",\"flavor\":\"cloud\",\"enabled\":true,\"tokenHash\":\"plain-token\"}",
                IntegrationRoute.class))
                .hasMessageContaining("tokenHash of integration 'acme' is not of the form sha256:<64 hex>");
    }

    @Test
    void rejectsAnUnknownFlavorNamingTheAcceptedValues() {
        assertThatThrownBy(() -> JSON.readValue(
                "{\"name\":\"acme\",\"flavor\":\"server\",\"enabled\":true,\"tokenHash\":\"" + TokenHash.of("x") + "\"}",
                IntegrationRoute.class))
                .hasMessageContaining("use 'cloud' or 'datacenter'");
    }

    @Test
    void toStringRevealsNoSecretMaterial() {
        IntegrationRoute route = new IntegrationRoute("acme", BitbucketFlavor.CLOUD, true, TokenHash.of("t"),
                sealer.seal("acme", "s", "k1"), null,
                new PreviousCredentials(TokenHash.of("o"), sealer.seal("acme", "p", "k1"), Instant.now()));

        assertThat(route.toString()).doesNotContain(route.tokenHash()).doesNotContain(route.webhookSecret().value())
                .doesNotContain(route.previous().tokenHash()).doesNotContain(route.previous().webhookSecret().value())
                .contains("previous=");
    }

    private static JsonNode schema() throws Exception {
        try (InputStream in = IntegrationRouteJsonTest.class.getResourceAsStream("/schemas/bitbridge.integrations.v1.json")) {
            return JSON.readTree(in);
        }
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}

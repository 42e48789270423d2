package dev.bitbridge.events.webhook;

import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookRefusalJsonTest {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    @Test
    void serialisesToExactlyTheFieldsTheSchemaDocuments() throws Exception {
        WebhookRefusal refusal = new WebhookRefusal("acme", BitbucketFlavor.CLOUD, Instant.parse("2026-11-22T10:15:30Z"),
                "signature_mismatch", 403, WebhookRefusal.PREVIOUS, "repo:push", "a1b2", "{hook}", 2);

        JsonNode json = JSON.valueToTree(refusal);
        JsonNode schema = schema();

        assertThat(fieldNames(json)).containsExactlyInAnyOrderElementsOf(fieldNames(schema.get("properties")));
        assertThat(json.get("time").asText()).isEqualTo("2026-11-22T10:15:30Z");
        assertThat(json.get("flavor").asText()).isEqualTo("cloud");
        assertThat(json.get("status").asInt()).isEqualTo(403);
        assertThat(json.get("attempt").asInt()).isEqualTo(2);
    }

    @Test
    void whatIsNotKnownIsLeftOutAndTheRequiredFieldsAreComponents() throws Exception {
        WebhookRefusal refusal = new WebhookRefusal("acme", BitbucketFlavor.DATACENTER, Instant.now(), "unauthorized", 401,
                null, null, null, null, null);

        JsonNode json = JSON.valueToTree(refusal);

        List<String> required = new ArrayList<>();
        schema().get("required").forEach(r -> required.add(r.asText()));
        assertThat(fieldNames(json)).containsExactlyInAnyOrderElementsOf(required);
        assertThat(JSON.readValue(JSON.writeValueAsBytes(refusal), WebhookRefusal.class)).isEqualTo(refusal);
    }

    @Test
    void theCloudEventsTypeAndSourceAreTheDocumentedOnes() {
        WebhookRefusal refusal = new WebhookRefusal("acme", BitbucketFlavor.CLOUD, Instant.now(), "unauthorized", 401,
                null, null, null, null, null);

        assertThat(WebhookRefusal.TYPE).isEqualTo("dev.bitbridge.ingress.webhook.refused");
        assertThat(refusal.source()).isEqualTo("/integrations/acme");
    }

    private static JsonNode schema() throws Exception {
        try (InputStream in = WebhookRefusalJsonTest.class.getResourceAsStream("/schemas/bitbridge.webhook-refusals.v1.json")) {
            return JSON.readTree(in);
        }
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}

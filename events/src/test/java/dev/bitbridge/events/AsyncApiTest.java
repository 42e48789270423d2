package dev.bitbridge.events;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code asyncapi.yaml} documents every topic Bitbridge owns, with its settings, and every schema it points at exists. */
class AsyncApiTest {

    @Test
    void everyTopicHasAChannelWithItsPartitionsAndEveryReferencedSchemaShips() throws IOException {
        JsonNode doc;
        try (InputStream in = AsyncApiTest.class.getResourceAsStream("/asyncapi.yaml")) {
            doc = new ObjectMapper(new YAMLFactory()).readTree(in);
        }
        List<String> addresses = new ArrayList<>();
        doc.path("channels").forEach(channel -> addresses.add(channel.path("address").asText()));
        assertThat(addresses).containsExactlyInAnyOrderElementsOf(Topics.ALL.stream().map(TopicSpec::name).toList());
        doc.path("channels").forEach(channel -> {
            TopicSpec spec = Topics.ALL.stream().filter(t -> t.name().equals(channel.path("address").asText()))
                    .findFirst().orElseThrow();
            assertThat(channel.path("bindings").path("kafka").path("partitions").asInt()).as(spec.name())
                    .isEqualTo(spec.partitions());
        });
        List<String> refs = doc.findValuesAsText("$ref").stream().filter(r -> r.startsWith("schemas/")).toList();
        assertThat(refs).isNotEmpty();
        for (String ref : refs) {
            assertThat(AsyncApiTest.class.getResource("/" + ref)).as(ref).isNotNull();
        }
    }
}

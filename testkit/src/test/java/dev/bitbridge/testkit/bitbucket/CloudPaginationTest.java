package dev.bitbridge.testkit.bitbucket;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class CloudPaginationTest {

    @Test
    void pagesFollowNextAndRefuseTooLargeAPagelen() {
        try (BitbucketSimulator bb = BitbucketSimulator.cloud()) {
            Account jane = bb.addAccount("Jane", "jane@example.com");
            bb.credentials().apiToken(jane, "tok", "read:repository:bitbucket");
            for (int i = 0; i < 12; i++) {
                bb.createRepository("acme", "r" + i);
            }
            String auth = Http.basic("jane@example.com", "tok");

            JsonNode first = Http.get(bb.baseUrl() + "/repositories/acme", auth).json();
            assertThat(first.get("pagelen").asInt()).isEqualTo(10);
            assertThat(first.get("size").asInt()).isEqualTo(12);
            assertThat(first.get("values")).hasSize(10);
            JsonNode second = Http.get(first.get("next").asText(), auth).json();
            assertThat(second.get("page").asInt()).isEqualTo(2);
            assertThat(second.get("values")).hasSize(2);
            assertThat(second.has("next")).isFalse();

            Http.Answer tooLarge = Http.get(bb.baseUrl() + "/repositories/acme?pagelen=101", auth);
            assertThat(tooLarge.status()).isEqualTo(400);
            assertThat(tooLarge.json().at("/error/message").asText()).isEqualTo("Invalid pagelen");
        }
    }
}

package dev.bitbridge.ingress;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

import dev.bitbridge.events.CloudEvents;
import dev.bitbridge.events.Topics;
import dev.bitbridge.testkit.KafkaTestResource;
import dev.bitbridge.testkit.TopicScanner;

import static org.assertj.core.api.Assertions.assertThat;

/** Bitbucket retries and users resend: many deliveries of one event id at once still publish exactly one record. */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
class ConcurrentDuplicatesTest extends ReadyIngress {

    private static final int DELIVERIES = 50;

    @TestHTTPResource("/webhooks/bitbucket/cloud-plain")
    URL endpoint;

    @Test
    void fiftyConcurrentDeliveriesOfOneIdPublishOneRecord() throws Exception {
        String id = Webhooks.newId();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(endpoint + "?token=cloud-token-1"))
                .header("Content-Type", "application/json")
                .header("X-Event-Key", "repo:push")
                .header("X-Request-UUID", id)
                .POST(HttpRequest.BodyPublishers.ofString(Webhooks.CLOUD_PUSH))
                .build();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(DELIVERIES);
        List<Future<HttpResponse<String>>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < DELIVERIES; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return http.send(request, HttpResponse.BodyHandlers.ofString());
                }));
            }
            start.countDown();
            List<String> bodies = new ArrayList<>();
            for (Future<HttpResponse<String>> answer : answers) {
                HttpResponse<String> response = answer.get();
                assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
                bodies.add(response.body());
            }
            assertThat(bodies).filteredOn(b -> b.contains("\"duplicate\":false")).hasSize(1);
            assertThat(bodies).filteredOn(b -> b.contains("\"duplicate\":true")).hasSize(DELIVERIES - 1);
        } finally {
            pool.shutdownNow();
        }

        assertThat(TopicScanner.ofSharedKafka().readWithHeader(Topics.WEBHOOKS_V1, CloudEvents.HEADER_ID, id)).hasSize(1);
    }
}

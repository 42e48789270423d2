package dev.bitbridge.ingress;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import dev.bitbridge.events.CloudEvents;
import dev.bitbridge.events.Topics;
import dev.bitbridge.testkit.ServiceJar;
import dev.bitbridge.testkit.TopicScanner;

import static dev.bitbridge.ingress.Webhooks.newId;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Stopping the packaged service (SIGTERM, as Kubernetes and the launcher do) in the middle of a burst loses nothing:
 * deliveries already in flight are answered — 202 only once stored — before the Kafka producer closes, and every
 * delivery answered 202 is on the topic exactly once.
 */
class GracefulShutdownIT {

    private static final int SENDERS = 6;
    private static final int HALF_SENT = 5;

    @Test
    void inFlightDeliveriesAreAnsweredAndEvery202IsOnTheTopic() throws Exception {
        Map<String, Integer> answered = new ConcurrentHashMap<>();
        byte[] body = Webhooks.CLOUD_PUSH.getBytes(StandardCharsets.UTF_8);
        ExecutorService pool = Executors.newFixedThreadPool(SENDERS);
        try (ServiceJar ingress = IngressJar.withKafka("graceful-shutdown").start().awaitReady(Duration.ofSeconds(60))) {
            CountDownLatch bursting = new CountDownLatch(SENDERS * 20);
            for (int i = 0; i < SENDERS; i++) {
                pool.submit(() -> burst(ingress, body, answered, bursting));
            }
            assertThat(bursting.await(30, TimeUnit.SECONDS)).as("the burst is under way").isTrue();

            // Deliveries whose bodies are half sent when the stop arrives: in flight, by any definition.
            List<RawHttp> inFlight = new ArrayList<>();
            List<String> inFlightIds = new ArrayList<>();
            for (int i = 0; i < HALF_SENT; i++) {
                String id = newId();
                RawHttp connection = RawHttp.connect(ingress.port());
                connection.write(RawHttp.head(IngressJar.target(), "Content-Length: " + body.length,
                        "X-Event-Key: repo:push", "X-Request-UUID: " + id));
                connection.write(java.util.Arrays.copyOf(body, body.length / 2));
                inFlight.add(connection);
                inFlightIds.add(id);
            }

            ingress.terminate();
            Thread.sleep(500);
            for (int i = 0; i < HALF_SENT; i++) {
                RawHttp connection = inFlight.get(i);
                connection.write(java.util.Arrays.copyOfRange(body, body.length / 2, body.length));
                RawHttp.Answer answer = connection.read();
                assertThat(answer.status()).as("in-flight delivery %s: %s", inFlightIds.get(i), answer.body())
                        .isEqualTo(202);
                answered.put(inFlightIds.get(i), answer.status());
                connection.close();
            }
            int status = ingress.awaitExit(Duration.ofSeconds(60));
            pool.shutdown();
            assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

            assertThat(status).as("stopped by SIGTERM, not killed").isIn(0, 143);
            assertThat(ingress.output()).doesNotContain("Timed out waiting for graceful shutdown");
        } finally {
            pool.shutdownNow();
        }

        Set<String> accepted = answered.entrySet().stream().filter(e -> e.getValue() == 202).map(Map.Entry::getKey)
                .collect(Collectors.toSet());
        assertThat(answered.values()).as("every answer was 202 or 503").allMatch(s -> s == 202 || s == 503);
        assertThat(accepted).hasSizeGreaterThan(SENDERS * 20);
        Map<String, Long> onTopic = TopicScanner.ofSharedKafka().readAll(Topics.WEBHOOKS_V1).stream()
                .map(r -> TopicScanner.header(r, CloudEvents.HEADER_ID))
                .filter(accepted::contains)
                .collect(Collectors.groupingBy(id -> id, Collectors.counting()));
        assertThat(onTopic.keySet()).as("every 202 is on the topic").containsExactlyInAnyOrderElementsOf(accepted);
        assertThat(onTopic.values()).as("each exactly once").allMatch(n -> n == 1);
    }

    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Sends deliveries one after another until the service no longer takes connections. */
    private static void burst(ServiceJar ingress, byte[] body, Map<String, Integer> answered, CountDownLatch progress) {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2)).build();
        while (true) {
            String id = newId();
            HttpRequest request = HttpRequest.newBuilder(ingress.publicUrl().resolve(IngressJar.target()))
                    .timeout(Duration.ofSeconds(20))
                    .header("Content-Type", "application/json")
                    .header("X-Event-Key", "repo:push")
                    .header("X-Request-UUID", id)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                    .build();
            try {
                answered.put(id, http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode());
                progress.countDown();
            } catch (IOException e) {
                if (!ingress.process().isAlive()) {
                    return;
                }
                pause();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}

package dev.bitbridge.bench.connector;

import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.bitbridge.testkit.bitbucket.Delivery;

/**
 * A webhook the simulator delivered, with what the ingress would take from it to publish the raw record: the
 * integration (from the hook URL {@code …/webhooks/bitbucket/<integration>}), the repository (the body's
 * {@code repository.full_name}), the event key, Bitbucket's request id (the raw event id), hook and attempt.
 *
 * @param integration the integration the hook belongs to
 * @param repository the repository's full name
 * @param eventKey {@code X-Event-Key}
 * @param eventId {@code X-Request-UUID}
 * @param hookUuid {@code X-Hook-UUID}, or {@code null}
 * @param attempt {@code X-Attempt-Number}, or {@code null}
 * @param body the body, byte for byte
 */
public record RawDelivery(String integration, String repository, String eventKey, String eventId, String hookUuid,
        Integer attempt, byte[] body) {

    private static final Pattern INTEGRATION = Pattern.compile("/webhooks/bitbucket/([^/?#]+)");
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * @return what the ingress would publish for this delivery
     * @throws IllegalArgumentException when the URL names no integration or the body no repository
     */
    public static RawDelivery of(Delivery delivery) {
        Matcher m = INTEGRATION.matcher(delivery.url());
        if (!m.find()) {
            throw new IllegalArgumentException("Not a Bitbridge webhook URL: " + delivery.url());
        }
        String repository;
        try {
            JsonNode body = JSON.readTree(delivery.body());
            repository = body.path("repository").path("full_name").asText(null);
        } catch (IOException e) {
            throw new IllegalArgumentException("The body of delivery " + delivery.requestId() + " is not JSON", e);
        }
        if (repository == null) {
            throw new IllegalArgumentException("Delivery " + delivery.requestId() + " names no repository");
        }
        String attempt = delivery.header("X-Attempt-Number");
        return new RawDelivery(m.group(1), repository, delivery.eventKey(), delivery.requestId(),
                delivery.header("X-Hook-UUID"), attempt == null ? null : Integer.valueOf(attempt), delivery.body());
    }
}

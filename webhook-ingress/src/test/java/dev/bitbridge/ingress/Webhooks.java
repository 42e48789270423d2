package dev.bitbridge.ingress;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import io.restassured.specification.RequestSpecification;

import dev.bitbridge.ingress.auth.SignatureVerifier;

import static io.restassured.RestAssured.given;

/** Builds webhook deliveries the way Bitbucket sends them, for the {@code @QuarkusTest}s. */
public final class Webhooks {

    public static final String CLOUD_PUSH = "{\"push\":{\"changes\":[{\"new\":{\"name\":\"main\",\"type\":\"branch\"},"
            + "\"old\":null,\"created\":true,\"commits\":[]}]},\"repository\":{\"full_name\":\"acme/widgets\",\"name\":\"widgets\"},"
            + "\"actor\":{\"display_name\":\"Zoë Ünïcode ✓\"}}";
    public static final String DC_PUSH = "{\"eventKey\":\"repo:refs_changed\",\"date\":\"2026-11-22T10:00:00+0200\","
            + "\"repository\":{\"slug\":\"widgets\",\"project\":{\"key\":\"ACME\"}},\"changes\":[{\"ref\":{\"id\":\"refs/heads/main\"},"
            + "\"fromHash\":\"0000000000000000000000000000000000000000\",\"toHash\":\"abc\",\"type\":\"ADD\"}]}";

    private Webhooks() {
    }

    /** @return a fresh delivery id */
    public static String newId() {
        return UUID.randomUUID().toString();
    }

    /** A Cloud delivery to {@code cloud-plain}: token in the query, as Cloud sends it. */
    public static RequestSpecification cloud(String id, String eventKey) {
        return given()
                .queryParam("token", "cloud-token-1")
                .contentType("application/json")
                .header("X-Event-Key", eventKey)
                .header("X-Request-UUID", id)
                .header("X-Hook-UUID", "{d1a0e9a4-4d45-4ab2-9a5e-2f2fbd5b3c11}")
                .header("X-Attempt-Number", "1")
                .header("User-Agent", "Bitbucket-Webhooks/2.0");
    }

    /** A Data Center delivery to {@code dc-plain}, with the token as the Basic-auth password. */
    public static RequestSpecification dataCenter(String id, String eventKey) {
        return given()
                .auth().preemptive().basic("bitbucket", "dc-token-1")
                .contentType("application/json")
                .header("X-Event-Key", eventKey)
                .header("X-Request-Id", id);
    }

    /** @return {@code X-Hub-Signature} for {@code body} under {@code secret} */
    public static String signature(String secret, byte[] body) {
        return SignatureVerifier.sign(secret.getBytes(StandardCharsets.UTF_8), body);
    }

    /** @return the URL path of an integration's webhook endpoint */
    public static String path(String integration) {
        return "/webhooks/bitbucket/" + integration;
    }
}

package dev.bitbridge.ingress;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

import dev.bitbridge.events.integration.IntegrationRoute;
import dev.bitbridge.events.integration.PreviousCredentials;
import dev.bitbridge.events.integration.TokenHash;
import dev.bitbridge.events.webhook.BitbucketFlavor;
import dev.bitbridge.testkit.KafkaTestResource;

import static dev.bitbridge.ingress.TopicRecords.SEALER;
import static dev.bitbridge.ingress.TopicRecords.delivery;
import static dev.bitbridge.ingress.TopicRecords.push;
import static dev.bitbridge.ingress.Webhooks.newId;
import static dev.bitbridge.ingress.Webhooks.path;
import static org.awaitility.Awaitility.await;

/**
 * After the connector rotated an integration's token and secret, deliveries Bitbucket built with the old ones still
 * get through until the record's {@code previous.validUntil}; from then on, by the ingress's clock alone (no new
 * record), only the new ones do.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
class RotationGraceTest extends ReadyIngress {

    private static final Duration GRACE = Duration.ofHours(1);

    private final MovableClock clock;
    private final TopicRecords records;

    RotationGraceTest(MovableClock clock, ObjectMapper json) {
        this.clock = clock;
        this.records = new TopicRecords(json);
    }

    @BeforeEach
    @AfterEach
    void realTime() {
        clock.reset();
    }

    @AfterEach
    void close() {
        records.close();
    }

    @Test
    void theOldTokenAndSecretWorkUntilValidUntilAndNotAfter() throws Exception {
        String name = TopicRecords.freshName("rotated");
        Instant validUntil = clock.instant().plus(GRACE);
        records.write(new IntegrationRoute(name, BitbucketFlavor.CLOUD, true, TokenHash.of("new-token"),
                SEALER.seal(name, "new-secret", "test"), Instant.now(),
                new PreviousCredentials(TokenHash.of("old-token"), SEALER.seal(name, "old-secret", "test"), validUntil)));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> answer(name, "new-token", "new-secret", 202));

        answer(name, "old-token", "old-secret", 202);
        answer(name, "old-token", "new-secret", 202);
        answer(name, "old-token", null, 403);
        answer(name, "new-token", "old-secret", 403);

        clock.advance(GRACE);

        answer(name, "old-token", "old-secret", 401);
        answer(name, "old-token", "new-secret", 401);
        answer(name, "new-token", "old-secret", 403);
        answer(name, "new-token", "new-secret", 202);
    }

    @Test
    void aSecretOnlyRotationLetsTheUnchangedTokenCarryEitherSecretDuringTheGrace() throws Exception {
        String name = TopicRecords.freshName("resecret");
        records.write(new IntegrationRoute(name, BitbucketFlavor.CLOUD, true, TokenHash.of("token"),
                SEALER.seal(name, "new-secret", "test"), Instant.now(),
                new PreviousCredentials(null, SEALER.seal(name, "old-secret", "test"), clock.instant().plus(GRACE))));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> answer(name, "token", "new-secret", 202));

        answer(name, "token", "old-secret", 202);

        clock.advance(GRACE.plusSeconds(1));

        answer(name, "token", "old-secret", 403);
        answer(name, "token", "new-secret", 202);
    }

    @Test
    void aPreviousSecretThatDoesNotOpenLosesOnlyTheGrace() throws Exception {
        String name = TopicRecords.freshName("badgrace");
        records.write(new IntegrationRoute(name, BitbucketFlavor.CLOUD, true, TokenHash.of("new-token"),
                SEALER.seal(name, "new-secret", "test"), Instant.now(),
                new PreviousCredentials(TokenHash.of("old-token"), SEALER.seal("someone-else", "old-secret", "test"),
                        clock.instant().plus(GRACE))));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> answer(name, "new-token", "new-secret", 202));

        answer(name, "old-token", "old-secret", 401);
    }

    private static void answer(String integration, String token, String secret, int status) {
        delivery(token, secret, newId(), push()).post(path(integration))
                .then().statusCode(status);
    }
}

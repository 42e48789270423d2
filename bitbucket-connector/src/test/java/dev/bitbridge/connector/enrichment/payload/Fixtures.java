package dev.bitbridge.connector.enrichment.payload;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import dev.bitbridge.events.webhook.BitbucketFlavor;
import dev.bitbridge.testkit.SharedFixtures;

/**
 * The shared third-party webhook fixtures ({@code /work/shared/fixtures}, listed in its {@code MANIFEST.md}). They are
 * read where they lie, never copied into this repository: beside the repository root ({@code ../shared/fixtures}),
 * which is {@code ../../shared/fixtures} from this module, the tests' working directory. Tests that need them are
 * skipped when they are absent.
 */
final class Fixtures {

    private static final WebhookReader READER = new WebhookReader();

    private Fixtures() {
    }

    static Path dir() {
        return SharedFixtures.dir();
    }

    static byte[] bytes(String relative) {
        return SharedFixtures.bytes(relative);
    }

    /** @return the fixture read with the given flavor and key, as the peer's tests deliver it */
    static Notice read(BitbucketFlavor flavor, String eventKey, String relative) {
        return READER.read(flavor, eventKey, bytes(relative));
    }

    /** @return an inline body read with the given flavor and key */
    static Notice readJson(BitbucketFlavor flavor, String eventKey, String json) {
        return READER.read(flavor, eventKey, json.getBytes(StandardCharsets.UTF_8));
    }
}

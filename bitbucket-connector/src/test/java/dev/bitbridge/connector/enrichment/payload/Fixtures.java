package dev.bitbridge.connector.enrichment.payload;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Assumptions;

import dev.bitbridge.events.webhook.BitbucketFlavor;

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
        Path moduleDir = Path.of("").toAbsolutePath();
        for (Path candidate : new Path[] { moduleDir.resolve("../../shared/fixtures"),
                moduleDir.resolve("../shared/fixtures") }) {
            if (Files.isRegularFile(candidate.resolve("MANIFEST.md"))) {
                return candidate.normalize();
            }
        }
        Assumptions.assumeTrue(false, "the shared Bitbucket fixtures (../shared/fixtures beside the repository) are"
                + " not on this machine");
        return null;
    }

    static byte[] bytes(String relative) {
        Path file = dir().resolve(relative);
        Assumptions.assumeTrue(Files.isRegularFile(file), "fixture " + relative + " is missing");
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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

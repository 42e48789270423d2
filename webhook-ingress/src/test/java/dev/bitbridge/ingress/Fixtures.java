package dev.bitbridge.ingress;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Assumptions;

import dev.bitbridge.events.webhook.BitbucketFlavor;

/**
 * The real Bitbucket payloads in {@code ../shared/fixtures} (beside the repository; never copied into it). Where they
 * are absent, tests that need them are skipped with a message saying so. The system property
 * {@code bitbridge.fixtures} points elsewhere.
 */
public final class Fixtures {

    private Fixtures() {
    }

    /** @return the fixtures folder, which may not exist */
    public static Path root() {
        String override = System.getProperty("bitbridge.fixtures");
        return override != null ? Path.of(override) : Path.of("..", "..", "shared", "fixtures").toAbsolutePath().normalize();
    }

    /** Skips the calling test, visibly, when the fixtures are absent. */
    public static void assumePresent() {
        Assumptions.assumeTrue(Files.isRegularFile(root().resolve("MANIFEST.md")),
                "Skipped: the shared fixtures are not at " + root() + " (run beside ../shared, or set -Dbitbridge.fixtures)");
    }

    /** @return the path of one fixture, skipping the calling test when the fixtures are absent */
    public static Path require(String relative) {
        assumePresent();
        Path file = root().resolve(relative);
        Assumptions.assumeTrue(Files.isRegularFile(file), "Skipped: fixture " + file + " is absent");
        return file;
    }

    /**
     * One webhook body listed in MANIFEST.md.
     *
     * @param file path below the fixtures folder
     * @param flavor the Bitbucket product it came from
     * @param eventKey the {@code X-Event-Key} it was delivered with
     */
    public record Webhook(String file, BitbucketFlavor flavor, String eventKey) {
        @Override
        public String toString() {
            return file + " (" + eventKey + ")";
        }
    }

    /** @return every webhook body the manifest lists, with its flavor and event key; empty when fixtures are absent */
    public static List<Webhook> webhooks() {
        Path manifest = root().resolve("MANIFEST.md");
        if (!Files.isRegularFile(manifest)) {
            return List.of();
        }
        List<Webhook> out = new ArrayList<>();
        BitbucketFlavor section = null;
        try {
            for (String line : Files.readAllLines(manifest)) {
                if (line.startsWith("## ")) {
                    section = line.startsWith("## Bitbucket Cloud webhooks") ? BitbucketFlavor.CLOUD
                            : line.startsWith("## Bitbucket Server / Data Center webhooks") ? BitbucketFlavor.DATACENTER
                                    : null;
                } else if (section != null && line.startsWith("| ") && line.contains(".json")) {
                    String[] cells = line.split("\\|");
                    out.add(new Webhook(cells[1].trim(), section, cells[3].trim()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}

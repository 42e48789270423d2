package dev.bitbridge.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Assumptions;

/**
 * The shared third-party Bitbucket fixtures listed in {@code MANIFEST.md} of {@code ../shared/fixtures} beside the
 * repository, read where they lie at test time and never copied into the repository. Tests run in their module's
 * folder, so the folder is looked for two levels up, then one. A test that needs them is skipped, saying why, on a
 * machine without them.
 */
public final class SharedFixtures {

    private SharedFixtures() {
    }

    /** @return the fixtures folder; a skipped test when it is absent */
    public static Path dir() {
        Path moduleDir = Path.of("").toAbsolutePath();
        for (Path candidate : new Path[] { moduleDir.resolve("../../shared/fixtures"),
                moduleDir.resolve("../shared/fixtures") }) {
            if (Files.isRegularFile(candidate.resolve("MANIFEST.md"))) {
                return candidate.normalize();
            }
        }
        Assumptions.assumeTrue(false, "The shared Bitbucket fixtures (../shared/fixtures beside the repository, with"
                + " its MANIFEST.md) are not on this machine: the tests of real payloads are skipped here");
        return null;
    }

    /** @return a fixture's bytes, exactly as stored; a skipped test when it is absent */
    public static byte[] bytes(String relative) {
        Path file = dir().resolve(relative);
        Assumptions.assumeTrue(Files.isRegularFile(file), "The shared fixture " + relative + " is missing from "
                + dir() + ": the tests of it are skipped here");
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

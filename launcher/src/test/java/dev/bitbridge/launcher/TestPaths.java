package dev.bitbridge.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Temporary homes under {@code target/} and free ports, so tests never touch {@code .bitbridge/} or fixed ports. */
final class TestPaths {

    private TestPaths() {
    }

    /** @return a new empty folder under {@code target/} */
    static Path tempDir(String prefix) {
        try {
            Path parent = Path.of("target", "launcher-tests").toAbsolutePath();
            Files.createDirectories(parent);
            return Files.createTempDirectory(parent, prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return where the PostgreSQL binaries are unpacked, shared by all tests so it happens once */
    static Path postgresBinaries() {
        return Path.of("target", "pg-binaries").toAbsolutePath();
    }

}

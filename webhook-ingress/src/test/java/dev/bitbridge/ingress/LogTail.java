package dev.bitbridge.ingress;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What a log file gained since a point in time, so that a test reads only what its own run wrote — not what earlier
 * runs appended to the same file.
 */
public final class LogTail {

    /** The test profile's log file (application.properties: %test.quarkus.log.file.path). */
    public static final Path TEST_LOG = Path.of("target/webhook-ingress-test.log");

    private final Path file;
    private final long start;

    private LogTail(Path file, long start) {
        this.file = file;
        this.start = start;
    }

    /** @return a tail starting at the file's current end */
    public static LogTail from(Path file) throws IOException {
        return new LogTail(file, Files.exists(file) ? Files.size(file) : 0);
    }

    /** @return everything written to the file since this tail was taken */
    public String written() throws IOException {
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            long length = in.length();
            if (length < start) {
                throw new IllegalStateException(file + " shrank since the test began; was it rotated or deleted?");
            }
            byte[] bytes = new byte[(int) (length - start)];
            in.seek(start);
            in.readFully(bytes);
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }
}

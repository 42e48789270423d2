package dev.bitbridge.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Requests to restart one component of a running supervisor ({@code ./bitbridge restart <component>}): an empty file
 * {@code run/requests/restart-<component>} per request. The script writes it; the supervisor takes it (reads and
 * deletes it) once it has marked the component as restarting, so that whoever sees the file gone also sees the
 * component not ready until the restart is done. A file is the supervisor's only input besides signals, as the status
 * table is its only output.
 */
public final class RestartRequests {

    static final String PREFIX = "restart-";

    private final Path dir;

    public RestartRequests(LauncherHome home) {
        this.dir = home.runDir().resolve("requests");
    }

    /** @return the components whose restart is requested now, oldest request first; the files stay until taken */
    public List<String> pending() {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir, PREFIX + "*")) {
            stream.forEach(files::add);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the restart requests in " + dir, e);
        }
        files.sort((a, b) -> Long.compare(modified(a), modified(b)));
        return files.stream().map(f -> f.getFileName().toString().substring(PREFIX.length())).toList();
    }

    /** Marks a request as taken: its file is deleted. */
    public void taken(String component) {
        try {
            Files.deleteIfExists(dir.resolve(PREFIX + component));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete the restart request of " + component, e);
        }
    }

    private static long modified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            return Long.MAX_VALUE; // taken meanwhile
        }
    }
}

package dev.bitbridge.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.function.Predicate;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

import dev.bitbridge.testkit.ConsoleLog;

/**
 * What every benchmark's {@code main} shares: help, exit codes (0 done, 1 the harness failed, 2 a bad option, 130
 * interrupted), its {@code [bench]} lines and summary on the console, the summary file, and clean-up.
 */
public final class Harness {

    private static final Logger OUT = ConsoleLog.named("bitbridge.bench");

    /** A benchmark made from its options, ready to run. */
    public interface Benchmark {
        void run() throws Exception;
    }

    /** Makes a benchmark from the command line; an {@link IllegalArgumentException} says which option is wrong. */
    public interface Setup {
        Benchmark parse(String[] args);
    }

    private Harness() {
    }

    /**
     * Runs a benchmark as its {@code main}: prints {@code usage} when asked for help, otherwise runs it and exits with
     * its code. {@code bench/run} sets {@code bench.exit} so lingering client threads never keep the JVM up; under
     * {@code exec:java} a clean return lets Maven finish normally.
     */
    public static void main(String[] args, Predicate<String[]> wantsHelp, String usage, Setup setup) {
        if (wantsHelp.test(args)) {
            OUT.info(usage.stripTrailing());
            return;
        }
        // The broker's classpath has slf4j-api but no provider: keep SLF4J's "no providers" notice off the summary.
        if (System.getProperty("slf4j.internal.verbosity") == null) {
            System.setProperty("slf4j.internal.verbosity", "ERROR");
        }
        int code;
        try {
            setup.parse(args).run();
            code = 0;
        } catch (IllegalArgumentException e) {
            OUT.warning("[bench] " + e.getMessage());
            code = 2;
        } catch (IllegalStateException e) {
            OUT.warning("[bench] the harness failed: " + e.getMessage());
            code = 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            OUT.warning("[bench] interrupted");
            code = 130;
        } catch (Exception e) {
            OUT.log(Level.SEVERE, "[bench] the harness failed: " + e, e);
            code = 1;
        }
        if (code != 0 || Boolean.getBoolean("bench.exit")) {
            System.exit(code);
        }
    }

    /** One line of progress. */
    public static void log(String message) {
        OUT.info("[bench] " + message);
    }

    /** The summary, after a blank line. */
    public static void summary(String text) {
        OUT.info(System.lineSeparator() + text.stripTrailing());
    }

    /** Writes the summary to {@code file} and says so (or why not). */
    public static void write(Path file, String text) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, text);
            log("summary written to " + file);
        } catch (IOException e) {
            log("could not write " + file + ": " + e);
        }
    }

    public static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    public static void closeQuietly(AutoCloseable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (Exception e) {
            log("closing " + closeable.getClass().getSimpleName() + " failed: " + e);
        }
    }
}

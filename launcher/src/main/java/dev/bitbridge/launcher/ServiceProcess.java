package dev.bitbridge.launcher;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;

import org.jboss.logging.Logger;

/**
 * One service running as a child JVM: its own heap, its own log file, its own lifecycle, exactly as it runs in a
 * container, so that what works locally is what gets deployed.
 * <p>
 * Configuration is passed as {@code -D} system properties through a Java argument file ({@code java @file}) with mode
 * 600 in {@code run/}: the service sees ordinary system properties, while the webhook token and sealing key stay out
 * of the process list and out of the logs. The file is deleted as soon as the JVM has read it: when the service is
 * ready, or when it ends if that comes first.
 * <p>
 * A service that dies is reported, not restarted: a crash loop would hide the stack trace a developer needs to see.
 */
public final class ServiceProcess {

    private static final Logger LOG = Logger.getLogger(ServiceProcess.class);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final ServiceSpec spec;
    private final Path logFile;
    private final Path argFile;
    private volatile Process process;
    private volatile boolean stopping;

    /**
     * @param spec what to run
     * @param logFile where its standard output and error go (appended)
     * @param runDir where its argument file is written
     */
    public ServiceProcess(ServiceSpec spec, Path logFile, Path runDir) {
        this.spec = spec;
        this.logFile = logFile;
        this.argFile = runDir.resolve(spec.name() + ".args");
    }

    public ServiceSpec spec() {
        return spec;
    }

    /**
     * Starts the JVM; once per instance.
     *
     * @param onUnexpectedExit called with the exit code if the process ends without {@link #stop} being called
     * @return its process id
     */
    public synchronized long start(IntConsumer onUnexpectedExit) {
        if (process != null) {
            throw new IllegalStateException(spec.name() + " was started already");
        }
        if (!Files.isRegularFile(spec.artifact())) {
            throw new IllegalStateException(spec.name() + " is not built: " + spec.artifact() + " is missing");
        }
        try {
            writeArgFile();
            List<String> command = command();
            Files.createDirectories(logFile.getParent());
            Files.writeString(logFile, "%n----- %s starting at %s -----%n".formatted(spec.name(), Instant.now()),
                    StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(spec.artifact().getParent().toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(nullDevice()));
            LOG.infof("Starting %s: %s with %s", spec.name(), String.join(" ", command), spec.loggableProperties());
            Process started = builder.start();
            process = started;
            started.onExit().thenAccept(p -> {
                deleteArgFile();
                if (!stopping) {
                    LOG.errorf("%s (pid %d) exited with code %d; see %s", spec.name(), p.pid(), p.exitValue(), logFile);
                    onUnexpectedExit.accept(p.exitValue());
                }
            });
            return started.pid();
        } catch (IOException e) {
            deleteArgFile();
            throw new UncheckedIOException("Cannot start " + spec.name(), e);
        }
    }

    /** @return the command line: this JVM's {@code java}, the spec's options, the argument file, then the launch */
    List<String> command() {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(spec.javaOptions());
        command.add("@" + argFile);
        command.addAll(spec.launch());
        return command;
    }

    /**
     * Waits until the readiness endpoint answers 200, then deletes the argument file, which the JVM has read by then.
     *
     * @throws IllegalStateException if the process ends first or the timeout passes
     */
    public void awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        HttpRequest request = HttpRequest.newBuilder(URI.create(spec.healthUrl())).timeout(Duration.ofSeconds(2)).GET()
                .build();
        String last = "no answer yet";
        while (System.nanoTime() < deadline) {
            Process p = process;
            if (p == null || !p.isAlive()) {
                deleteArgFile();
                throw new IllegalStateException(spec.name() + " exited with code " + (p == null ? "?" : p.exitValue())
                        + " before it was ready; see " + logFile);
            }
            try {
                HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    deleteArgFile();
                    return;
                }
                last = "HTTP " + response.statusCode() + " " + response.body();
            } catch (IOException e) {
                last = e.toString();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for " + spec.name(), e);
            }
            sleep(500);
        }
        throw new IllegalStateException(spec.name() + " was not ready at " + spec.healthUrl() + " within "
                + timeout.toSeconds() + " s (last: " + last + "); see " + logFile);
    }

    /** @return whether the process is running */
    public boolean isAlive() {
        Process p = process;
        return p != null && p.isAlive();
    }

    /**
     * Asks the service to stop (SIGTERM, which Quarkus answers with a graceful shutdown) and waits; kills it if it has
     * not ended in time. The argument file is gone when this returns, however far the service had come.
     */
    public synchronized void stop(Duration grace) {
        stopping = true;
        Process p = process;
        if (p != null && p.isAlive()) {
            terminate(p, grace);
        }
        deleteArgFile();
    }

    private void terminate(Process p, Duration grace) {
        long began = System.nanoTime();
        p.destroy();
        try {
            if (!p.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warnf("%s did not stop within %d s; killing it", spec.name(), grace.toSeconds());
                p.destroyForcibly();
                p.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
        }
        LOG.infof("%s stopped in %d ms", spec.name(), (System.nanoTime() - began) / 1_000_000);
    }

    /** @return the process id, or 0 before start */
    public long pid() {
        Process p = process;
        return p == null ? 0 : p.pid();
    }

    /**
     * Deletes the argument file, which holds secrets (the webhook token, the sealing key). The {@code java} launcher
     * reads it while it starts the JVM, before the service's own code runs, so the file has served once the service
     * answers its readiness check or once the process has ended, and it is deleted at the first of those ({@link #stop}
     * deletes it too, so it is gone whatever ends the service). Deleting it any earlier, say right after spawning the
     * process, would race with the JVM reading it; keeping it for the service's whole life would leave secrets on
     * disk for no use. A supervisor killed with SIGKILL deletes nothing; {@code ./bitbridge down} removes what is left.
     */
    private void deleteArgFile() {
        try {
            Files.deleteIfExists(argFile);
        } catch (IOException e) {
            LOG.warnf("Cannot delete %s, which holds %s's secrets: %s", argFile, spec.name(), e);
        }
    }

    private void writeArgFile() throws IOException {
        StringBuilder args = new StringBuilder(
                "# Written by the Bitbridge launcher, deleted once read; holds secrets.\n");
        spec.systemProperties().forEach((k, v) -> args.append(quote("-D" + k + "=" + v)).append('\n'));
        Files.deleteIfExists(argFile);
        Files.createFile(argFile, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(argFile, args, StandardCharsets.UTF_8);
    }

    /** Quotes one argument for a Java argument file, where backslash escapes inside double quotes. */
    static String quote(String arg) {
        return '"' + arg.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    private static File nullDevice() {
        return new File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }
}

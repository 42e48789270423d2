package dev.bitbridge.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The one folder that holds everything a local Bitbridge keeps: {@code data/} (Kafka log directory, PostgreSQL
 * cluster, generated secrets), {@code logs/} (one file per component), {@code run/} (pid files, status, argument
 * files) and {@code cache/} (unpacked PostgreSQL binaries).
 * <p>
 * Keeping it in one place is what makes "reset" a single {@code rm -rf .bitbridge}, and keeping it across restarts is
 * what lets a developer stop the suite at night and find their topics and database in the morning.
 */
public final class LauncherHome {

    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path root;
    private final SupervisorLock lock;

    public LauncherHome(Path root) {
        this.root = root.toAbsolutePath().normalize();
        this.lock = new SupervisorLock(runDir().resolve("supervisor.lock"));
    }

    /** @return the home folder itself */
    public Path root() {
        return root;
    }

    public Path dataDir() {
        return root.resolve("data");
    }

    public Path kafkaDataDir() {
        return dataDir().resolve("kafka");
    }

    public Path postgresDataDir() {
        return dataDir().resolve("postgres");
    }

    public Path secretsDir() {
        return dataDir().resolve("secrets");
    }

    public Path logsDir() {
        return root.resolve("logs");
    }

    public Path runDir() {
        return root.resolve("run");
    }

    public Path cacheDir() {
        return root.resolve("cache");
    }

    /** @return the log file of a component ({@code launcher}, {@code kafka}, {@code postgres} or a service name) */
    public Path logFile(String component) {
        return logsDir().resolve(component + ".log");
    }

    /** @return the file a component's process id is written to while it runs */
    public Path pidFile(String component) {
        return runDir().resolve(component + ".pid");
    }

    /** @return the status table the supervisor keeps current for {@code ./bitbridge status} */
    public Path statusFile() {
        return runDir().resolve("status.tsv");
    }

    /** Creates the folders; the data and run folders are readable by their owner only, since they hold secrets. */
    public LauncherHome create() {
        try {
            for (Path dir : new Path[] { root, dataDir(), kafkaDataDir(), secretsDir(), logsDir(), runDir(), cacheDir() }) {
                Files.createDirectories(dir);
            }
            ownerOnly(secretsDir(), "rwx------");
            ownerOnly(runDir(), "rwx------");
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the Bitbridge folders under " + root, e);
        }
    }

    /**
     * Takes the supervisor lock, so that two supervisors never share a Kafka log directory or a PostgreSQL cluster.
     * The operating system releases it when the process ends, however it ends.
     *
     * @return whether this instance now holds the lock (also when it held it already)
     */
    public boolean tryLock() {
        return lock.tryLock();
    }

    /**
     * Releases the supervisor lock if this instance holds it. The supervisor leaves that to the end of its process;
     * tests release what they take.
     */
    public void release() {
        lock.release();
    }

    /**
     * Writes a small text file atomically (write a temporary file, then rename), so a reader never sees half of it.
     */
    public void writeAtomically(Path file, String content) {
        try {
            Path tmp = Files.createTempFile(file.getParent(), "." + file.getFileName(), ".tmp");
            Files.writeString(tmp, content, StandardCharsets.UTF_8);
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }

    /** Writes {@code run/<component>.pid}. */
    public void writePid(String component, long pid) {
        writeAtomically(pidFile(component), pid + "\n");
    }

    /** Removes {@code run/<component>.pid}, once the process is gone. */
    public void removePid(String component) {
        try {
            Files.deleteIfExists(pidFile(component));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot remove " + pidFile(component), e);
        }
    }

    /**
     * The demo integration's webhook token: 32 random bytes, base64url without padding, so that it can stand in a URL
     * as it is. Generated on first use and kept, so a webhook configured in Bitbucket keeps working across restarts.
     */
    public String demoWebhookToken() {
        return secret("demo-webhook-token", () -> Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes(32)));
    }

    /** The ingress's sealing key {@code local}: base64 of 32 random bytes (an AES-256 key), generated once and kept. */
    public String localSealingKey() {
        return secret("sealing-key-local", () -> Base64.getEncoder().encodeToString(randomBytes(32)));
    }

    /**
     * The connector's admin API token ({@code Authorization: Bearer <token>}): 32 random bytes, base64url without
     * padding like the webhook token, so that it pastes into a shell as it is. Kept, so that scripts a developer wrote
     * against the local API keep working across restarts.
     */
    public String adminApiToken() {
        return secret("admin-api-token", () -> Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes(32)));
    }

    /**
     * The credential store's master key {@code local}: base64 of 32 random bytes (an AES-256 key), generated once and
     * kept. Losing it makes every stored Bitbucket credential unreadable, which is why it is never regenerated.
     */
    public String credentialsMasterKey() {
        return secret("credentials-master-key-local", () -> Base64.getEncoder().encodeToString(randomBytes(32)));
    }

    /**
     * Reads a secret from {@code data/secrets/<name>}, creating it first if absent. The file has mode 600 from the
     * start (never world-readable, not even for a moment) and the value is never logged. Once the file exists it is
     * only ever read: the generator is not called again and the file is not rewritten.
     */
    String secret(String name, Supplier<String> generator) {
        Path file = secretsDir().resolve(name);
        try {
            if (!Files.exists(file)) {
                createUnlessExists(file, generator.get() + "\n");
            }
            String value = Files.readString(file, StandardCharsets.UTF_8).trim();
            if (value.isEmpty()) {
                throw new IllegalStateException(file + " is empty; delete it to have a new secret generated");
            }
            return value;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the secret " + file, e);
        }
    }

    /**
     * Creates a file with the given content unless it exists, never replacing it: the content goes to a temporary file
     * of its own, which is then hard-linked to the final name. Linking fails when the name exists, so when several
     * threads or processes create the same secret at once the first one wins and the others read its value, and no
     * reader ever sees a partly written file.
     */
    private static void createUnlessExists(Path file, String content) throws IOException {
        Path tmp = Files.createTempFile(file.getParent(), "." + file.getFileName(), ".new",
                PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        try {
            Files.writeString(tmp, content, StandardCharsets.UTF_8);
            Files.createLink(file, tmp);
        } catch (FileAlreadyExistsException e) {
            // Created meanwhile by another thread or process: its value is the one.
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    private static void ownerOnly(Path dir, String permissions) throws IOException {
        try {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString(permissions));
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system: nothing better to do than rely on the parent folder.
        }
    }
}

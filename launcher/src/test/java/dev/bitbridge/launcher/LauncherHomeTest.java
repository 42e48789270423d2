package dev.bitbridge.launcher;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Generated secrets: made once, kept, readable by their owner only; and one supervisor per home, across processes.
 * Every test uses a home of its own and releases what it locks, so each passes alone and in any order.
 */
class LauncherHomeTest {

    private static final String TOKEN_FILE = "demo-webhook-token";
    private static final String KEY_FILE = "sealing-key-local";
    private static final String ADMIN_TOKEN_FILE = "admin-api-token";
    private static final String MASTER_KEY_FILE = "credentials-master-key-local";

    @Test
    void generatesEachSecretOnceWithMode600() throws Exception {
        LauncherHome home = new LauncherHome(TestPaths.tempDir("home-")).create();

        Map<String, String> values = new LinkedHashMap<>();
        values.put(TOKEN_FILE, home.demoWebhookToken());
        values.put(KEY_FILE, home.localSealingKey());
        values.put(ADMIN_TOKEN_FILE, home.adminApiToken());
        values.put(MASTER_KEY_FILE, home.credentialsMasterKey());

        // Tokens go into URLs and shell commands as they are: base64url without padding. Keys are base64 AES-256 keys.
        for (String token : List.of(TOKEN_FILE, ADMIN_TOKEN_FILE)) {
            assertThat(values.get(token)).as(token).matches("[A-Za-z0-9_-]{43}");
            assertThat(Base64.getUrlDecoder().decode(values.get(token))).as(token).hasSize(32);
        }
        for (String key : List.of(KEY_FILE, MASTER_KEY_FILE)) {
            assertThat(Base64.getDecoder().decode(values.get(key))).as(key).hasSize(32);
        }
        assertThat(Set.copyOf(values.values())).as("four different secrets").hasSize(4);
        try (var files = Files.list(home.secretsDir())) {
            assertThat(files.map(f -> f.getFileName().toString())).as("no temporary file left behind")
                    .containsExactlyInAnyOrderElementsOf(values.keySet());
        }
        Map<String, FileSnapshot> snapshots = new LinkedHashMap<>();
        for (String name : values.keySet()) {
            Path file = home.secretsDir().resolve(name);
            assertThat(mode(file)).as(name).isEqualTo("rw-------");
            assertThat(Files.readString(file).trim()).as(name).isEqualTo(values.get(name));
            snapshots.put(name, FileSnapshot.of(file));
        }
        assertThat(mode(home.secretsDir())).isEqualTo("rwx------");

        // Later calls, from this instance or a new one (the next ./bitbridge up), read what is there.
        LauncherHome later = new LauncherHome(home.root()).create();
        assertThat(home.demoWebhookToken()).isEqualTo(values.get(TOKEN_FILE));
        assertThat(later.demoWebhookToken()).isEqualTo(values.get(TOKEN_FILE));
        assertThat(later.localSealingKey()).isEqualTo(values.get(KEY_FILE));
        assertThat(later.adminApiToken()).isEqualTo(values.get(ADMIN_TOKEN_FILE));
        assertThat(later.credentialsMasterKey()).isEqualTo(values.get(MASTER_KEY_FILE));
        AtomicInteger generated = new AtomicInteger();
        for (String name : values.keySet()) {
            assertThat(later.secret(name, () -> "other-" + generated.incrementAndGet())).isEqualTo(values.get(name));
            assertThat(FileSnapshot.of(home.secretsDir().resolve(name))).as("%s untouched", name)
                    .isEqualTo(snapshots.get(name));
        }
        assertThat(generated).as("generator calls once the secrets exist").hasValue(0);
    }

    @Test
    void concurrentFirstUseAgreesOnOneSecret() throws Exception {
        Path root = TestPaths.tempDir("home-");
        new LauncherHome(root).create();
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            for (int round = 0; round < 25; round++) {
                String name = "secret-" + round;
                CountDownLatch start = new CountDownLatch(1);
                List<Future<String>> values = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    // One instance per thread, as separate supervisors or commands would have.
                    LauncherHome home = new LauncherHome(root);
                    Callable<String> firstUse = () -> {
                        start.await();
                        return home.secret(name, () -> UUID.randomUUID().toString());
                    };
                    values.add(pool.submit(firstUse));
                }
                start.countDown();
                Set<String> distinct = values.stream().map(LauncherHomeTest::get).collect(Collectors.toSet());
                assertThat(distinct).as("values handed out in round %d", round).hasSize(1);
                assertThat(Files.readString(root.resolve("data/secrets").resolve(name)).trim())
                        .isEqualTo(distinct.iterator().next());
                assertThat(mode(root.resolve("data/secrets").resolve(name))).isEqualTo("rw-------");
            }
            try (var files = Files.list(root.resolve("data/secrets"))) {
                assertThat(files).as("no temporary file left behind").hasSize(25);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void oneSupervisorPerHome() throws Exception {
        LauncherHome home = new LauncherHome(TestPaths.tempDir("home-")).create();
        try {
            assertThat(home.tryLock()).isTrue();
            assertThat(home.tryLock()).as("held already").isTrue();
            assertThat(new LauncherHome(home.root()).tryLock()).as("another instance in this JVM").isFalse();
            assertThat(probeOnce(home)).as("another process, while this one holds the lock").isEqualTo("busy");

            home.release();
            Process holder = startProbe(home);
            try {
                assertThat(firstLine(holder)).as("another process, once this one released it").isEqualTo("locked");
                assertThat(home.tryLock()).as("this process, while the other holds it").isFalse();
            } finally {
                holder.getOutputStream().close();
                assertThat(holder.waitFor(30, TimeUnit.SECONDS)).isTrue();
            }
            assertThat(home.tryLock()).as("this process, once the other ended").isTrue();
        } finally {
            home.release();
        }
    }

    @Test
    void theLockIsFreedWhenItsHolderIsKilled() throws Exception {
        LauncherHome home = new LauncherHome(TestPaths.tempDir("home-")).create();
        Process holder = startProbe(home);
        try {
            assertThat(firstLine(holder)).isEqualTo("locked");
            assertThat(home.tryLock()).isFalse();
        } finally {
            holder.destroyForcibly(); // SIGKILL: no shutdown hook, no cleanup, as after kill -9 or an OOM kill
            assertThat(holder.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        try {
            assertThat(home.tryLock()).as("freed by the operating system").isTrue();
        } finally {
            home.release();
        }
    }

    /** @return what a process that tries the lock and exits reports: {@code locked} or {@code busy} */
    private static String probeOnce(LauncherHome home) throws Exception {
        Process probe = startProbe(home);
        try {
            return firstLine(probe);
        } finally {
            probe.getOutputStream().close();
            assertThat(probe.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
    }

    private static Process startProbe(LauncherHome home) throws Exception {
        return new ProcessBuilder(TestJvm.command(LockProbe.class, home.root().toString()))
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
    }

    private static String firstLine(Process process) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        return String.valueOf(out.readLine());
    }

    private static String mode(Path file) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(file));
    }

    private static <T> T get(Future<T> future) {
        try {
            return future.get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("first use failed", e);
        }
    }

    /** What shows whether a file was rewritten or replaced: its content, its inode and its modification time. */
    private record FileSnapshot(String content, Object fileKey, long modifiedNanos) {
        static FileSnapshot of(Path file) throws Exception {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            return new FileSnapshot(Files.readString(file), attributes.fileKey(),
                    attributes.lastModifiedTime().to(TimeUnit.NANOSECONDS));
        }
    }
}

package dev.bitbridge.launcher;

import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Generated secrets: made once, kept, readable by their owner only. */
class LauncherHomeTest {

    @Test
    void generatesTheDemoTokenAndSealingKeyOnceWithMode600() throws Exception {
        LauncherHome home = new LauncherHome(TestPaths.tempDir("home-")).create();

        String token = home.demoWebhookToken();
        String key = home.localSealingKey();

        assertThat(token).matches("[A-Za-z0-9_-]{43}");
        assertThat(Base64.getUrlDecoder().decode(token)).hasSize(32);
        assertThat(Base64.getDecoder().decode(key)).hasSize(32);
        assertThat(new LauncherHome(home.root()).demoWebhookToken()).as("kept").isEqualTo(token);
        assertThat(new LauncherHome(home.root()).localSealingKey()).as("kept").isEqualTo(key);
        try (var files = Files.list(home.secretsDir())) {
            assertThat(files).hasSize(2).allSatisfy(f -> assertThat(
                    PosixFilePermissions.toString(Files.getPosixFilePermissions(f))).isEqualTo("rw-------"));
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(home.secretsDir())))
                .isEqualTo("rwx------");
    }

    @Test
    void oneSupervisorPerHome() {
        LauncherHome home = new LauncherHome(TestPaths.tempDir("home-")).create();
        assertThat(home.tryLock()).isTrue();
        assertThat(new LauncherHome(home.root()).tryLock()).isFalse();
    }
}

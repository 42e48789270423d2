package dev.bitbridge.credentials.startup;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.junit.main.Launch;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainTest;

import static org.assertj.core.api.Assertions.assertThat;

/** The start-up check is wired: a service with a bad master key exits at start, naming the key but not its value. */
@QuarkusMainTest
@TestProfile(BadMasterKeyProfile.class)
class BadConfigurationStopsTheServiceTest {

    @Test
    @Launch(value = {}, exitCode = 1)
    void aMasterKeyOfTheWrongSizeStopsTheServiceNamingTheKey(LaunchResult result) {
        String output = result.getOutput() + result.getErrorOutput();

        assertThat(output)
                .contains("The credential store cannot start")
                .contains("bitbridge.credentials.master-keys.k2: must be base64 of exactly 32 random bytes")
                .doesNotContain(BadMasterKeyProfile.SHORT_KEY);
    }
}

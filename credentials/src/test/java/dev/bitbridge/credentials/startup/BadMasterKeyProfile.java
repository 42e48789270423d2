package dev.bitbridge.credentials.startup;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** A master key of 16 bytes: the service must not start. */
public class BadMasterKeyProfile implements QuarkusTestProfile {

    /** base64 of 16 bytes. */
    static final String SHORT_KEY = "c2l4dGVlbi1ieXRlcy1rZXk=";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "bitbridge.credentials.master-keys.k2", SHORT_KEY,
                // No database either: the check must stop the service before anything needs one.
                "quarkus.flyway.migrate-at-start", "false");
    }
}

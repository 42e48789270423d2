package dev.bitbridge.connector.endtoend;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** A rotation grace short enough to watch it end. */
public class ShortGraceProfile implements QuarkusTestProfile {

    static final int GRACE_SECONDS = 6;

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("bitbridge.connector.rotation-grace", "PT" + GRACE_SECONDS + "S");
    }
}

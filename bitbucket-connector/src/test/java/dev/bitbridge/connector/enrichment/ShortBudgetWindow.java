package dev.bitbridge.connector.enrichment;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** The API budget counted over 3 s instead of an hour, so that a test sees deferred file lists completed. */
public class ShortBudgetWindow implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("bitbridge.connector.bitbucket.budget.window", "PT3S",
                "bitbridge.connector.bitbucket.retry.initial-backoff", "PT0.1S");
    }
}

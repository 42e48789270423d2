package dev.bitbridge.trigger.api;

import java.time.Instant;
import java.util.Map;

/** A Jenkins target as the API shows it: everything but the secret. */
public record TargetView(String integration, String repository, String baseUrl, String username,
        String credentialKind, String defaultJob, Map<String, String> jobMapping, String multibranch,
        Map<String, String> parameters, Instant updatedAt) {
}

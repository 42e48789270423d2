package dev.bitbridge.testkit.vault;

import java.util.List;
import java.util.Map;

/**
 * One answer of the simulated Vault: a status and a JSON body ({@code null} for 204).
 *
 * @param status HTTP status
 * @param body what is written as JSON, or null for no body
 */
record VaultReply(int status, Object body) {

    static VaultReply ok(Object body) {
        return new VaultReply(200, body);
    }

    static VaultReply noContent() {
        return new VaultReply(204, null);
    }

    /** Vault's error envelope: {@code {"errors": [...]}}. */
    static VaultReply errors(int status, String... errors) {
        return new VaultReply(status, Map.of("errors", List.of(errors)));
    }
}

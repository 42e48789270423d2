package dev.bitbridge.trigger.manual;

import java.util.UUID;

import dev.bitbridge.events.build.BuildRequestIds;

/**
 * Ids of manual builds. Without an {@code Idempotency-Key}, a random UUID: asking again builds again. With one, a
 * name-based UUID (RFC 9562 version 5) of the integration and the key, so that a retried POST names the build the
 * first one made, on any replica ({@link BuildRequestIds#manual}: a namespace of its own, so it never equals an
 * automatic build's id).
 */
final class ManualRequestIds {

    private ManualRequestIds() {
    }

    static String random() {
        return UUID.randomUUID().toString();
    }

    /** @return the id of the build asked for with this key in this integration */
    static String of(String integration, String idempotencyKey) {
        return BuildRequestIds.manual(integration, idempotencyKey);
    }
}

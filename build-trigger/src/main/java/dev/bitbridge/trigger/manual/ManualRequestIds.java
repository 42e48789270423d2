package dev.bitbridge.trigger.manual;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/**
 * Ids of manual builds. Without an {@code Idempotency-Key}, a random UUID: asking again builds again. With one, a
 * name-based UUID (RFC 9562 version 5) of the integration and the key, so that a retried POST names the build the
 * first one made, on any replica. Its own namespace: it never equals an automatic build's id
 * ({@code BuildRequestIds}).
 */
final class ManualRequestIds {

    private static final UUID NAMESPACE = UUID.fromString("3d1c5a8e-7f0b-4c2e-9a61-52f0c4b7d9e3");

    private ManualRequestIds() {
    }

    static String random() {
        return UUID.randomUUID().toString();
    }

    /** @return the id of the build asked for with this key in this integration */
    static String of(String integration, String idempotencyKey) {
        String name = integration.length() + ":" + integration + idempotencyKey.length() + ":" + idempotencyKey;
        MessageDigest sha1;
        try {
            sha1 = MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-1", e);
        }
        ByteBuffer namespace = ByteBuffer.allocate(16);
        namespace.putLong(NAMESPACE.getMostSignificantBits()).putLong(NAMESPACE.getLeastSignificantBits());
        sha1.update(namespace.array());
        byte[] hash = sha1.digest(name.getBytes(StandardCharsets.UTF_8));
        hash[6] = (byte) ((hash[6] & 0x0f) | 0x50); // version 5
        hash[8] = (byte) ((hash[8] & 0x3f) | 0x80); // IETF variant
        ByteBuffer bits = ByteBuffer.wrap(hash, 0, 16);
        return new UUID(bits.getLong(), bits.getLong()).toString();
    }
}

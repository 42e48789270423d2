package dev.bitbridge.events.build;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/**
 * Request ids of automatic builds: a name-based UUID (RFC 9562 version 5, SHA-1) of what the build is, so that the
 * same build asked for twice carries the same id wherever it was asked for.
 * <p>
 * The name is {@code integration}, {@code repository}, {@code commit}, {@code job} and {@code kind}, each
 * length-prefixed so that no two different tuples make the same name. {@code kind} says which builds of one commit
 * and job are the same build: {@link #COMMIT} for pushes and pull requests alike (a commit reached by both is built
 * once), {@code pull-request/<id>} for a rule that builds pull requests separately, {@code tag/<name>} for a tag
 * build, {@code schedule/<id>/<slot>} for a scheduled one.
 */
public final class BuildRequestIds {

    /** The kind shared by push and pull-request builds of one commit. */
    public static final String COMMIT = "commit";

    private static final UUID NAMESPACE = UUID.fromString("6c0f7d58-3f5e-4a43-9d3c-6a1b1b7e2b10");
    /** A namespace of its own for manual builds: their ids never equal an automatic build's. */
    private static final UUID MANUAL_NAMESPACE = UUID.fromString("3d1c5a8e-7f0b-4c2e-9a61-52f0c4b7d9e3");

    /**
     * @param integration the integration
     * @param repository the repository full name
     * @param commit the full commit hash
     * @param job the job path, or null for the Jenkins target's default job
     * @param kind see the class comment
     * @return the request id
     */
    public static String of(String integration, String repository, String commit, String job, String kind) {
        StringBuilder name = new StringBuilder();
        for (String part : new String[] { integration, repository, commit, job == null ? "" : job, kind }) {
            name.append(part.length()).append(':').append(part);
        }
        return nameBased(NAMESPACE, name.toString()).toString();
    }

    /**
     * @param integration the integration
     * @param idempotencyKey the key a client sent with a person's request ({@code Idempotency-Key})
     * @return the id of the manual build asked for with this key: a retried request names the build the first made
     */
    public static String manual(String integration, String idempotencyKey) {
        String name = integration.length() + ":" + integration + idempotencyKey.length() + ":" + idempotencyKey;
        return nameBased(MANUAL_NAMESPACE, name).toString();
    }

    /** @return the kind of a pull request built separately from pushes of its commits */
    public static String pullRequest(long id) {
        return "pull-request/" + id;
    }

    /** @return the kind of a tag build */
    public static String tag(String tag) {
        return "tag/" + tag;
    }

    /** @return the kind of a scheduled build in one slot */
    public static String schedule(String scheduleId, String slot) {
        return "schedule/" + scheduleId + "/" + slot;
    }

    private static UUID nameBased(UUID namespaceId, String name) {
        MessageDigest sha1;
        try {
            sha1 = MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-1", e);
        }
        ByteBuffer namespace = ByteBuffer.allocate(16);
        namespace.putLong(namespaceId.getMostSignificantBits()).putLong(namespaceId.getLeastSignificantBits());
        sha1.update(namespace.array());
        byte[] hash = sha1.digest(name.getBytes(StandardCharsets.UTF_8));
        hash[6] = (byte) ((hash[6] & 0x0f) | 0x50); // version 5
        hash[8] = (byte) ((hash[8] & 0x3f) | 0x80); // IETF variant
        ByteBuffer bits = ByteBuffer.wrap(hash, 0, 16);
        return new UUID(bits.getLong(), bits.getLong());
    }

    private BuildRequestIds() {
    }
}

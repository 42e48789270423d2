package dev.bitbridge.events.build;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The key a build's status is posted under in Bitbucket: stable (the same job always posts under the same key, so a
 * new state replaces the old one) and readable, and never longer than Bitbucket Cloud's 40 characters.
 * <p>
 * The key is {@code jenkins} for the default job, else the job path with every character outside
 * {@code [A-Za-z0-9._-]} made {@code -} ({@code Games/Client} → {@code Games-Client}); a pull request built separately
 * adds {@code -pr<id>}. A key that would be longer than 40 characters keeps its start and ends in {@code ~} and eight
 * hex digits of the full key's SHA-256, so two long job names still get two keys.
 */
public final class StatusKeys {

    public static final int MAX_LENGTH = 40;
    private static final int HASH_LENGTH = 8;

    /**
     * @param job the job path, or null for the default job
     * @param separatePullRequest the pull request's id when it is built separately from pushes, else null
     * @return the status key
     */
    public static String of(String job, Long separatePullRequest) {
        String key = job == null || job.isBlank() ? "jenkins" : job.replaceAll("[^A-Za-z0-9._-]", "-");
        if (separatePullRequest != null) {
            key = key + "-pr" + separatePullRequest;
        }
        if (key.length() <= MAX_LENGTH) {
            return key;
        }
        String hash = HexFormat.of().formatHex(sha256(key)).substring(0, HASH_LENGTH);
        return key.substring(0, MAX_LENGTH - HASH_LENGTH - 1) + "~" + hash;
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private StatusKeys() {
    }
}

package dev.bitbridge.events;

/**
 * Record keys give per-repository ordering across every topic: {@code <integration>:<repository full name>}, where the
 * full name is {@code workspace/slug} on Bitbucket Cloud and {@code PROJECT/slug} on Data Center.
 * <p>
 * Integration names never contain {@code ':'}, so a consumer can split a key at its first colon.
 */
public final class RecordKeys {

    public static final char SEPARATOR = ':';

    /**
     * @param integration the integration name
     * @param repositoryFullName the repository full name, or {@code null} for events that name no repository
     * @return the record key; the integration name alone when there is no repository
     */
    public static String of(String integration, String repositoryFullName) {
        if (repositoryFullName == null || repositoryFullName.isEmpty()) {
            return integration;
        }
        return integration + SEPARATOR + repositoryFullName;
    }

    private RecordKeys() {
    }
}

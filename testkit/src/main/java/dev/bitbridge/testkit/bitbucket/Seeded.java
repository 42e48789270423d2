package dev.bitbridge.testkit.bitbucket;

import java.util.List;
import java.util.Map;

/**
 * What {@link BitbucketSimulator#seedFrom(Flavor, String, byte[])} put into the simulator for one payload.
 *
 * @param repository the repository the payload is about; {@code null} when it names none (a ping)
 * @param described the commits the payload describes (hash, parents, people, dates…), whether seeded now or already
 *        there, in payload order
 * @param placeholders the commits the payload names without describing them (parents beyond a list, a classic Data
 *        Center push's hashes, pull-request endpoints), seeded now as plain commits, in the order seeded
 * @param refs where the payload leaves refs, by full name ({@code refs/heads/main}, {@code refs/tags/v1}); a deleted
 *        ref maps to {@code null}
 * @param pullRequest the pull request's id, or {@code null}
 * @param fullHashes for each short hash the payload gives (Cloud pull requests: 12 characters), the full hash seeded
 *        for it
 */
public record Seeded(RepoRef repository, List<String> described, List<String> placeholders,
        Map<String, String> refs, Integer pullRequest, Map<String, String> fullHashes) {

    public Seeded {
        described = List.copyOf(described);
        placeholders = List.copyOf(placeholders);
        refs = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(refs));
        fullHashes = Map.copyOf(fullHashes);
    }

    /** @return the full hash seeded for a short one, or the hash itself when it was full */
    public String full(String hash) {
        return fullHashes.getOrDefault(hash, hash);
    }
}

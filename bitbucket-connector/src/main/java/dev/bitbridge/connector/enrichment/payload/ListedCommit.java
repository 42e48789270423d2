package dev.bitbridge.connector.enrichment.payload;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;

import dev.bitbridge.events.scm.Person;

/**
 * A commit as a push payload listed it.
 *
 * @param hash the full hash
 * @param message the message; null when the payload has none
 * @param author who wrote it; null when the payload does not say
 * @param committer who committed it; null when the payload does not say (Cloud sends {@code committer: {}})
 * @param authorDate when it was written, with the offset the payload gave; epoch milliseconds (Data Center) carry no
 *        offset and are given in UTC. Cloud's only date, {@code date}, is taken as the author date
 * @param committerDate when it was committed, likewise; null on Cloud
 * @param parents the parent hashes, first parent first
 * @param url the commit's web page, when the payload links it (Cloud)
 * @param apiUrl the commit's REST resource, when the payload links it (Cloud)
 */
public record ListedCommit(
        String hash,
        String message,
        Person author,
        Person committer,
        OffsetDateTime authorDate,
        OffsetDateTime committerDate,
        List<String> parents,
        String url,
        String apiUrl) {

    public ListedCommit {
        Objects.requireNonNull(hash, "hash");
        parents = List.copyOf(parents);
    }
}

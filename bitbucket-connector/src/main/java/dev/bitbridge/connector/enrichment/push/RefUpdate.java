package dev.bitbridge.connector.enrichment.push;

import java.util.List;

import dev.bitbridge.connector.enrichment.payload.ListedCommit;

/**
 * One ref a push moved, as the webhook tells it.
 *
 * @param ref the short name ({@code feature/x}, {@code v1.0})
 * @param refType {@code branch} or {@code tag}
 * @param change {@code created}, {@code updated} or {@code deleted}
 * @param forced what the webhook says about a forced update (Cloud); null when it does not say (Data Center)
 * @param oldHash the old head; null when created
 * @param newHash the new head; null when deleted
 * @param listed the commits the webhook listed, newest first
 * @param listComplete whether {@code listed} is every commit of the change (Cloud without {@code truncated})
 * @param tagMessage an annotated tag's message, or null
 */
public record RefUpdate(String ref, String refType, String change, Boolean forced, String oldHash, String newHash,
        List<ListedCommit> listed, boolean listComplete, String tagMessage) {

    public RefUpdate {
        listed = List.copyOf(listed);
    }
}

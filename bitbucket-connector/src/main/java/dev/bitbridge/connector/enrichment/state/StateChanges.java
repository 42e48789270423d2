package dev.bitbridge.connector.enrichment.state;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one batch learnt, collected while it is enriched and written by {@link EnrichmentState#write} before its
 * output commits. Thread-safe: repositories of a batch are enriched concurrently. Also answers, for the rest of the batch, what
 * earlier records of the same batch learnt.
 */
public final class StateChanges {

    private final Map<String, SeenEvent> events = new LinkedHashMap<>();
    private final Map<String, KnownCommit> commits = new LinkedHashMap<>();
    private final Map<String, PullRequestHead> heads = new LinkedHashMap<>();

    /** Records that a raw event was handled, with what outcome ({@code enriched}, {@code skipped:…}, …). */
    public synchronized void eventHandled(String integration, String eventId, int partition, long offset, String outcome) {
        events.putIfAbsent(integration + "\n" + eventId, new SeenEvent(integration, eventId, partition, offset,
                outcome));
    }

    /** @return whether an earlier record of this batch handled the event */
    public synchronized boolean eventHandled(String integration, String eventId) {
        return events.containsKey(integration + "\n" + eventId);
    }

    /** Records that a repository now has a commit (published in this batch). */
    public synchronized void commitKnown(String integration, String repository, String hash, int partition, long offset) {
        commits.putIfAbsent(integration + "\n" + repository + "\n" + hash, new KnownCommit(integration, repository,
                hash, partition, offset));
    }

    /** @return whether an earlier record of this batch published the commit */
    public synchronized boolean commitKnown(String integration, String repository, String hash) {
        return commits.containsKey(integration + "\n" + repository + "\n" + hash);
    }

    /** Records the source head a pull-request event of this batch published (the latest record's wins). */
    public synchronized void pullRequestHead(String integration, String repository, long pullRequest, String head,
            int partition, long offset) {
        heads.put(integration + "\n" + repository + "\n" + pullRequest, new PullRequestHead(integration, repository,
                pullRequest, head, partition, offset));
    }

    /** @return the source head an earlier record of this batch published for the pull request, if any */
    public synchronized java.util.Optional<String> pullRequestHead(String integration, String repository,
            long pullRequest) {
        return java.util.Optional.ofNullable(heads.get(integration + "\n" + repository + "\n" + pullRequest))
                .map(PullRequestHead::head);
    }

    public synchronized List<PullRequestHead> pullRequestHeads() {
        return new ArrayList<>(heads.values());
    }

    public synchronized List<SeenEvent> events() {
        return new ArrayList<>(events.values());
    }

    public synchronized List<KnownCommit> commits() {
        return new ArrayList<>(commits.values());
    }

    public synchronized boolean isEmpty() {
        return events.isEmpty() && commits.isEmpty() && heads.isEmpty();
    }

    public record SeenEvent(String integration, String eventId, int partition, long offset, String outcome) {
    }

    public record PullRequestHead(String integration, String repository, long pullRequest, String head, int partition,
            long offset) {
    }

    public record KnownCommit(String integration, String repository, String hash, int partition, long offset) {
    }
}

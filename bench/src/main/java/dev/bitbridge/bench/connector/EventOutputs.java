package dev.bitbridge.bench.connector;

import dev.bitbridge.events.Topics;

/**
 * The records the connector published for one raw event, as a {@code read_committed} consumer saw them.
 *
 * @param refs records on {@code bitbridge.refs.v1}
 * @param commits records on {@code bitbridge.commits.v1}
 * @param pullRequests records on {@code bitbridge.pullrequests.v1}
 * @param deadLetters records on {@code bitbridge.webhooks.dead-letters.v1}
 * @param refCreateMillis the latest timestamp (CreateTime, set by the connector's producer) of its ref records, or
 *        -1
 * @param refSeenMillis when the harness's consumer first received one of its ref records (wall clock), or -1
 */
public record EventOutputs(int refs, int commits, int pullRequests, int deadLetters, long refCreateMillis,
        long refSeenMillis) {

    /** No output yet. */
    public static final EventOutputs NONE = new EventOutputs(0, 0, 0, 0, -1, -1);

    /**
     * @param topic the topic of one more output record
     * @param createMillis its timestamp
     * @param seenMillis when the harness received it
     * @return these outputs with that record
     */
    public EventOutputs with(String topic, long createMillis, long seenMillis) {
        return switch (topic) {
            case Topics.REFS_V1 -> new EventOutputs(refs + 1, commits, pullRequests, deadLetters,
                    Math.max(refCreateMillis, createMillis), refSeenMillis < 0 ? seenMillis
                            : Math.min(refSeenMillis, seenMillis));
            case Topics.COMMITS_V1 -> new EventOutputs(refs, commits + 1, pullRequests, deadLetters, refCreateMillis,
                    refSeenMillis);
            case Topics.PULLREQUESTS_V1 -> new EventOutputs(refs, commits, pullRequests + 1, deadLetters,
                    refCreateMillis, refSeenMillis);
            case Topics.WEBHOOKS_DEAD_LETTERS_V1 -> new EventOutputs(refs, commits, pullRequests, deadLetters + 1,
                    refCreateMillis, refSeenMillis);
            default -> this;
        };
    }

    /** @return whether anything was published for the event */
    public boolean any() {
        return refs + commits + pullRequests + deadLetters > 0;
    }
}

package dev.bitbridge.bench.connector;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import dev.bitbridge.testkit.bitbucket.RecordedRequest;

/**
 * Requests to Bitbucket counted by {@link CallKind}.
 *
 * @param counts requests of each kind; kinds without requests may be absent
 */
public record CallTally(Map<CallKind, Long> counts) {

    public CallTally {
        EnumMap<CallKind, Long> copy = new EnumMap<>(CallKind.class);
        copy.putAll(counts);
        counts = Collections.unmodifiableMap(copy);
    }

    /** @return the requests of a simulator's log, by kind */
    public static CallTally of(List<RecordedRequest> requests) {
        EnumMap<CallKind, Long> counts = new EnumMap<>(CallKind.class);
        for (RecordedRequest r : requests) {
            counts.merge(CallKind.of(r.method(), r.path(), r.query()), 1L, Long::sum);
        }
        return new CallTally(counts);
    }

    /** @return requests of this kind */
    public long get(CallKind kind) {
        return counts.getOrDefault(kind, 0L);
    }

    /** @return every request */
    public long total() {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }

    /** @return requests that read what enrichment needs: every kind but {@link CallKind#OTHER} */
    public long enrichment() {
        return total() - get(CallKind.OTHER);
    }
}

package dev.bitbridge.bench;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts outcomes from many threads: accepted ones, and every other one by kind ({@code HTTP 503},
 * {@code duplicate 202}, {@code error TimeoutException}), keeping the first detail seen of each kind.
 */
public final class StatusTally {

    private static final int DETAIL_LIMIT = 300;

    private final LongAdder accepted = new LongAdder();
    private final Map<String, LongAdder> others = new ConcurrentHashMap<>();
    private final Map<String, String> firstDetail = new ConcurrentHashMap<>();

    /** @param outcome one outcome */
    public void record(Outcome outcome) {
        if (outcome.accepted()) {
            accepted.increment();
            return;
        }
        String kind = kindOf(outcome);
        others.computeIfAbsent(kind, k -> new LongAdder()).increment();
        String detail = outcome.detail();
        firstDetail.putIfAbsent(kind, detail.length() > DETAIL_LIMIT ? detail.substring(0, DETAIL_LIMIT) + "…" : detail);
    }

    /** @return accepted outcomes */
    public long accepted() {
        return accepted.sum();
    }

    /** @return outcomes that were not accepted */
    public long rejected() {
        return others.values().stream().mapToLong(LongAdder::sum).sum();
    }

    /** @return count of each kind of outcome that was not accepted, sorted by kind */
    public Map<String, Long> rejectedByKind() {
        Map<String, Long> out = new TreeMap<>();
        others.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }

    /** @return the first detail seen of each kind of rejected outcome */
    public Map<String, String> firstDetails() {
        return new TreeMap<>(firstDetail);
    }

    static String kindOf(Outcome outcome) {
        if (outcome.status() == Outcome.FAILED) {
            String detail = outcome.detail();
            int colon = detail.indexOf(':');
            return "error " + (colon < 0 ? detail : detail.substring(0, colon));
        }
        if (outcome.duplicate()) {
            return "duplicate " + outcome.status();
        }
        return "HTTP " + outcome.status();
    }
}

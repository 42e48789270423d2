package dev.bitbridge.bench.trigger;

import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import dev.bitbridge.testkit.jenkins.TriggerArrival;

/**
 * The Jenkins simulator's trigger requests as they arrive ({@link dev.bitbridge.testkit.jenkins.JenkinsSimulator#onTrigger}):
 * when the first POST for each commit arrived (its {@code COMMIT} parameter; every request and push of a run builds a
 * commit of its own), POSTs for a commit already POSTed (build-trigger dispatches each build once, so these should
 * not happen), and refused ones.
 */
public final class TriggerLog implements Consumer<TriggerArrival> {

    /** The build parameter that names the commit. */
    public static final String COMMIT = "COMMIT";

    private final Map<String, Long> byCommit = new ConcurrentHashMap<>();
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong repeated = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private final AtomicReference<TriggerArrival> lastRefused = new AtomicReference<>();

    @Override
    public void accept(TriggerArrival arrival) {
        if (!arrival.accepted()) {
            refused.incrementAndGet();
            lastRefused.set(arrival);
            return;
        }
        accepted.incrementAndGet();
        String commit = arrival.parameters().get(COMMIT);
        if (commit == null || byCommit.putIfAbsent(commit, arrival.arrivedNanos()) != null) {
            repeated.incrementAndGet();
        }
    }

    /** @return when the first POST for the commit arrived ({@link System#nanoTime()}), or {@code null} */
    public Long arrival(String commit) {
        return byCommit.get(commit);
    }

    /** @return how many of these commits were POSTed */
    public int count(Collection<String> commits) {
        int n = 0;
        for (String commit : commits) {
            if (byCommit.containsKey(commit)) {
                n++;
            }
        }
        return n;
    }

    /** @return the arrival times of those of these commits that were POSTed */
    public long[] arrivals(Collection<String> commits) {
        return commits.stream().map(byCommit::get).filter(t -> t != null).mapToLong(Long::longValue).toArray();
    }

    /** @return trigger POSTs Jenkins queued (or merged), every commit */
    public long accepted() {
        return accepted.get();
    }

    /** @return accepted POSTs for a commit that had been POSTed before, or without a commit */
    public long repeated() {
        return repeated.get();
    }

    /** @return POSTs Jenkins refused */
    public long refused() {
        return refused.get();
    }

    /** @return the last refused POST, or {@code null} */
    public TriggerArrival lastRefused() {
        return lastRefused.get();
    }
}

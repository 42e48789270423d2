package dev.bitbridge.bench.trigger;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.bitbridge.bench.LatencyStats;
import dev.bitbridge.bench.connector.LoadAverage;

/**
 * One run of the dispatch phase: build requests published at once, and how fast build-trigger POSTed them.
 *
 * @param name e.g. {@code warm-up}
 * @param requests build requests published
 * @param publishSeconds how long publishing took
 * @param rate the POSTs' rate
 * @param stored the rate at which build-trigger stored the requests (its consumer), from their {@code created_at}
 * @param stages published → stored → taken by a dispatch pass → POST, as {@link PushLatency#STAGES} names them (the
 *        first, the analyzer's, is 0 here)
 * @param passes the dispatch passes that took them
 * @param finalSeconds first request published → every build of the run final (SUCCESSFUL), or NaN when not within the
 *        wait
 * @param states build-trigger's builds by state at the end, all runs so far
 * @param cpu CPU from the first request published to the last POST
 * @param counters the services' metrics over the run
 * @param loadBefore the load average when it began
 * @param loadAfter the load average when it ended
 */
public record DispatchRun(String name, int requests, double publishSeconds, DispatchRate rate, DispatchRate stored,
        List<LatencyStats> stages, DispatchPasses passes, double finalSeconds,
        Map<String, Long> states, ServicesCpu.Use cpu, ServiceCounters counters, LoadAverage loadBefore,
        LoadAverage loadAfter) {

    /** @return requests without a POST within the wait */
    public long missing() {
        return requests - rate.posts();
    }

    /** @return whether every request was POSTed at {@code target} per second or faster (first to last POST) */
    public boolean met(double target) {
        return missing() == 0 && rate.perSecond() >= target;
    }

    /** @return build-trigger's CPU per dispatch, µs (first request to last POST, the follow-ups of that span included) */
    public double triggerMicrosPerDispatch() {
        return cpu.microsPer(cpu.trigger(), rate.posts());
    }

    /** @return one line for the progress log */
    public String summary() {
        return String.format(Locale.ROOT, "%s: %d requests published in %.2f s; %d POSTs, %.0f/s first to last POST "
                + "(%.1f s), %.0f/s from the first request published, %.0f/s steady; stored %.0f/s; all final after "
                + "%.1f s; %s", name, requests, publishSeconds, rate.posts(), rate.perSecond(), rate.seconds(),
                rate.sincePublish(), rate.steady(), stored.perSecond(), finalSeconds, cpu.describe());
    }
}

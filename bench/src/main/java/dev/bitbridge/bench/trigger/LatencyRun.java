package dev.bitbridge.bench.trigger;

import java.util.List;
import java.util.Locale;

import dev.bitbridge.bench.LatencyStats;
import dev.bitbridge.bench.connector.LoadAverage;

/**
 * One latency run: pushes at a fixed rate through commit-analyzer and build-trigger, each timed from its intended
 * publish time to its Jenkins POST.
 *
 * @param name e.g. {@code at 100/s}
 * @param rate pushes per second
 * @param pushes pushes published
 * @param publishSeconds how long publishing took
 * @param endToEnd ref-change event → Jenkins POST
 * @param stages the way split, as {@link PushLatency#STAGES} names them
 * @param matched pushes with a POST
 * @param missing pushes without one within the wait
 * @param unsplit pushes with a POST whose build request the harness did not read
 * @param cpu CPU from the first push to the last POST
 * @param counters the services' metrics over the run
 * @param loadBefore the load average when it began
 * @param loadAfter the load average when it ended
 */
public record LatencyRun(String name, int rate, int pushes, double publishSeconds, LatencyStats endToEnd,
        List<LatencyStats> stages, long matched, long missing, long unsplit, ServicesCpu.Use cpu,
        ServiceCounters counters, LoadAverage loadBefore, LoadAverage loadAfter) {

    static LatencyRun of(String name, int rate, int pushes, double publishSeconds, PushLatency latency,
            ServicesCpu.Use cpu, ServiceCounters counters, LoadAverage loadBefore, LoadAverage loadAfter) {
        return new LatencyRun(name, rate, pushes, publishSeconds, latency.endToEnd(), List.of(latency.stages()),
                latency.matched(), latency.missing(), latency.unsplit(), cpu, counters, loadBefore,
                loadAfter);
    }

    /** @return whether every push was POSTed and the p99 is within {@code targetMicros} */
    public boolean met(long targetMicros) {
        return missing == 0 && matched > 0 && endToEnd.p99Micros() <= targetMicros;
    }

    /** @return one line for the progress log */
    public String summary() {
        return String.format(Locale.ROOT, "%s: %d pushes published in %.1f s; event -> POST %s; %d without POST",
                name, pushes, publishSeconds, endToEnd.describe(), missing);
    }
}

package dev.bitbridge.bench.trigger;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.bitbridge.bench.LatencyStats;
import dev.bitbridge.bench.MachineInfo;
import dev.bitbridge.bench.connector.LoadAverage;
import dev.bitbridge.events.Topics;

/**
 * The summary a commit-analyzer + build-trigger run prints and writes: setup, the three phases, and the targets.
 *
 * @param options the run's options
 * @param machine the machine
 * @param loadAtStart the load average when the run began
 * @param loadAtEnd the load average when it ended
 * @param kafka how Kafka ran
 * @param postgres how PostgreSQL ran
 * @param jenkins how Jenkins was simulated
 * @param services how the services ran
 * @param dispatchWarmup the dispatch warm-up, or {@code null}
 * @param dispatch the measured dispatch run, or {@code null} when the phase did not run
 * @param latencyWarmup the paced warm-up of the latency phase, or {@code null}
 * @param latencies the latency runs, one per rate
 * @param tracking the tracking phase, or {@code null}
 * @param states build-trigger's builds by state at the end
 * @param notes anything else to report
 */
public record TriggerReport(TriggerOptions options, MachineInfo machine, LoadAverage loadAtStart,
        LoadAverage loadAtEnd, String kafka, String postgres, String jenkins, String services,
        DispatchRun dispatchWarmup, DispatchRun dispatch, LatencyRun latencyWarmup, List<LatencyRun> latencies,
        TrackingRun tracking, Map<String, Long> states, List<String> notes) {

    /** @return the summary text */
    public String render() {
        StringBuilder out = new StringBuilder();
        long target = options.targetP99().toNanos() / 1000;
        line(out, "=========== Bitbridge commit-analyzer + build-trigger dispatch benchmark ===========");
        line(out, "Machine        : " + machine.describe());
        line(out, "JVM            : " + machine.jvm() + "; harness and services use the same java");
        line(out, "Load           : " + loadAtStart.describe() + " at the start, " + loadAtEnd.describe()
                + " at the end (1, 5, 15 min; this run's processes included)");
        line(out, "CPU sharing    : the harness JVM (Kafka broker, Jenkins simulator, producers, request watcher),");
        line(out, "                 PostgreSQL, commit-analyzer and build-trigger share these " + machine.cores()
                + " cores");
        line(out, "Kafka          : " + kafka + "; every topic of Topics.ALL created first");
        line(out, "PostgreSQL     : " + postgres);
        line(out, "Jenkins        : " + jenkins);
        line(out, "Services       : " + services);
        line(out, String.format(Locale.ROOT, "Setup          : integration '%s'; its Jenkins target (API token, "
                + "default job %s) through build-trigger's API, its analysis settings (project BENCH, default job %s) "
                + "through commit-analyzer's; otherwise the services' defaults (dispatch batch 50, poll interval 1 s, "
                + "tracking 2 s growing to 60 s)", BenchEvents.INTEGRATION, TriggerBenchmark.JOB, TriggerBenchmark.JOB));
        line(out, "");

        if (dispatch != null) {
            line(out, String.format(Locale.ROOT, "Dispatch: build requests published at once on %s as commit-analyzer "
                    + "writes them, over %d repositories (record keys), default job", Topics.BUILD_REQUESTS_V1,
                    options.repositories()));
            if (dispatchWarmup != null) {
                line(out, String.format(Locale.ROOT, "Warm-up        : %,d requests, not counted: %,.0f POSTs/s first to "
                        + "last POST", dispatchWarmup.requests(), dispatchWarmup.rate().perSecond()));
            }
            dispatch(out, dispatch);
            line(out, "");
        }

        if (!latencies.isEmpty()) {
            line(out, String.format(Locale.ROOT, "Latency: pushes on %s as the connector writes them (main of %d "
                    + "repositories in turn, one new commit each, its message with #ci and a task key), each stamped "
                    + "with its intended send time; latency = the arrival of the Jenkins POST naming its commit at "
                    + "the simulator - that time", Topics.REFS_V1, options.repositories()));
            if (latencyWarmup != null) {
                line(out, String.format(Locale.ROOT, "Paced warm-up  : %,d pushes at %d/s, not counted: p50 %s, p99 %s",
                        latencyWarmup.pushes(), latencyWarmup.rate(), LatencyStats.ms(latencyWarmup.endToEnd()
                                .p50Micros()),
                        LatencyStats.ms(latencyWarmup.endToEnd().p99Micros())));
            }
            for (LatencyRun run : latencies) {
                latency(out, run);
            }
            line(out, "");
        }

        if (tracking != null) {
            tracking(out, tracking);
            line(out, "");
        }

        line(out, "Results");
        if (dispatch != null) {
            result(out, "dispatches/s (first to last Jenkins POST)", String.format(Locale.ROOT,
                    "%,.0f   target >= %.0f : %s   (%,.0f from the first request published; %,.0f steady)",
                    dispatch.rate().perSecond(), options.targetDispatches(),
                    dispatch.met(options.targetDispatches()) ? "MET" : "NOT MET", dispatch.rate().sincePublish(),
                    dispatch.rate().steady()));
        }
        for (LatencyRun run : latencies) {
            result(out, "p50 / p99 commit event -> Jenkins POST at " + run.rate() + "/s", String.format(Locale.ROOT,
                    "%s / %s   target p99 <= %d ms : %s", LatencyStats.ms(run.endToEnd().p50Micros()),
                    LatencyStats.ms(run.endToEnd().p99Micros()), options.targetP99().toMillis(),
                    run.met(target) ? "MET" : "NOT MET"));
        }
        if (tracking != null) {
            TrackingWindow steady = tracking.steady();
            result(out, String.format(Locale.ROOT, "Jenkins requests per running build per minute, %d builds",
                    tracking.builds()),
                    String.format(Locale.ROOT, "%.2f steady (%.1f/s in all); %.2f in the first "
                            + "minute", steady.perBuildPerMinute(), steady.perSecond(),
                            tracking.windows().get(0).perBuildPerMinute()));
        }
        result(out, "builds by state at the end", states.toString());
        for (String note : notes) {
            line(out, "  note: " + note);
        }
        line(out, "====================================================================================");
        return out.toString();
    }

    private static void dispatch(StringBuilder out, DispatchRun run) {
        line(out, String.format(Locale.ROOT, "Measured       : %,d requests published in %.2f s", run.requests(),
                run.publishSeconds()));
        line(out, String.format(Locale.ROOT, "  POSTs        : %,d of %,d; %,.0f/s first to last POST (%.1f s); %,.0f/s "
                + "from the first request published; %,.0f/s steady (10th to 90th percentile)", run.rate().posts(),
                run.requests(), run.rate().perSecond(), run.rate().seconds(), run.rate().sincePublish(),
                run.rate().steady()));
        line(out, String.format(Locale.ROOT, "  stored       : %,.0f/s first to last (build-trigger's consumer and store "
                + "transaction, from created_at); %,.0f/s from the first request published", run.stored().perSecond(),
                run.stored().sincePublish()));
        line(out, "  passes       : " + run.passes().describe());
        line(out, "  way of a request (published -> POST, all of them queued at once):");
        stages(out, run.stages(), 1);
        line(out, String.format(Locale.ROOT, "  all final    : %.1f s after the first request was published (each "
                + "build: POST, queue item after 2 s, build after 2 s more)", run.finalSeconds()));
        line(out, "  cpu          : " + run.cpu().describe() + " (first request to last POST)");
        line(out, String.format(Locale.ROOT, "  cpu/dispatch : build-trigger %.0f µs, PostgreSQL %.0f µs, harness %.0f "
                + "µs", run.triggerMicrosPerDispatch(), run.cpu().microsPer(run.cpu().postgres(), run.rate().posts()),
                run.cpu().microsPer(run.cpu().harness(), run.rate().posts())));
        line(out, "  build-trigger: " + run.counters().describeTrigger(run.requests()));
        line(out, "  load         : " + run.loadBefore().describe() + " before, " + run.loadAfter().describe()
                + " after");
    }

    private static void latency(StringBuilder out, LatencyRun run) {
        line(out, String.format(Locale.ROOT, "At %d/s: %,d pushes on a fixed schedule (%.1f s)", run.rate(),
                run.pushes(), run.publishSeconds()));
        stats(out, String.format(Locale.ROOT, "  %-36s: ", "event -> POST"), run.endToEnd());
        stages(out, run.stages(), 0);
        line(out, String.format(Locale.ROOT, "  POSTed       : %,d of %,d pushes%s", run.matched(), run.pushes(),
                run.unsplit() == 0 ? ""
                        : String.format(Locale.ROOT, " (%d without a build request read: not split)",
                                run.unsplit())));
        line(out, "  cpu          : " + run.cpu().describe());
        line(out, "  analyzer     : " + run.counters().describeAnalyzer(run.cpu().seconds()));
        line(out, "  build-trigger: " + run.counters().describeTrigger(run.matched()));
        line(out, "  load         : " + run.loadBefore().describe() + " before, " + run.loadAfter().describe()
                + " after");
    }

    /** The stages of {@link PushLatency#STAGES} from {@code first} on. */
    private static void stages(StringBuilder out, List<LatencyStats> stages, int first) {
        for (int i = first; i < stages.size(); i++) {
            stats(out, String.format(Locale.ROOT, "    %-34s: ", PushLatency.STAGES[i]), stages.get(i));
        }
        line(out, "    (split at the build request's record timestamp, set by commit-analyzer's producer before its");
        line(out, "     transaction commits, and build-trigger's created_at and dispatch_started_at; ms of the wall clock)");
    }

    private static void stats(StringBuilder out, String label, LatencyStats s) {
        line(out, String.format(Locale.ROOT, "%sp50 %s | p90 %s | p99 %s | max %s   (p99.9 %s, mean %s, n=%d)", label,
                LatencyStats.ms(s.p50Micros()), LatencyStats.ms(s.p90Micros()), LatencyStats.ms(s.p99Micros()),
                LatencyStats.ms(s.maxMicros()), LatencyStats.ms(s.p999Micros()),
                LatencyStats.ms(Math.round(s.meanMicros())), s.count()));
    }

    private void tracking(StringBuilder out, TrackingRun run) {
        line(out, String.format(Locale.ROOT, "Tracking: %,d build requests for %s published at once; its builds run "
                + "%d s in the simulator; %,d POSTed in %.1f s", run.builds(), TriggerBenchmark.LONG_JOB,
                run.buildDuration().toSeconds(), run.posted(), run.dispatchSeconds()));
        for (TrackingWindow w : run.windows()) {
            line(out, String.format(Locale.ROOT, "  %-13s: %.0f s from +%.0f s after the last POST was answered: %s requests = "
                    + "%.2f per running build per minute (%.1f/s); the poll schedule alone: %.2f; build-trigger %.2f "
                    + "cores", w.name(), w.seconds(), w.startSeconds(), w.requests().describe(),
                    w.perBuildPerMinute(), w.perSecond(), w.expectedPerBuildPerMinute(), w.triggerCores()));
        }
        PollSchedule schedule = PollSchedule.DEFAULTS;
        line(out, String.format(Locale.ROOT, "  schedule     : queue item 2 s after the POST, the build 2 s later, then "
                + "pauses growing by half (3, 4.5, 6.75 s ...) up to 60 s, reached %.0f s after the POST: %d GETs in "
                + "a build's first minute, then 1 per minute", schedule.settledAfter(), schedule.between(0, 60)));
        line(out, String.format(Locale.ROOT, "  at the end   : %,d of %,d builds running in the simulator, %,d "
                + "INPROGRESS in build-trigger", run.building(), run.builds(), run.inProgress()));
    }

    private static void result(StringBuilder out, String label, String value) {
        line(out, String.format(Locale.ROOT, "  %-58s: %s", label, value));
    }

    private static void line(StringBuilder out, String text) {
        out.append(text).append(System.lineSeparator());
    }
}

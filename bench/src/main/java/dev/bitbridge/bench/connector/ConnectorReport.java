package dev.bitbridge.bench.connector;

import java.util.List;
import java.util.Locale;

import dev.bitbridge.bench.LatencyStats;
import dev.bitbridge.bench.MachineInfo;

/**
 * The summary a connector run prints and writes: setup and load, phase A's table of calls per raw event, phase B's
 * runs, and the targets.
 *
 * @param options the run's options
 * @param machine the machine
 * @param loadAtStart the load average when the run began
 * @param loadAtEnd the load average when it ended
 * @param kafka how Kafka ran
 * @param postgres how PostgreSQL ran
 * @param bitbucket how Bitbucket was simulated
 * @param connector how the connector ran
 * @param scenarios phase A, empty when it did not run
 * @param warmup the warm-up of phase B, or {@code null}
 * @param runs phase B's measured runs: saturating, then the fixed rates
 * @param notes anything else to report
 */
public record ConnectorReport(ConnectorOptions options, MachineInfo machine, LoadAverage loadAtStart,
        LoadAverage loadAtEnd, String kafka, String postgres, String bitbucket, String connector,
        List<ScenarioResult> scenarios, LoadRun warmup, List<LoadRun> runs, List<String> notes) {

    /** @return the worst diffstat calls per new commit of any scenario with new commits, or NaN */
    public double worstFilesPerNewCommit() {
        return scenarios.stream().filter(s -> s.publishedNewCommits() > 0).mapToDouble(ScenarioResult::filesPerNewCommit)
                .max().orElse(Double.NaN);
    }

    /** @return diffstat and commit calls of scenarios that brought no new commit */
    public long callsForSeenCommits() {
        return scenarios.stream().filter(s -> s.expectedNewCommits() == 0)
                .mapToLong(s -> s.calls().get(CallKind.FILES) + s.calls().get(CallKind.COMMIT)).sum();
    }

    /** @return the saturating run, or {@code null} */
    public LoadRun saturating() {
        return runs.stream().filter(LoadRun::saturating).findFirst().orElse(null);
    }

    /** @return whether the saturating run reached the events-per-second target (first raw record to last output) */
    public boolean throughputMet() {
        LoadRun run = saturating();
        return run != null && run.missing() == 0 && run.throughput().overall() >= options.targetEventsPerSecond();
    }

    /** @return the summary text */
    public String render() {
        StringBuilder out = new StringBuilder();
        long target = options.targetP99().toNanos() / 1000;
        line(out, "============== Bitbridge bitbucket-connector enrichment benchmark ==============");
        line(out, "Machine        : " + machine.describe());
        line(out, "JVM            : " + machine.jvm() + "; harness and connector use the same java");
        line(out, "Load           : " + loadAtStart.describe() + " at the start, " + loadAtEnd.describe()
                + " at the end (1, 5, 15 min; this run's processes included)");
        line(out, "CPU sharing    : the harness JVM (Kafka broker, Bitbucket simulator, raw producer, output consumer),");
        line(out, "                 PostgreSQL and the connector JVM share these " + machine.cores() + " cores");
        line(out, "Kafka          : " + kafka + "; every topic of Topics.ALL created first, as the ingress does");
        line(out, "PostgreSQL     : " + postgres);
        line(out, "Bitbucket      : " + bitbucket);
        line(out, "Connector      : " + connector);
        line(out, String.format(Locale.ROOT, "Setup          : integration '%s' (Cloud API token), 1 + %d connected "
                + "repositories; API budget %,d calls/h (no file list deferred); scheduled hook checks off",
                ConnectorBenchmark.INTEGRATION, options.repositories(), ConnectorSettings.BUDGET_PER_HOUR));
        line(out, "");

        if (!scenarios.isEmpty()) {
            line(out, "Phase A: Bitbucket API calls per raw event (the simulator's request log, cleared before each");
            line(out, "scenario; counted once the connector committed past the scenario's raw records)");
            out.append(CallsTable.render(scenarios));
            line(out, "  files target (at most one diffstat/{hash} per new commit; none, and no commit/{hash}, for "
                    + "commits already seen): " + (CallsTable.allMet(scenarios) ? "MET" : "NOT MET"));
            line(out, "");
        }

        if (warmup != null || !runs.isEmpty()) {
            line(out, String.format(Locale.ROOT, "Phase B: pushes to main of %d-%d new commits each (complete webhook "
                    + "lists: the only calls are one diffstat per commit), over %d repositories (record keys)",
                    options.minCommits(), options.maxCommits(), options.repositories()));
            if (warmup != null) {
                line(out, String.format(Locale.ROOT, "Warm-up        : %d pushes published as fast as possible, not "
                        + "counted: %.0f events/s", warmup.events(), warmup.throughput().overall()));
            }
            for (LoadRun run : runs) {
                line(out, "");
                run(out, run);
            }
            line(out, "");
        }

        line(out, "Results");
        if (!scenarios.isEmpty()) {
            double worst = worstFilesPerNewCommit();
            result(out, "diffstat calls per new commit, worst scenario", String.format(Locale.ROOT,
                    "%.2f   target <= 1 : %s", worst, worst <= 1 ? "MET" : "NOT MET"));
            result(out, "files or commit calls for commits seen before", String.format(Locale.ROOT,
                    "%d      target 0 : %s", callsForSeenCommits(), callsForSeenCommits() == 0 ? "MET" : "NOT MET"));
        }
        LoadRun saturating = saturating();
        if (saturating != null) {
            result(out, "enriched push events/s, saturating", String.format(Locale.ROOT,
                    "%,.0f   target >= %.0f : %s   (steady %,.0f)", saturating.throughput().overall(),
                    options.targetEventsPerSecond(), throughputMet() ? "MET" : "NOT MET",
                    saturating.throughput().steady()));
        }
        for (LoadRun run : runs) {
            if (run.saturating()) {
                continue;
            }
            result(out, "p50 / p99 raw -> ref CreateTime at " + run.rate() + "/s", String.format(Locale.ROOT,
                    "%s / %s   target p99 <= %d ms : %s", LatencyStats.ms(run.created().p50Micros()),
                    LatencyStats.ms(run.created().p99Micros()), options.targetP99().toMillis(),
                    run.p99Met(target) ? "MET" : "NOT MET"));
            result(out, "p50 / p99 raw -> readable (committed) at " + run.rate() + "/s", String.format(Locale.ROOT,
                    "%s / %s   (same target: %s)", LatencyStats.ms(run.visible().p50Micros()),
                    LatencyStats.ms(run.visible().p99Micros()), run.visibleP99Met(target) ? "met" : "not met"));
        }
        for (String note : notes) {
            line(out, "  note: " + note);
        }
        line(out, "================================================================================");
        return out.toString();
    }

    private void run(StringBuilder out, LoadRun run) {
        if (run.saturating()) {
            line(out, String.format(Locale.ROOT, "Saturating run: %d pushes published as fast as possible (in %.1f s)",
                    run.events(), run.publishSeconds()));
            line(out, String.format(Locale.ROOT, "  enriched       : %,.0f events/s (first raw record to last ref "
                    + "record, %.1f s); %,.0f steady (10th to 90th percentile of outputs)",
                    run.throughput().overall(), run.throughput().seconds(), run.throughput().steady()));
            line(out, "  latency        : queueing behind the backlog, not a target: ref CreateTime "
                    + run.created().describe());
        } else {
            line(out, String.format(Locale.ROOT, "At %d/s: %d pushes on a fixed schedule (%.1f s), each stamped with its "
                    + "intended send time", run.rate(), run.events(), run.publishSeconds()));
            LatencyStats c = run.created();
            line(out, String.format(Locale.ROOT, "  raw -> ref CreateTime        : p50 %s | p90 %s | p99 %s | max %s   "
                    + "(p99.9 %s, mean %s, n=%d)", LatencyStats.ms(c.p50Micros()), LatencyStats.ms(c.p90Micros()),
                    LatencyStats.ms(c.p99Micros()), LatencyStats.ms(c.maxMicros()), LatencyStats.ms(c.p999Micros()),
                    LatencyStats.ms(Math.round(c.meanMicros())), c.count()));
            LatencyStats v = run.visible();
            line(out, String.format(Locale.ROOT, "  raw -> readable (committed)  : p50 %s | p90 %s | p99 %s | max %s   "
                    + "(p99.9 %s, mean %s, n=%d)", LatencyStats.ms(v.p50Micros()), LatencyStats.ms(v.p90Micros()),
                    LatencyStats.ms(v.p99Micros()), LatencyStats.ms(v.maxMicros()), LatencyStats.ms(v.p999Micros()),
                    LatencyStats.ms(Math.round(v.meanMicros())), v.count()));
            line(out, String.format(Locale.ROOT, "  enriched       : %,.0f events/s (first raw record to last ref "
                    + "record)", run.throughput().overall()));
        }
        line(out, String.format(Locale.ROOT, "  outputs        : %d of %d pushes with a ref record; %d commit records",
                run.matched(), run.events(), run.commits()));
        line(out, String.format(Locale.ROOT, "  calls          : %d diffstat/{hash} for %d commits (%.2f per commit), %d"
                + " commits, %d refs/branches, %d commit/{hash}, %d other: %.2f per push",
                run.calls().get(
                        CallKind.FILES),
                run.commits(), run.filesPerCommit(), run.calls().get(CallKind.COMMITS),
                run.calls().get(CallKind.BRANCHES), run.calls().get(CallKind.COMMIT), run.calls().get(CallKind.OTHER),
                run.callsPerEvent()));
        line(out, "  cpu            : " + run.cpu().describe());
        line(out, String.format(Locale.ROOT, "  cpu/push       : %.0f µs of connector CPU per push", run.cpu()
                .connectorMicrosPer(run.events())));
        line(out, "  memory         : connector " + run.memory().describe());
        line(out, "  connector      : " + run.counters().describe(run.events(), run.cpu().seconds()));
        line(out, String.format(Locale.ROOT, "  transactions   : %d markers added to bitbridge.refs.v1 (one per "
                + "transaction and refs partition it wrote; %.1f pushes per marker)", run.refMarkers(),
                run.refMarkers() == 0 ? Double.NaN : (double) run.events() / run.refMarkers()));
        line(out, "  load           : " + run.loadBefore().describe() + " before, " + run.loadAfter().describe()
                + " after");
    }

    private static void result(StringBuilder out, String label, String value) {
        line(out, String.format(Locale.ROOT, "  %-48s: %s", label, value));
    }

    private static void line(StringBuilder out, String text) {
        out.append(text).append(System.lineSeparator());
    }
}

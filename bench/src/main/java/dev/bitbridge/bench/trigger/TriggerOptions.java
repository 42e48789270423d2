package dev.bitbridge.bench.trigger;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import dev.bitbridge.bench.BenchOptions;
import dev.bitbridge.bench.OptionSource;

/**
 * Everything a commit-analyzer + build-trigger run can vary. Each option is read from {@code --name=value} on the
 * command line, else from the system property {@code bench.name}, else its default; {@code --smoke} shortens every
 * phase to a few seconds.
 *
 * @param root the project root
 * @param analyzerJar the packaged commit-analyzer
 * @param triggerJar the packaged build-trigger
 * @param analyzerJvmArgs JVM options of the analyzer child JVM
 * @param triggerJvmArgs JVM options of the build-trigger child JVM
 * @param analyzerLog where the analyzer's output goes
 * @param triggerLog where build-trigger's output goes
 * @param readyTimeout how long to wait for each service to be ready
 * @param resultFile where the summary is written
 * @param phases which phases run: {@code dispatch}, {@code latency}, {@code tracking}
 * @param repositories repositories (record keys) the requests and pushes are spread over
 * @param warmupRequests build requests dispatched before the dispatch phase, not counted
 * @param requests build requests of the dispatch phase, published as fast as the producer takes them
 * @param warmupRate pushes per second through the analyzer before the latency runs, not counted (0: none)
 * @param warmupDuration how long that warm-up publishes
 * @param rates the fixed rates of the latency runs, pushes per second
 * @param rateDuration how long each latency run publishes
 * @param trackedBuilds builds kept running at once in the tracking phase
 * @param trackingSettle from the last of them being queued to the start of the steady window: long enough for every
 *        build's poll interval to have grown to {@code tracking.max-interval}
 * @param trackingWindow the steady window, in which requests are counted
 * @param drainTimeout how long to wait for a phase's Jenkins POSTs once it stopped publishing
 * @param targetDispatches the dispatch target, POSTs per second
 * @param targetP99 the latency target, commit event to Jenkins POST
 * @param simulatorNoDelay whether the simulator's HTTP server sets {@code TCP_NODELAY}; without it every answer waits
 *        about 40 ms for a delayed ACK
 */
public record TriggerOptions(
        Path root,
        Path analyzerJar,
        Path triggerJar,
        List<String> analyzerJvmArgs,
        List<String> triggerJvmArgs,
        Path analyzerLog,
        Path triggerLog,
        Duration readyTimeout,
        Path resultFile,
        Set<String> phases,
        int repositories,
        int warmupRequests,
        int requests,
        int warmupRate,
        Duration warmupDuration,
        List<Integer> rates,
        Duration rateDuration,
        int trackedBuilds,
        Duration trackingSettle,
        Duration trackingWindow,
        Duration drainTimeout,
        double targetDispatches,
        Duration targetP99,
        boolean simulatorNoDelay) {

    /** The phases a run can have, in the order they run. */
    public static final List<String> PHASES = List.of("dispatch", "latency", "tracking");

    /** The first tracking window: the minute after the tracked builds were queued (shorter only when settling is). */
    public static final Duration FIRST_WINDOW = Duration.ofMinutes(1);

    public static final String USAGE = """
            Usage: bench/run trigger [--name=value ...]   (or -Dbench.name=value)

              --smoke                      a few seconds per phase instead of the defaults below
              --phases=dispatch,latency,tracking   which phases run
              --repositories=20            repositories (record keys) requests and pushes are spread over
              --warmup-requests=2000       build requests dispatched first, not counted
              --requests=5000              build requests of the dispatch phase, published at once (dispatches/s)
              --warmup-rate=50 --warmup-duration=30s   pushes through the analyzer before the latency runs (0: none)
              --rates=10,50,100            fixed rates of the latency runs, pushes per second
              --rate-duration=30s          how long each latency run publishes
              --tracked-builds=500         builds running at once in the tracking phase
              --tracking-settle=170s       last tracked build queued -> start of the steady window
              --tracking-window=120s       the steady window (the first minute is counted as well)
              --drain-timeout=120s         how long to wait for a phase's Jenkins POSTs after publishing
              --analyzer-jar=<root>/commit-analyzer/target/quarkus-app/quarkus-run.jar
              --trigger-jar=<root>/build-trigger/target/quarkus-app/quarkus-run.jar
              --analyzer-jvm-args="-Xmx512m" --trigger-jvm-args="-Xmx512m"   JVM options of the child JVMs (space
                                           separated; they run in <root>); -XX:+ExitOnOutOfMemoryError is always added
              --analyzer-log=<root>/bench/target/commit-analyzer.log
              --trigger-log=<root>/bench/target/build-trigger.log
              --ready-timeout=180s         how long to wait for GET /q/health/ready on each management interface
              --simulator-nodelay=true     TCP_NODELAY on the Jenkins simulator's HTTP server
              --target-dispatches=200 --target-p99=100ms   targets the summary checks
              --result-file=<root>/bench/target/trigger-result.txt
              --root=<dir>                 the project root (default: the current directory, or its parent in bench/)
            Durations: 500ms, 15s, 2m, or plain seconds.
            """;

    private static final Set<String> FLAGS = Set.of("smoke", "help");
    private static final Set<String> NAMES = Set.of("smoke", "help", "root", "phases", "repositories",
            "warmup-requests", "requests", "warmup-rate", "warmup-duration", "rates", "rate-duration", "tracked-builds",
            "tracking-settle", "tracking-window", "drain-timeout", "analyzer-jar", "trigger-jar", "analyzer-jvm-args",
            "trigger-jvm-args", "analyzer-log", "trigger-log", "ready-timeout", "simulator-nodelay",
            "target-dispatches", "target-p99", "result-file");

    /**
     * @param args command-line arguments (without the leading {@code trigger})
     * @return the options
     * @throws IllegalArgumentException on an unknown or malformed option
     */
    public static TriggerOptions parse(String... args) {
        OptionSource source = OptionSource.parse(args, NAMES, FLAGS, USAGE);
        boolean smoke = source.flag("smoke", "false");
        Path root = source.root();
        Path target = root.resolve("bench/target");
        TriggerOptions options = new TriggerOptions(
                root,
                Path.of(source.get("analyzer-jar",
                        root.resolve("commit-analyzer/target/quarkus-app/quarkus-run.jar").toString())),
                Path.of(source.get("trigger-jar",
                        root.resolve("build-trigger/target/quarkus-app/quarkus-run.jar").toString())),
                OptionSource.splitArgs(source.get("analyzer-jvm-args", "-Xmx512m")),
                OptionSource.splitArgs(source.get("trigger-jvm-args", "-Xmx512m")),
                Path.of(source.get("analyzer-log", target.resolve("commit-analyzer.log").toString())),
                Path.of(source.get("trigger-log", target.resolve("build-trigger.log").toString())),
                source.duration("ready-timeout", "180s"),
                Path.of(source.get("result-file", target.resolve("trigger-result.txt").toString())),
                OptionSource.choices("phase", source.get("phases", String.join(",", PHASES)), PHASES),
                source.positiveInt("repositories", "20"),
                source.nonNegativeInt("warmup-requests", smoke ? "100" : "2000"),
                source.positiveInt("requests", smoke ? "300" : "5000"),
                source.nonNegativeInt("warmup-rate", smoke ? "0" : "50"),
                source.duration("warmup-duration", smoke ? "2s" : "30s"),
                source.positiveInts("rates", "10,50,100"),
                source.duration("rate-duration", smoke ? "4s" : "30s"),
                source.positiveInt("tracked-builds", smoke ? "50" : "500"),
                source.duration("tracking-settle", smoke ? "15s" : "170s"),
                source.duration("tracking-window", smoke ? "10s" : "120s"),
                source.duration("drain-timeout", "120s"),
                source.decimal("target-dispatches", "200"),
                source.duration("target-p99", "100ms"),
                source.flag("simulator-nodelay", "true"));
        if (options.rates().isEmpty()) {
            throw new IllegalArgumentException("--rates needs at least one rate");
        }
        if (options.trackingWindow().isZero()) {
            throw new IllegalArgumentException("--tracking-window must be longer than 0");
        }
        return options;
    }

    /** @return whether {@code --help} was asked for */
    public static boolean wantsHelp(String... args) {
        return BenchOptions.wantsHelp(args);
    }

    /** @return whether this phase runs */
    public boolean runs(String phase) {
        return phases.contains(phase);
    }

    /** @return pushes a latency run at {@code rate} publishes */
    public int pushesAt(int rate) {
        return pushesFor(rate, rateDuration);
    }

    /** @return pushes the paced warm-up publishes (0 when there is none) */
    public int warmupPushes() {
        return warmupRate == 0 ? 0 : pushesFor(warmupRate, warmupDuration);
    }

    /** @return the first tracking window: a minute, or the settling time when that is shorter */
    public Duration firstWindow() {
        return trackingSettle.compareTo(FIRST_WINDOW) < 0 ? trackingSettle : FIRST_WINDOW;
    }

    /**
     * @return how long each tracked build runs in the simulator: past the end of the steady window by a minute, so
     *         that no build ends while requests are counted (they are queued within seconds of each other)
     */
    public Duration trackedBuildDuration() {
        return trackingSettle.plus(trackingWindow).plus(Duration.ofMinutes(1));
    }

    private static int pushesFor(int rate, Duration duration) {
        return (int) Math.max(1, rate * duration.toMillis() / 1000);
    }
}

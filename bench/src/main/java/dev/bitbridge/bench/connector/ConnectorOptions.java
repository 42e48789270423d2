package dev.bitbridge.bench.connector;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import dev.bitbridge.bench.BenchOptions;
import dev.bitbridge.bench.OptionSource;

/**
 * Everything a connector run can vary. Each option is read from {@code --name=value} on the command line, else from
 * the system property {@code bench.name}, else its default; {@code --smoke} shortens every phase to a few seconds.
 *
 * @param root the project root
 * @param connectorJar the packaged connector
 * @param connectorJvmArgs JVM options of the connector child JVM
 * @param connectorLog where its output goes
 * @param readyTimeout how long to wait for it to be ready
 * @param resultFile where the summary is written
 * @param repositories repositories the pushes of phase B are spread over (record keys)
 * @param warmupPushes pushes published as fast as possible before anything is measured
 * @param warmupRate pushes per second of the paced warm-up that follows (0: none): the JIT compiles the paths of
 *        small batches only once they run, and on 2 cores its compiler threads otherwise compete with the first
 *        fixed-rate run
 * @param warmupDuration how long the paced warm-up publishes
 * @param pushes pushes of the saturating run
 * @param rates the fixed rates of the latency runs, pushes per second
 * @param rateDuration how long each fixed-rate run publishes
 * @param minCommits fewest commits in one push of phase B
 * @param maxCommits most commits in one push of phase B (at most 5, so that the webhook's list is complete)
 * @param seed seed of the random number of commits per push
 * @param drainTimeout how long to wait for the outputs of a run once it stopped publishing
 * @param phases which phases run: {@code calls}, {@code throughput}, {@code latency}
 * @param targetEventsPerSecond the throughput target
 * @param targetP99 the latency target
 * @param simulatorNoDelay whether the simulator's HTTP server sets {@code TCP_NODELAY} (the JDK server's
 *        {@code sun.net.httpserver.nodelay}); without it every answer waits about 40 ms for a delayed ACK
 */
public record ConnectorOptions(
        Path root,
        Path connectorJar,
        List<String> connectorJvmArgs,
        Path connectorLog,
        Duration readyTimeout,
        Path resultFile,
        int repositories,
        int warmupPushes,
        int warmupRate,
        Duration warmupDuration,
        int pushes,
        List<Integer> rates,
        Duration rateDuration,
        int minCommits,
        int maxCommits,
        long seed,
        Duration drainTimeout,
        Set<String> phases,
        double targetEventsPerSecond,
        Duration targetP99,
        boolean simulatorNoDelay) {

    /** The phases a run can have, in the order they run. */
    public static final List<String> PHASES = List.of("calls", "throughput", "latency");

    /** Cloud lists at most this many commits per change in a push webhook; more makes the list truncated. */
    public static final int LISTED_COMMITS = 5;

    public static final String USAGE = """
            Usage: bench/run connector [--name=value ...]   (or -Dbench.name=value)

              --smoke                      a few seconds per phase instead of the defaults below
              --phases=calls,throughput,latency   which phases run (A: calls per raw event; B: throughput, latency)
              --repositories=20            repositories (record keys) the pushes of phase B are spread over
              --commits=1-3                commits per push in phase B (at most 5: complete webhook lists)
              --warmup-pushes=2000         pushes published as fast as possible first, not counted
              --warmup-rate=150 --warmup-duration=60s   then pushes at a fixed rate, not counted (0: none)
              --pushes=2000                pushes of the saturating run (enriched push events per second)
              --rates=100,200              fixed rates of the latency runs, pushes per second
              --rate-duration=20s          how long each fixed-rate run publishes
              --drain-timeout=180s         how long to wait for a run's outputs once it stopped publishing
              --seed=42                    seed of the random number of commits per push
              --connector-jar=<root>/bitbucket-connector/target/quarkus-app/quarkus-run.jar
              --connector-jvm-args="-Xmx512m"  JVM options of the connector child JVM (space separated; it runs in
                                           <root>); -XX:+ExitOnOutOfMemoryError is always added
              --connector-log=<root>/bench/target/connector.log
              --ready-timeout=180s         how long to wait for GET /q/health/ready on its management interface
              --simulator-nodelay=true     TCP_NODELAY on the simulator's HTTP server; false makes every Bitbucket
                                           call wait ~40 ms for a delayed ACK, like a Bitbucket 40 ms away
              --target-events=200 --target-p99=100ms   targets the summary checks
              --result-file=<root>/bench/target/connector-result.txt
              --root=<dir>                 the project root (default: the current directory, or its parent in bench/)
            Durations: 500ms, 15s, 2m, or plain seconds.
            """;

    private static final Set<String> FLAGS = Set.of("smoke", "help");
    private static final Set<String> NAMES = Set.of("smoke", "help", "root", "phases", "repositories", "commits",
            "warmup-pushes", "warmup-rate", "warmup-duration", "pushes", "rates", "rate-duration", "drain-timeout", "seed",
            "connector-jar",
            "connector-jvm-args", "connector-log", "ready-timeout", "target-events", "target-p99", "result-file",
            "simulator-nodelay");

    /**
     * @param args command-line arguments (without the leading {@code connector})
     * @return the options
     * @throws IllegalArgumentException on an unknown or malformed option
     */
    public static ConnectorOptions parse(String... args) {
        OptionSource source = OptionSource.parse(args, NAMES, FLAGS, USAGE);
        boolean smoke = source.flag("smoke", "false");
        Path root = source.root();
        int[] commits = commitRange(source.get("commits", "1-3"));
        return new ConnectorOptions(
                root,
                Path.of(source.get("connector-jar",
                        root.resolve("bitbucket-connector/target/quarkus-app/quarkus-run.jar").toString())),
                OptionSource.splitArgs(source.get("connector-jvm-args", "-Xmx512m")),
                Path.of(source.get("connector-log", root.resolve("bench/target/connector.log").toString())),
                source.duration("ready-timeout", "180s"),
                Path.of(source.get("result-file", root.resolve("bench/target/connector-result.txt").toString())),
                source.positiveInt("repositories", "20"),
                source.nonNegativeInt("warmup-pushes", smoke ? "100" : "2000"),
                source.nonNegativeInt("warmup-rate", smoke ? "0" : "150"),
                source.duration("warmup-duration", smoke ? "2s" : "60s"),
                source.positiveInt("pushes", smoke ? "300" : "2000"),
                rates(source.get("rates", "100,200")),
                source.duration("rate-duration", smoke ? "4s" : "20s"),
                commits[0],
                commits[1],
                Long.parseLong(source.get("seed", "42").trim()),
                source.duration("drain-timeout", "180s"),
                phases(source.get("phases", String.join(",", PHASES))),
                Double.parseDouble(source.get("target-events", "200")),
                source.duration("target-p99", "100ms"),
                source.flag("simulator-nodelay", "true"));
    }

    /** @return whether {@code --help} was asked for */
    public static boolean wantsHelp(String... args) {
        return BenchOptions.wantsHelp(args);
    }

    /** @return whether this phase runs */
    public boolean runs(String phase) {
        return phases.contains(phase);
    }

    /** @return pushes a fixed-rate run at {@code rate} publishes */
    public int pushesAt(int rate) {
        return pushesFor(rate, rateDuration);
    }

    /** @return pushes the paced warm-up publishes (0 when there is none) */
    public int pacedWarmupPushes() {
        return warmupRate == 0 ? 0 : pushesFor(warmupRate, warmupDuration);
    }

    private static int pushesFor(int rate, Duration duration) {
        return (int) Math.max(1, rate * duration.toMillis() / 1000);
    }

    static int[] commitRange(String text) {
        String t = text.trim();
        int dash = t.indexOf('-');
        try {
            int min = Integer.parseInt((dash < 0 ? t : t.substring(0, dash)).trim());
            int max = dash < 0 ? min : Integer.parseInt(t.substring(dash + 1).trim());
            if (min < 1 || max < min || max > LISTED_COMMITS) {
                throw new IllegalArgumentException("--commits must be a range within 1-" + LISTED_COMMITS
                        + " (complete webhook lists), was '" + text + "'");
            }
            return new int[] { min, max };
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--commits is not a range like 1-3: '" + text + "'", e);
        }
    }

    static List<Integer> rates(String text) {
        return OptionSource.positiveIntList("rates", text);
    }

    static Set<String> phases(String text) {
        return OptionSource.choices("phase", text, PHASES);
    }
}

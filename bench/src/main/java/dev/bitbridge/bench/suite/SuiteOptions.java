package dev.bitbridge.bench.suite;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;

import dev.bitbridge.bench.BenchOptions;
import dev.bitbridge.bench.OptionSource;

/**
 * Everything an end-to-end run of the whole suite can vary. Each option is read from {@code --name=value} on the
 * command line, else from the system property {@code bench.name}, else its default; {@code --smoke} shortens every
 * phase to a few seconds.
 *
 * @param root the project root, whose launcher and packaged services run
 * @param home the suite's {@code BITBRIDGE_HOME} (created; its logs are kept there)
 * @param repositories repositories of the project {@code GAME} the pushes are spread over
 * @param branches branches per repository the pushes are spread over
 * @param deliveryThreads webhooks the Bitbucket simulator sends at once
 * @param warmupPushes pushes before the phases, not counted (0: none)
 * @param warmupRate their rate, pushes per second
 * @param rates the fixed rates of the phases, pushes per second, in the order they run
 * @param phaseDuration how long each phase pushes
 * @param deadline how long after a phase's last push a push may still reach Jenkins and its INPROGRESS status before
 *        it counts as a failure
 * @param sampleInterval how often resident memory is sampled
 * @param queueDelay how long a build waits in the Jenkins simulator's queue
 * @param buildDuration how long a build runs in the Jenkins simulator
 * @param serviceJavaOpts {@code BITBRIDGE_SERVICE_JAVA_OPTS} for the launcher, or {@code null} for its default
 * @param targetP99 the latency target: p99 webhook accepted → INPROGRESS posted at {@code targetRate}
 * @param targetRate the rate the latency target applies to
 * @param targetRssMb the memory target per service, in MB (10^6 bytes)
 * @param resultFile where the summary is written
 */
public record SuiteOptions(
        Path root,
        Path home,
        int repositories,
        int branches,
        int deliveryThreads,
        int warmupPushes,
        int warmupRate,
        List<Integer> rates,
        Duration phaseDuration,
        Duration deadline,
        Duration sampleInterval,
        Duration queueDelay,
        Duration buildDuration,
        String serviceJavaOpts,
        Duration targetP99,
        int targetRate,
        long targetRssMb,
        Path resultFile) {

    public static final String USAGE = """
            Usage: bench/run suite [--name=value ...]   (or -Dbench.name=value)

              --smoke                      a few seconds per phase instead of the defaults below
              --repositories=6 --branches=4   pushes go round robin over this many repositories of project GAME and
                                           branches of each (main, develop, feature/GAME-1, …)
              --delivery-threads=8         webhooks the Bitbucket simulator sends at once (Bitbucket sends from a
                                           pool; one thread could not offer 100/s to an ingress answering in 30 ms)
              --warmup-pushes=50 --warmup-rate=10   pushes first, not counted (0: none)
              --rates=10,100               fixed rates of the phases, pushes per second
              --phase-duration=30s         how long each phase pushes
              --deadline=60s               after a phase's last push, how long its pushes may still take to reach
                                           Jenkins and INPROGRESS before they count as failures
              --sample-interval=500ms      how often resident memory (VmRSS, Pss) of every process is read
              --queue-delay=100ms --build-duration=1s   the Jenkins simulator's queue wait and build time
              --service-java-opts="..."    BITBRIDGE_SERVICE_JAVA_OPTS of the launcher (default: the launcher's own,
                                           -Xms32m -Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1)
              --home=<root>/bench/target/suite-home-<time>   the suite's BITBRIDGE_HOME (logs are kept there)
              --target-p99=500ms --target-rate=100 --target-rss-mb=250   targets the summary checks
              --result-file=<root>/bench/target/suite-result.txt
              --root=<dir>                 the project root (default: the current directory, or its parent in bench/)
            Durations: 500ms, 15s, 2m, or plain seconds.
            """;

    private static final Set<String> FLAGS = Set.of("smoke", "help");
    private static final Set<String> NAMES = Set.of("smoke", "help", "root", "home", "repositories", "branches",
            "delivery-threads", "warmup-pushes", "warmup-rate", "rates", "phase-duration", "deadline",
            "sample-interval", "queue-delay", "build-duration", "service-java-opts", "target-p99", "target-rate",
            "target-rss-mb", "result-file");

    /**
     * @param args command-line arguments (without the leading {@code suite})
     * @return the options
     * @throws IllegalArgumentException on an unknown or malformed option
     */
    public static SuiteOptions parse(String... args) {
        OptionSource source = OptionSource.parse(args, NAMES, FLAGS, USAGE);
        boolean smoke = source.flag("smoke", "false");
        Path root = source.root();
        Path target = root.resolve("bench/target");
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        String javaOpts = source.get("service-java-opts", null);
        SuiteOptions options = new SuiteOptions(
                root,
                Path.of(source.get("home", target.resolve("suite-home-" + stamp).toString())).toAbsolutePath(),
                source.positiveInt("repositories", "6"),
                source.positiveInt("branches", "4"),
                source.positiveInt("delivery-threads", "8"),
                source.nonNegativeInt("warmup-pushes", smoke ? "10" : "50"),
                source.positiveInt("warmup-rate", "10"),
                source.positiveInts("rates", "10,100"),
                source.duration("phase-duration", smoke ? "4s" : "30s"),
                source.duration("deadline", smoke ? "30s" : "60s"),
                source.duration("sample-interval", "500ms"),
                source.duration("queue-delay", "100ms"),
                source.duration("build-duration", "1s"),
                javaOpts == null || javaOpts.isBlank() ? null : javaOpts.trim(),
                source.duration("target-p99", "500ms"),
                source.positiveInt("target-rate", "100"),
                source.positiveInt("target-rss-mb", "250"),
                Path.of(source.get("result-file", target.resolve("suite-result.txt").toString())));
        if (options.rates().isEmpty()) {
            throw new IllegalArgumentException("--rates needs at least one rate");
        }
        if (options.phaseDuration().isZero()) {
            throw new IllegalArgumentException("--phase-duration must be longer than 0");
        }
        if (options.sampleInterval().toMillis() < 50) {
            throw new IllegalArgumentException("--sample-interval must be at least 50ms");
        }
        return options;
    }

    /** @return whether {@code --help} was asked for */
    public static boolean wantsHelp(String... args) {
        return BenchOptions.wantsHelp(args);
    }

    /** @return the memory target per service in KiB, as {@code /proc} counts: {@code targetRssMb} × 10^6 bytes */
    public long targetRssKiB() {
        return targetRssMb * 1_000_000L / 1024;
    }
}

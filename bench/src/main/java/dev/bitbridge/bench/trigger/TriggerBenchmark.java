package dev.bitbridge.bench.trigger;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

import dev.bitbridge.bench.FixedRateSchedule;
import dev.bitbridge.bench.Harness;
import dev.bitbridge.bench.MachineInfo;
import dev.bitbridge.bench.connector.ConnectorMetrics;
import dev.bitbridge.bench.connector.KafkaProgress;
import dev.bitbridge.bench.connector.LoadAverage;
import dev.bitbridge.events.build.BuildRequest;
import dev.bitbridge.testkit.EmbeddedKafka;
import dev.bitbridge.testkit.EmbeddedPostgres;
import dev.bitbridge.testkit.ServiceJar;
import dev.bitbridge.testkit.jenkins.BuildView;
import dev.bitbridge.testkit.jenkins.JenkinsSimulator;

/**
 * One benchmark run of commit-analyzer and build-trigger: an in-process Kafka broker with Bitbridge's topics, an
 * embedded PostgreSQL with build-trigger's database, an in-process Jenkins simulator (instant: a queued build starts
 * and ends at once; no added latency) that timestamps every trigger POST as it arrives, and both packaged services as
 * child JVMs, configured through their APIs (the integration's Jenkins target, its analysis settings). Then
 * <ol>
 * <li>dispatch: build requests published as commit-analyzer writes them, all at once: Jenkins POSTs per second;</li>
 * <li>latency: pushes ({@code bitbridge.refs.v1}, a commit with {@code #ci}) at fixed rates through both services:
 * time from each event to its Jenkins POST;</li>
 * <li>tracking: builds that keep running, dispatched at once: Jenkins requests per running build per minute, in the
 * first minute and once every build's poll interval has grown to its maximum;</li>
 * </ol>
 * and a summary on stdout and in {@code bench/target/trigger-result.txt}. Exits non-zero only when the harness itself
 * fails; missed targets are results.
 */
public final class TriggerBenchmark {

    static final String DATABASE = "bitbridge_trigger";
    /** The Jenkins target's default job: every request of the dispatch and latency phases builds it. */
    static final String JOB = "bench";
    /** The job of the tracking phase, whose builds keep running. */
    static final String LONG_JOB = "bench-long";
    static final String JENKINS_USER = "bench";
    static final String JENKINS_TOKEN = "bench-api-token";
    /** Every parameter build-trigger sends for a push build; Jenkins keeps only the declared ones. */
    static final String[] PARAMETERS = { "BITBRIDGE_REQUEST_ID", "COMMIT", "REPOSITORY", "BRANCH", "TASK_KEYS",
            "REQUESTED_BY", "BUILD_REASON" };
    private static final Duration POLL = Duration.ofMillis(50);

    private final TriggerOptions options;
    private final List<String> notes = new ArrayList<>();
    private final TriggerLog log = new TriggerLog();
    private final WallClock clock = WallClock.now();
    private JenkinsSimulator jenkins;
    private BenchEvents events;
    private EventPublisher publisher;
    private RequestWatcher watcher;
    private TriggerDatabase database;
    private ServicesCpu cpu;
    private ConnectorMetrics analyzerMetrics;
    private ConnectorMetrics triggerMetrics;
    private long requestSeq;

    TriggerBenchmark(TriggerOptions options) {
        this.options = options;
    }

    public static void main(String[] args) {
        Harness.main(args, TriggerOptions::wantsHelp, TriggerOptions.USAGE,
                a -> new TriggerBenchmark(TriggerOptions.parse(a))::run);
    }

    void run() throws Exception {
        for (Path jar : List.of(options.analyzerJar(), options.triggerJar())) {
            if (!Files.isRegularFile(jar)) {
                throw new IllegalStateException("No service jar at " + jar + ". Build them first: ./mvnw -o -q "
                        + "package -pl platform,events,testkit,credentials,api,commit-analyzer,build-trigger,bench "
                        + "-DskipTests");
            }
        }
        MachineInfo machine = MachineInfo.current();
        LoadAverage loadAtStart = LoadAverage.now();
        log("machine: " + machine.describe() + "; " + machine.jvm() + "; " + loadAtStart.describe());

        // EmbeddedKafka and EmbeddedPostgres keep their data under java.io.tmpdir: a directory of this run's own.
        Path tmp = options.root().resolve("bench/target/trigger-tmp");
        Harness.deleteRecursively(tmp);
        Files.createDirectories(tmp);
        System.setProperty("java.io.tmpdir", tmp.toString());

        log("starting an in-process Kafka broker (testkit EmbeddedKafka, data in " + tmp + ")");
        String bootstrap = EmbeddedKafka.shared().bootstrapServers();
        try (KafkaProgress kafka = new KafkaProgress(bootstrap)) {
            kafka.createTopics();
        }
        log("starting PostgreSQL (testkit EmbeddedPostgres)");
        EmbeddedPostgres pg = EmbeddedPostgres.shared();
        String postgres = createDatabase(pg);
        String jdbcUrl = "jdbc:postgresql://localhost:" + pg.port() + "/" + DATABASE;
        log("PostgreSQL: " + postgres);

        // The JDK HTTP server under the simulator reads this once, when its first server starts.
        System.setProperty("sun.net.httpserver.nodelay", Boolean.toString(options.simulatorNoDelay()));
        jenkins = JenkinsSimulator.start();
        jenkins.addUser(JENKINS_USER, "bench-password").apiToken(JENKINS_USER, JENKINS_TOKEN);
        jenkins.createJob(JOB, PARAMETERS).createJob(LONG_JOB, PARAMETERS)
                .buildDuration(LONG_JOB, options.trackedBuildDuration());
        jenkins.onTrigger(log);
        log("Jenkins simulator at " + jenkins.url() + ": jobs " + JOB + " (instant) and " + LONG_JOB + " (builds run "
                + options.trackedBuildDuration().toSeconds() + " s)");

        ServiceSettings settings = ServiceSettings.of(bootstrap, jdbcUrl,
                "postgresql://localhost:" + pg.port() + "/" + DATABASE);
        log("starting build-trigger: " + options.triggerJar() + " (log: " + options.triggerLog() + ")");
        log("starting commit-analyzer: " + options.analyzerJar() + " (log: " + options.analyzerLog() + ")");
        long began = System.nanoTime();
        ServiceJar trigger = settings.trigger(options).start();
        ServiceJar analyzer = null;
        DispatchRun warmup = null;
        DispatchRun dispatch = null;
        LatencyRun pacedWarmup = null;
        List<LatencyRun> latencies = new ArrayList<>();
        TrackingRun tracking = null;
        try {
            analyzer = settings.analyzer(options).start();
            trigger.awaitReady(options.readyTimeout());
            double triggerReady = (System.nanoTime() - began) / 1e9;
            analyzer.awaitReady(options.readyTimeout());
            double analyzerReady = (System.nanoTime() - began) / 1e9;
            String services = String.format(Locale.ROOT, "child JVMs `java %s -jar %s` (ready after %.1f s, log %s) "
                    + "and `java %s -jar %s` (ready after %.1f s, log %s), started together",
                    String.join(" ", ServiceJar.jvmOptions(options.analyzerJvmArgs())), relative(options.analyzerJar()),
                    analyzerReady, relative(options.analyzerLog()),
                    String.join(" ", ServiceJar.jvmOptions(options.triggerJvmArgs())), relative(options.triggerJar()),
                    triggerReady, relative(options.triggerLog()));
            log("both services ready: build-trigger at " + trigger.publicUrl() + ", commit-analyzer at "
                    + analyzer.publicUrl());

            new AdminApi(trigger.publicUrl(), settings.triggerToken()).jenkinsTarget(BenchEvents.INTEGRATION,
                    jenkins.url(), JENKINS_USER, JENKINS_TOKEN, JOB);
            new AdminApi(analyzer.publicUrl(), settings.analyzerToken()).analysisSettings(BenchEvents.INTEGRATION,
                    "BENCH", JOB);
            log("Jenkins target of integration '" + BenchEvents.INTEGRATION + "' set on build-trigger (API token, "
                    + "default job " + JOB + "); analysis settings set on commit-analyzer (project BENCH, default job "
                    + JOB + ")");

            cpu = new ServicesCpu(analyzer.process().toHandle(), trigger.process().toHandle(),
                    tmp.resolve("pg-data-").toString());
            analyzerMetrics = new ConnectorMetrics(analyzer.managementUrl());
            triggerMetrics = new ConnectorMetrics(trigger.managementUrl());
            publisher = new EventPublisher(bootstrap);
            watcher = new RequestWatcher(bootstrap);
            database = new TriggerDatabase(jdbcUrl);
            events = new BenchEvents(options.repositories());

            if (options.runs("dispatch")) {
                if (options.warmupRequests() > 0) {
                    warmup = dispatch("warm-up", options.warmupRequests());
                    log(warmup.summary());
                }
                dispatch = dispatch("dispatch", options.requests());
                log(dispatch.summary());
            }
            if (options.runs("latency")) {
                if (options.warmupPushes() > 0) {
                    pacedWarmup = latency("paced warm-up", options.warmupRate(), options.warmupDuration());
                    log(pacedWarmup.summary());
                }
                for (int rate : options.rates()) {
                    LatencyRun run = latency("at " + rate + "/s", rate, options.rateDuration());
                    log(run.summary());
                    latencies.add(run);
                }
            }
            if (options.runs("tracking")) {
                tracking = tracking();
            }
            if (log.repeated() > 0) {
                notes.add(log.repeated() + " Jenkins POST(s) named a commit that had been POSTed before: a build "
                        + "dispatched twice");
            }
            if (log.refused() > 0) {
                notes.add(log.refused() + " Jenkins POST(s) were refused; the last: " + log.lastRefused());
            }
            TriggerReport report = new TriggerReport(options, machine, loadAtStart, LoadAverage.now(),
                    "in-process single-node KRaft broker (testkit EmbeddedKafka) at " + bootstrap, postgres,
                    "in-process simulator (testkit JenkinsSimulator) at " + jenkins.url() + ", instant (no quiet "
                            + "period, queue delay or build time for " + JOB + "), API token (no crumb), TCP_NODELAY "
                            + (options.simulatorNoDelay() ? "on" : "off"),
                    services, warmup, dispatch, pacedWarmup, latencies, tracking, database.states(), notes);
            String text = report.render();
            Harness.summary(text);
            Harness.write(options.resultFile(), text);
        } finally {
            Harness.closeQuietly(watcher);
            Harness.closeQuietly(publisher);
            if (analyzer != null) {
                analyzer.close();
            }
            trigger.close();
            jenkins.close();
            EmbeddedKafka.shared().stop();
        }
    }

    /** Dispatch phase: {@code count} build requests published at once; POSTs per second. */
    private DispatchRun dispatch(String name, int count) throws InterruptedException {
        awaitIdle("before " + name);
        log(name + ": " + count + " build requests published at once");
        List<BuildRequest> requests = new ArrayList<>();
        List<String> commits = new ArrayList<>();
        long at = System.currentTimeMillis();
        for (int i = 0; i < count; i++) {
            String commit = events.nextCommit();
            commits.add(commit);
            requests.add(events.request(requestSeq++, commit, null, BenchEvents.at(at)));
        }
        Before before = before();
        long sinceMillis = System.currentTimeMillis();
        Map<String, Long> publishedNanos = new LinkedHashMap<>();
        Map<String, Long> publishedMillis = new LinkedHashMap<>();
        long start = System.nanoTime();
        for (BuildRequest request : requests) {
            long now = System.currentTimeMillis();
            publishedNanos.put(request.commit(), System.nanoTime());
            publishedMillis.put(request.commit(), now);
            publisher.request(request, now);
        }
        publisher.flush();
        double publishSeconds = (System.nanoTime() - start) / 1e9;
        boolean all = awaitPosts(commits);
        ServicesCpu.Use used = cpu.since(before.cpu());
        if (!all) {
            notes.add(String.format(Locale.ROOT, "%s: %d of %d requests had no POST within %s", name,
                    count - log.count(commits), count, options.drainTimeout()));
        }
        double finalSeconds = awaitIdle("after " + name) ? (System.nanoTime() - start) / 1e9 : Double.NaN;
        ServiceCounters counters = after(name, before);
        Map<String, TriggerDatabase.Stamps> stamps = database.stampsSince(sinceMillis);
        PushLatency stages = new PushLatency(clock);
        publishedNanos.forEach((commit, nanos) -> stages.add(nanos, log.arrival(commit), publishedMillis.get(commit),
                stamps.get(commit)));
        long[] stored = commits.stream().map(stamps::get).filter(Objects::nonNull)
                .mapToLong(st -> clock.nanoTime(st.storedMillis())).toArray();
        long[] claimed = commits.stream().map(stamps::get).filter(st -> st != null && st.claimedMillis() != null)
                .mapToLong(TriggerDatabase.Stamps::claimedMillis).toArray();
        return new DispatchRun(name, count, publishSeconds, DispatchRate.of(start, log.arrivals(commits)),
                DispatchRate.of(start, stored), List.of(stages.stages()), DispatchPasses.of(claimed), finalSeconds,
                database.states(), used,
                counters, before.load(), LoadAverage.now());
    }

    /**
     * Latency phase: pushes at {@code rate}, push {@code i} published at {@code start + i / rate} and stamped with that
     * intended time, so a stall of the sender counts as latency.
     */
    private LatencyRun latency(String name, int rate, Duration duration) throws InterruptedException {
        awaitIdle("before " + name);
        FixedRateSchedule schedule = new FixedRateSchedule(System.nanoTime() + 200_000_000L, rate, duration);
        int count = (int) schedule.count();
        log(String.format(Locale.ROOT, "%s: %d pushes at %d/s", name, count, rate));
        List<BenchEvents.Push> pushes = new ArrayList<>();
        Map<String, Long> intended = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            long due = schedule.intendedNanos(i);
            BenchEvents.Push push = events.push(BenchEvents.at(clock.millis(due)));
            pushes.add(push);
            intended.put(push.commit(), due);
        }
        Before before = before();
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            long due = schedule.intendedNanos(i);
            long left;
            while ((left = due - System.nanoTime()) > 0) {
                LockSupport.parkNanos(left);
            }
            BenchEvents.Push push = pushes.get(i);
            publisher.refChange(push.event(), push.id(), clock.millis(due));
        }
        publisher.flush();
        double publishSeconds = (System.nanoTime() - start) / 1e9;
        boolean all = awaitPosts(intended.keySet());
        ServicesCpu.Use used = cpu.since(before.cpu());
        if (!all) {
            notes.add(String.format(Locale.ROOT, "%s: %d of %d pushes had no POST within %s", name,
                    count - log.count(intended.keySet()), count, options.drainTimeout()));
        }
        // the request watcher reads the build requests shortly after build-trigger did
        awaitUntil(Duration.ofSeconds(5), () -> intended.keySet().stream().allMatch(c -> watcher.requestMillis(c) != null));
        Map<String, TriggerDatabase.Stamps> stamps = database.stampsSince(clock.millis(schedule.intendedNanos(0))
                - 1000);
        PushLatency latency = new PushLatency(clock);
        intended.forEach((commit, due) -> latency.add(due, log.arrival(commit), watcher.requestMillis(commit),
                stamps.get(commit)));
        ServiceCounters counters = after(name, before);
        return LatencyRun.of(name, rate, count, publishSeconds, latency, used, counters, before.load(),
                LoadAverage.now());
    }

    /** Tracking phase: builds that keep running, dispatched at once; requests per running build per minute. */
    private TrackingRun tracking() throws InterruptedException {
        awaitIdle("before tracking");
        int count = options.trackedBuilds();
        log(String.format(Locale.ROOT, "tracking: %d build requests for %s (builds run %d s), published at once",
                count, LONG_JOB, options.trackedBuildDuration().toSeconds()));
        List<String> commits = new ArrayList<>();
        List<BuildRequest> requests = new ArrayList<>();
        long at = System.currentTimeMillis();
        for (int i = 0; i < count; i++) {
            String commit = events.nextCommit();
            commits.add(commit);
            requests.add(events.request(requestSeq++, commit, LONG_JOB, BenchEvents.at(at)));
        }
        jenkins.clearRequests();
        for (BuildRequest request : requests) {
            publisher.request(request, System.currentTimeMillis());
        }
        publisher.flush();
        if (!awaitPosts(commits)) {
            notes.add(String.format(Locale.ROOT, "tracking: %d of %d requests had no POST within %s",
                    count - log.count(commits), count, options.drainTimeout()));
        }
        long[] arrivals = log.arrivals(commits);
        if (arrivals.length == 0) {
            throw new IllegalStateException("No tracked build was POSTed within " + options.drainTimeout()
                    + "; see " + options.triggerLog());
        }
        long first = Arrays.stream(arrivals).min().orElseThrow();
        long lastPost = Arrays.stream(arrivals).max().orElseThrow();
        // The windows begin once the harness saw every POST answered (so none of them counts as tracking), a few ms
        // after the last POST arrived.
        long last = System.nanoTime();
        double[] dispatchedAt = new double[arrivals.length];
        for (int i = 0; i < arrivals.length; i++) {
            dispatchedAt[i] = (arrivals[i] - last) / 1e9;
        }
        log(String.format(Locale.ROOT, "tracking: %d POSTs in %.1f s; counting the first %d s, then %d s from +%d s",
                arrivals.length, (lastPost - first) / 1e9, options.firstWindow().toSeconds(),
                options.trackingWindow().toSeconds(), options.trackingSettle().toSeconds()));
        List<TrackingWindow> windows = new ArrayList<>();
        windows.add(window("first minute", last, Duration.ZERO, options.firstWindow(), arrivals.length, dispatchedAt));
        windows.add(window("steady", last, options.trackingSettle(), options.trackingWindow(), arrivals.length,
                dispatchedAt));
        long building = jenkins.builds(LONG_JOB).stream().filter(BuildView::building).count();
        long inProgress = database.states().getOrDefault("INPROGRESS", 0L);
        if (building != count || inProgress != count) {
            notes.add(String.format(Locale.ROOT, "tracking: after the windows %d of %d builds ran in the simulator "
                    + "and build-trigger had %d INPROGRESS", building, count, inProgress));
        }
        return new TrackingRun(count, arrivals.length, (lastPost - first) / 1e9, options.trackedBuildDuration(), windows,
                building, inProgress);
    }

    /** Counts the requests of one window, {@code offset} after the last tracked POST, once it has passed. */
    private TrackingWindow window(String name, long lastPostNanos, Duration offset, Duration length, int builds,
            double[] dispatchedAt) throws InterruptedException {
        long startNanos = lastPostNanos + offset.toNanos();
        long endNanos = startNanos + length.toNanos();
        sleepUntil(startNanos);
        ServicesCpu.Snapshot before = cpu.snapshot();
        sleepUntil(endNanos);
        ServicesCpu.Use used = cpu.since(before);
        Thread.sleep(500); // requests in flight at the end are logged when answered; they are counted by arrival
        Instant from = Instant.ofEpochMilli(clock.millis(startNanos));
        Instant to = Instant.ofEpochMilli(clock.millis(endNanos));
        RequestMix mix = RequestMix.of(jenkins.requests(), from, to);
        long expected = PollSchedule.DEFAULTS.between(dispatchedAt, offset.toMillis() / 1000.0,
                offset.plus(length).toMillis() / 1000.0);
        TrackingWindow window = new TrackingWindow(name, offset.toMillis() / 1000.0, length.toMillis() / 1000.0,
                builds, mix, expected, used.trigger());
        log(window.summary());
        return window;
    }

    /** What a run compares its end with. */
    private record Before(ServicesCpu.Snapshot cpu, String analyzerMetrics, String triggerMetrics, LoadAverage load) {
    }

    private Before before() {
        return new Before(cpu.snapshot(), analyzerMetrics.scrape(), triggerMetrics.scrape(), LoadAverage.now());
    }

    private ServiceCounters after(String run, Before before) {
        String analyzerAfter = analyzerMetrics.scrape();
        String triggerAfter = triggerMetrics.scrape();
        keep(run, "commit-analyzer", before.analyzerMetrics(), analyzerAfter);
        keep(run, "build-trigger", before.triggerMetrics(), triggerAfter);
        return ServiceCounters.between(ConnectorMetrics.parse(before.analyzerMetrics()),
                ConnectorMetrics.parse(analyzerAfter), ConnectorMetrics.parse(before.triggerMetrics()),
                ConnectorMetrics.parse(triggerAfter));
    }

    /** Keeps a service's metrics before and after a run next to the summary. */
    private void keep(String run, String service, String before, String after) {
        Path dir = options.resultFile().toAbsolutePath().getParent().resolve("trigger-metrics");
        String file = run.replaceAll("[^A-Za-z0-9]+", "-") + "-" + service;
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(file + "-before.prom"), before);
            Files.writeString(dir.resolve(file + "-after.prom"), after);
        } catch (IOException e) {
            log("could not keep the metrics of " + run + ": " + e);
        }
    }

    /** @return whether every commit was POSTed within the drain timeout */
    private boolean awaitPosts(Collection<String> commits) throws InterruptedException {
        return awaitUntil(options.drainTimeout(), () -> log.count(commits) == commits.size());
    }

    /** Waits until build-trigger has no build left to act on. @return whether it came to that */
    private boolean awaitIdle(String when) throws InterruptedException {
        long deadline = System.nanoTime() + options.drainTimeout().toNanos();
        while (true) {
            Map<String, Long> states = database.states();
            long active = TriggerDatabase.active(states);
            if (active == 0) {
                return true;
            }
            if (System.nanoTime() > deadline) {
                notes.add("build-trigger still had " + active + " builds to act on " + when + ": " + states);
                return false;
            }
            Thread.sleep(50);
        }
    }

    private static boolean awaitUntil(Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(POLL.toMillis());
        }
        return true;
    }

    private static void sleepUntil(long nanoTime) throws InterruptedException {
        long left;
        while ((left = nanoTime - System.nanoTime()) > 0) {
            Thread.sleep(Math.max(1, Math.min(1000, left / 1_000_000)));
        }
    }

    /** Creates build-trigger's database; @return what the run's PostgreSQL is */
    private static String createDatabase(EmbeddedPostgres pg) throws SQLException {
        try (Connection c = DriverManager.getConnection(pg.jdbcUrl(), pg.username(), "postgres");
                Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + DATABASE);
            return String.format(Locale.ROOT, "embedded PostgreSQL %s (testkit EmbeddedPostgres, zonky) at "
                    + "localhost:%d, database %s; fsync=%s, synchronous_commit=%s, shared_buffers=%s",
                    show(s, "server_version"), pg.port(), DATABASE, show(s, "fsync"), show(s, "synchronous_commit"),
                    show(s, "shared_buffers"));
        }
    }

    private static String show(Statement s, String setting) throws SQLException {
        try (ResultSet r = s.executeQuery("SHOW " + setting)) {
            return r.next() ? r.getString(1) : "?";
        }
    }

    private String relative(Path path) {
        return options.root().relativize(path.toAbsolutePath().normalize()).toString();
    }

    static void log(String message) {
        Harness.log(message);
    }
}

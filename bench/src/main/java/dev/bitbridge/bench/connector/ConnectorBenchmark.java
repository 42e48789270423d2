package dev.bitbridge.bench.connector;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;

import dev.bitbridge.bench.Harness;
import dev.bitbridge.bench.LatencyStats;
import dev.bitbridge.bench.MachineInfo;
import dev.bitbridge.events.Topics;
import dev.bitbridge.testkit.EmbeddedKafka;
import dev.bitbridge.testkit.EmbeddedPostgres;
import dev.bitbridge.testkit.ServiceJar;
import dev.bitbridge.testkit.bitbucket.Account;
import dev.bitbridge.testkit.bitbucket.BitbucketSimulator;
import dev.bitbridge.testkit.bitbucket.Delivery;
import dev.bitbridge.testkit.bitbucket.NewCommit;
import dev.bitbridge.testkit.bitbucket.RepoRef;

/**
 * One benchmark run of the Bitbucket connector's enrichment: an in-process Kafka broker with Bitbridge's topics, an
 * embedded PostgreSQL, an in-process Bitbucket Cloud simulator (answers at once: no network, no rate limit) and the
 * packaged connector as a child JVM, with an integration (API token) and connected repositories made through the
 * connector's API. Raw webhooks are the simulator's deliveries, published to {@code bitbridge.webhooks.v1} as the
 * ingress would. Then
 * <ol>
 * <li>phase A: the Bitbucket calls each kind of raw event costs (the simulator's request log per scenario),</li>
 * <li>phase B: enriched push events per second when pushes arrive faster than they are handled, and the latency from
 * raw record to ref record at fixed rates,</li>
 * </ol>
 * and a summary on stdout and in {@code bench/target/connector-result.txt}. Exits non-zero only when the harness itself
 * fails; missed targets are results.
 */
public final class ConnectorBenchmark {

    static final String INTEGRATION = "bench";
    static final String WORKSPACE = "bench-ws";
    static final String[] SCOPES = { "read:user:bitbucket", "read:repository:bitbucket", "read:pullrequest:bitbucket",
            "read:webhook:bitbucket", "write:webhook:bitbucket", "delete:webhook:bitbucket" };
    static final String DATABASE = "bitbridge_connector";
    private static final Duration POLL = Duration.ofMillis(20);

    private final ConnectorOptions options;
    private final List<String> notes = new ArrayList<>();
    private BitbucketSimulator simulator;
    private Account author;
    private RawPublisher publisher;
    private OutputCollector outputs;
    private KafkaProgress kafka;
    private ProcessCpu cpu;
    private ConnectorMetrics metrics;
    private int commitSeq;

    ConnectorBenchmark(ConnectorOptions options) {
        this.options = options;
    }

    public static void main(String[] args) {
        Harness.main(args, ConnectorOptions::wantsHelp, ConnectorOptions.USAGE,
                a -> new ConnectorBenchmark(ConnectorOptions.parse(a))::run);
    }

    void run() throws Exception {
        if (!Files.isRegularFile(options.connectorJar())) {
            throw new IllegalStateException("No connector jar at " + options.connectorJar() + ". Build it first: "
                    + "./mvnw -q -B package -DskipTests -pl events,testkit,credentials,bitbucket-connector");
        }
        MachineInfo machine = MachineInfo.current();
        LoadAverage loadAtStart = LoadAverage.now();
        log("machine: " + machine.describe() + "; " + machine.jvm() + "; " + loadAtStart.describe());

        // EmbeddedKafka and EmbeddedPostgres keep their data under java.io.tmpdir: a directory of this run's own.
        Path tmp = options.root().resolve("bench/target/connector-tmp");
        Harness.deleteRecursively(tmp);
        Files.createDirectories(tmp);
        System.setProperty("java.io.tmpdir", tmp.toString());

        log("starting an in-process Kafka broker (testkit EmbeddedKafka, data in " + tmp + ")");
        String bootstrap = EmbeddedKafka.shared().bootstrapServers();
        kafka = new KafkaProgress(bootstrap);
        kafka.createTopics();

        log("starting PostgreSQL (testkit EmbeddedPostgres)");
        EmbeddedPostgres pg = EmbeddedPostgres.shared();
        String postgres = createDatabase(pg);
        log("PostgreSQL: " + postgres);

        // The JDK HTTP server under the simulator reads this once, when its first server starts.
        System.setProperty("sun.net.httpserver.nodelay", Boolean.toString(options.simulatorNoDelay()));
        simulator = BitbucketSimulator.cloud();
        String oauth = simulator.tokenUrl().substring(0, simulator.tokenUrl().lastIndexOf('/'));
        ConnectorSettings settings = ConnectorSettings.of(bootstrap,
                "jdbc:postgresql://localhost:" + pg.port() + "/" + DATABASE,
                "postgresql://localhost:" + pg.port() + "/" + DATABASE, simulator.baseUrl(), oauth);

        log("starting the connector: " + options.connectorJar() + " (log: " + options.connectorLog() + ")");
        long began = System.nanoTime();
        ServiceJar connector = settings.builder(options).start();
        List<ScenarioResult> scenarios = new ArrayList<>();
        List<LoadRun> runs = new ArrayList<>();
        LatencyStats probe = null;
        LoadRun warmup = null;
        try {
            connector.awaitReady(options.readyTimeout());
            double readySeconds = (System.nanoTime() - began) / 1e9;
            String connectorDescription = String.format(Locale.ROOT,
                    "child JVM `java %s -jar %s` (ready in %.1f s, log %s)",
                    String.join(" ", ConnectorSettings.jvmArgs(options)),
                    options.root().relativize(options.connectorJar().toAbsolutePath().normalize()), readySeconds,
                    options.root().relativize(options.connectorLog().toAbsolutePath().normalize()));
            log("connector ready at " + connector.publicUrl() + " (management " + connector.managementUrl() + ")");
            cpu = new ProcessCpu(connector.process().toHandle(), tmp.resolve("pg-data-").toString());
            publisher = new RawPublisher(bootstrap);
            metrics = new ConnectorMetrics(connector.managementUrl());
            outputs = new OutputCollector(bootstrap);

            ConnectorApi api = new ConnectorApi(connector.publicUrl(), settings.adminToken());
            author = simulator.addAccount("Bench Author", "bench@example.com");
            simulator.credentials().apiToken(author, "bench-token", SCOPES);
            RepoRef calls = simulator.createRepository(WORKSPACE, "calls");
            List<RepoRef> load = new ArrayList<>();
            for (int i = 0; i < options.repositories(); i++) {
                load.add(simulator.createRepository(WORKSPACE, String.format(Locale.ROOT, "load-%02d", i)));
            }
            api.createIntegration(INTEGRATION, WORKSPACE, author.email(), "bench-token");
            api.connect(INTEGRATION, calls.fullName());
            for (RepoRef repo : load) {
                api.connect(INTEGRATION, repo.fullName());
            }
            log("integration '" + INTEGRATION + "' with " + (load.size() + 1) + " connected repositories");

            if (options.runs("calls")) {
                scenarios = callsPerEvent(calls);
            }
            if (options.runs("throughput") || options.runs("latency")) {
                log("phase B: seeding " + load.size() + " repositories (one commit each on main)");
                List<RawDelivery> seeds = deliveriesOf(() -> load.forEach(r -> simulator.push(r, "main",
                        commit("seed " + r.slug()))));
                publishAndAwait(seeds);
                RepoRef first = load.get(0);
                probe = SimulatorProbe.diffstat(simulator.baseUrl(), first.fullName(), simulator.head(first, "main"),
                        author.email(), "bench-token", 200);
                log("the simulator answers a diffstat in " + probe.describe());
                if (options.warmupPushes() > 0) {
                    warmup = saturating("warm-up", pushes(load, options.warmupPushes()));
                    log(warmup.summary());
                }
                if (options.pacedWarmupPushes() > 0) {
                    LoadRun paced = fixedRate("paced warm-up", options.warmupRate(),
                            pushes(load, options.pacedWarmupPushes()));
                    log(paced.summary());
                    notes.add("Paced warm-up (not counted): " + paced.summary());
                }
                if (options.runs("throughput")) {
                    LoadRun run = saturating("saturating", pushes(load, options.pushes()));
                    log(run.summary());
                    runs.add(run);
                }
                if (options.runs("latency")) {
                    for (int rate : options.rates()) {
                        LoadRun run = fixedRate("at " + rate + "/s", rate, pushes(load, options.pushesAt(rate)));
                        log(run.summary());
                        runs.add(run);
                    }
                }
            }
            ConnectorReport report = new ConnectorReport(options, machine, loadAtStart, LoadAverage.now(),
                    "in-process single-node KRaft broker (testkit EmbeddedKafka) at " + bootstrap, postgres,
                    "in-process Cloud simulator (testkit BitbucketSimulator) at " + simulator.baseUrl()
                            + ", no rate limit, TCP_NODELAY " + (options.simulatorNoDelay() ? "on" : "off")
                            + (probe == null ? ""
                                    : "; one diffstat over a keep-alive connection: p50 "
                                            + LatencyStats.ms(probe.p50Micros()) + ", p99 " + LatencyStats.ms(probe.p99Micros())
                                            + " (" + probe.count() + " requests from the harness)"),
                    connectorDescription, scenarios, warmup, runs, notes);
            String text = report.render();
            Harness.summary(text);
            Harness.write(options.resultFile(), text);
        } finally {
            Harness.closeQuietly(outputs);
            Harness.closeQuietly(publisher);
            connector.close();
            Harness.closeQuietly(kafka);
            if (simulator != null) {
                simulator.close();
            }
            EmbeddedKafka.shared().stop();
        }
    }

    /** Phase A: each scenario's raw events alone, and the Bitbucket requests made until their outputs committed. */
    private List<ScenarioResult> callsPerEvent(RepoRef repo) throws InterruptedException {
        log("phase A: Bitbucket calls per raw event, repository " + repo.fullName());
        List<ScenarioResult> results = new ArrayList<>();
        results.add(scenario("first push of a new repository: 1 commit (branch created, whole history listed)", 1,
                () -> simulator.push(repo, "main", commit("base"))));
        results.add(scenario("push of 1 commit", 1, () -> simulator.push(repo, "main", commits("one", 1))));
        results.add(scenario("push of 5 commits (list complete)", 5,
                () -> simulator.push(repo, "main", commits("five", 5))));
        results.add(scenario("push of 50 commits (list truncated at 5)", 50,
                () -> simulator.push(repo, "main", commits("fifty", 50))));
        results.add(scenario("new branch with 7 new commits (list truncated, no listed commit known)", 7,
                () -> simulator.newPush(repo, author).branch("feature/big", commits("big", 7)).send()));
        results.add(scenario("new branch at an existing commit", 0,
                () -> simulator.newPush(repo, author).newBranch("release/1.0", "main").send()));
        results.add(scenario("pull request opened over the 7 pushed commits", 0,
                () -> simulator.openPullRequest(repo, "feature/big", repo, "main", author, "Big feature")));
        results.add(scenario("main fast-forwarded over the 7 commits seen on another branch (list truncated)", 0,
                () -> simulator.newPush(repo, author).newBranch("main", "feature/big").send()));
        results.add(scenario("new branch with 3 new commits (list reaches a known commit)", 3,
                () -> simulator.newPush(repo, author).branch("topic", commits("topic", 3)).send()));
        results.add(scenario("main fast-forwarded over the 3 commits seen on another branch (list complete)", 0,
                () -> simulator.newPush(repo, author).newBranch("main", "topic").send()));
        return results;
    }

    private ScenarioResult scenario(String name, int expectedNew, Runnable action) throws InterruptedException {
        List<RawDelivery> raws = deliveriesOf(action);
        simulator.clearRequests();
        long began = System.nanoTime();
        publishAndAwait(raws);
        long millis = (System.nanoTime() - began) / 1_000_000;
        CallTally calls = CallTally.of(simulator.requests());
        long commits = 0;
        long refs = 0;
        long pullRequests = 0;
        for (RawDelivery raw : raws) {
            EventOutputs out = outputs.of(raw.eventId());
            commits += out.commits();
            refs += out.refs();
            pullRequests += out.pullRequests();
            if (out.deadLetters() > 0) {
                notes.add("phase A '" + name + "': raw event " + raw.eventId() + " (" + raw.eventKey()
                        + ") was dead-lettered; see the connector log");
            }
        }
        ScenarioResult result = new ScenarioResult(name, raws.size(), expectedNew, commits, refs, pullRequests, calls,
                millis);
        log(String.format(Locale.ROOT, "  %s: %d raw event(s) %s, %d new commit(s) published, %d Bitbucket call(s)"
                + " (%d diffstat, %d commits, %d refs/branches, %d pull-request); %d ms", name, raws.size(),
                raws.stream().map(RawDelivery::eventKey).distinct().toList(), commits, calls.total(),
                calls.get(CallKind.FILES), calls.get(CallKind.COMMITS), calls.get(CallKind.BRANCHES),
                calls.get(CallKind.PR_COMMITS) + calls.get(CallKind.PR_FILES) + calls.get(CallKind.PR_FILES_REDIRECTED)
                        + calls.get(CallKind.PULL_REQUEST),
                millis));
        return result;
    }

    /** Publishes raw records one by one and waits until the connector committed past them and they can be read. */
    private void publishAndAwait(List<RawDelivery> raws) throws InterruptedException {
        Map<TopicPartition, Long> last = new HashMap<>();
        for (RawDelivery raw : raws) {
            RecordMetadata at = get(publisher.publish(raw, System.currentTimeMillis()));
            last.merge(new TopicPartition(at.topic(), at.partition()), at.offset(), Math::max);
        }
        awaitUntil("the connector to commit past " + raws.size() + " raw record(s)", Duration.ofSeconds(60),
                () -> KafkaProgress.handled(last, kafka.committed()));
        Map<TopicPartition, Long> ends = kafka.ends(OutputCollector.TOPICS, IsolationLevel.READ_COMMITTED);
        awaitUntil("the outputs to be read back", Duration.ofSeconds(30), () -> outputs.readUpTo(ends));
    }

    /** Publishes every push as fast as the producer takes them, each stamped with the time it was sent. */
    private LoadRun saturating(String name, List<RawDelivery> raws) throws InterruptedException {
        log(name + ": " + raws.size() + " pushes published as fast as possible");
        return measure(name, 0, raws, () -> {
            Map<String, Long> stamps = new LinkedHashMap<>();
            for (RawDelivery raw : raws) {
                long now = System.currentTimeMillis();
                publisher.publish(raw, now);
                stamps.put(raw.eventId(), now);
            }
            publisher.flush();
            return stamps;
        });
    }

    /**
     * Publishes push {@code i} at {@code start + i / rate}, stamped with that intended time: a stall of the sender is
     * counted as latency, not hidden.
     */
    private LoadRun fixedRate(String name, int rate, List<RawDelivery> raws) throws InterruptedException {
        log(String.format(Locale.ROOT, "%s: %d pushes at %d/s", name, raws.size(), rate));
        return measure(name, rate, raws, () -> {
            Map<String, Long> stamps = new LinkedHashMap<>();
            long startNanos = System.nanoTime() + 50_000_000L;
            long startMillis = System.currentTimeMillis() + 50;
            for (int i = 0; i < raws.size(); i++) {
                long offset = i * 1_000_000_000L / rate;
                long due = startNanos + offset;
                long left;
                while ((left = due - System.nanoTime()) > 0) {
                    LockSupport.parkNanos(left);
                }
                long stamp = startMillis + offset / 1_000_000L;
                publisher.publish(raws.get(i), stamp);
                stamps.put(raws.get(i).eventId(), stamp);
            }
            publisher.flush();
            return stamps;
        });
    }

    private LoadRun measure(String name, int rate, List<RawDelivery> raws, Supplier<Map<String, Long>> publish)
            throws InterruptedException {
        simulator.clearRequests();
        LoadAverage loadBefore = LoadAverage.now();
        long refsRecordsBefore = countRefs();
        long refsMarksBefore = kafka.highWatermarks(Topics.REFS_V1);
        String metricsBefore = metrics.scrape();
        ProcessCpu.Snapshot before = cpu.snapshot();
        long began = System.nanoTime();
        Map<String, Long> stamps = publish.get();
        double publishSeconds = (System.nanoTime() - began) / 1e9;
        long deadline = System.nanoTime() + options.drainTimeout().toNanos();
        int done = 0;
        while (System.nanoTime() < deadline) {
            done = (int) stamps.keySet().stream().filter(id -> outputs.of(id).any()).count();
            if (done == stamps.size()) {
                break;
            }
            Thread.sleep(POLL.toMillis());
        }
        CpuUse used = cpu.since(before);
        String metricsAfter = metrics.scrape();
        keep(name, metricsBefore, metricsAfter);
        ProcessCpu.Memory memory = cpu.connectorMemory();
        LoadAverage loadAfter = LoadAverage.now();
        if (done < stamps.size()) {
            notes.add(String.format(Locale.ROOT, "%s: %d of %d pushes had no output within %s of the end of "
                    + "publishing", name, stamps.size() - done, stamps.size(), options.drainTimeout()));
        }
        CallTally calls = CallTally.of(simulator.requests());
        LatencyMatch latency = LatencyMatch.of(stamps, outputs::of);
        long first = stamps.values().stream().mapToLong(Long::longValue).min().orElse(0);
        long[] outputTimes = stamps.keySet().stream().map(outputs::of).filter(o -> o.refs() > 0)
                .mapToLong(EventOutputs::refCreateMillis).toArray();
        long commits = stamps.keySet().stream().mapToLong(id -> outputs.of(id).commits()).sum();
        long deadLetters = stamps.keySet().stream().mapToLong(id -> outputs.of(id).deadLetters()).sum();
        if (deadLetters > 0) {
            notes.add(name + ": " + deadLetters + " raw event(s) were dead-lettered; see the connector log");
        }
        Map<TopicPartition, Long> ends = kafka.ends(OutputCollector.TOPICS, IsolationLevel.READ_COMMITTED);
        awaitUntil("the outputs to be read back", Duration.ofSeconds(30), () -> outputs.readUpTo(ends));
        long refsRecords = countRefs() - refsRecordsBefore;
        long refsMarks = kafka.highWatermarks(Topics.REFS_V1) - refsMarksBefore - refsRecords;
        return new LoadRun(name, rate, stamps.size(), commits, publishSeconds,
                Throughput.of(first, outputTimes), latency.created(), latency.visible(), latency.matched(),
                latency.missing(), calls, used, memory, loadBefore, loadAfter,
                ConnectorCounters.between(ConnectorMetrics.parse(metricsBefore), ConnectorMetrics.parse(metricsAfter)),
                refsMarks);
    }

    /** Keeps the connector's metrics before and after a run next to the summary. */
    private void keep(String run, String before, String after) {
        Path dir = options.resultFile().toAbsolutePath().getParent().resolve("connector-metrics");
        String file = run.replaceAll("[^A-Za-z0-9]+", "-");
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(file + "-before.prom"), before);
            Files.writeString(dir.resolve(file + "-after.prom"), after);
        } catch (IOException e) {
            log("could not keep the metrics of " + run + ": " + e);
        }
    }

    private long countRefs() {
        return outputs.records(Topics.REFS_V1);
    }

    /** @return {@code count} pushes to main of 1–3 (options) new commits each, over the repositories in turn */
    private List<RawDelivery> pushes(List<RepoRef> repos, int count) throws InterruptedException {
        Random random = new Random(options.seed() + commitSeq);
        long began = System.nanoTime();
        List<RawDelivery> raws = deliveriesOf(() -> {
            for (int i = 0; i < count; i++) {
                int n = options.minCommits() + random.nextInt(options.maxCommits() - options.minCommits() + 1);
                simulator.push(repos.get(i % repos.size()), "main", commits("load", n));
            }
        });
        log(String.format(Locale.ROOT, "  prepared %d pushes in the simulator (%.1f s)", raws.size(),
                (System.nanoTime() - began) / 1e9));
        if (raws.size() != count) {
            throw new IllegalStateException("The simulator delivered " + raws.size() + " webhooks for " + count
                    + " pushes");
        }
        return raws;
    }

    /** @return the first delivery attempts the action caused, in order */
    private List<RawDelivery> deliveriesOf(Runnable action) throws InterruptedException {
        simulator.awaitDeliveries(Duration.ofSeconds(60));
        int before = simulator.deliveries().size();
        action.run();
        if (!simulator.awaitDeliveries(Duration.ofSeconds(120))) {
            throw new IllegalStateException("The simulator did not deliver within 120 s");
        }
        List<Delivery> all = simulator.deliveries();
        return all.subList(before, all.size()).stream().filter(d -> d.attempt() == 1).map(RawDelivery::of).toList();
    }

    private NewCommit commit(String message) {
        int n = ++commitSeq;
        return NewCommit.by(author, message + " #" + n).adds("files/" + n + ".txt", 2);
    }

    private NewCommit[] commits(String message, int count) {
        NewCommit[] out = new NewCommit[count];
        for (int i = 0; i < count; i++) {
            out[i] = commit(message + " " + (i + 1) + "/" + count);
        }
        return out;
    }

    /** Creates the connector's database; @return what the run's PostgreSQL is */
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

    private static void awaitUntil(String what, Duration timeout, Supplier<Boolean> condition)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.get()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Timed out after " + timeout.toSeconds() + " s waiting for " + what);
            }
            Thread.sleep(POLL.toMillis());
        }
    }

    private static RecordMetadata get(Future<RecordMetadata> sent) throws InterruptedException {
        try {
            return sent.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("Kafka refused a raw webhook", e.getCause());
        }
    }

    static void log(String message) {
        Harness.log(message);
    }
}

package dev.bitbridge.bench.suite;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.bitbridge.bench.FixedRateSchedule;
import dev.bitbridge.bench.Harness;
import dev.bitbridge.bench.MachineInfo;
import dev.bitbridge.bench.connector.LoadAverage;
import dev.bitbridge.bench.trigger.TriggerLog;
import dev.bitbridge.bench.trigger.WallClock;
import dev.bitbridge.testkit.bitbucket.Account;
import dev.bitbridge.testkit.bitbucket.BitbucketSimulator;
import dev.bitbridge.testkit.bitbucket.DcPermission;
import dev.bitbridge.testkit.bitbucket.Delivery;
import dev.bitbridge.testkit.bitbucket.Flavor;
import dev.bitbridge.testkit.bitbucket.NewCommit;
import dev.bitbridge.testkit.bitbucket.RepoRef;
import dev.bitbridge.testkit.bitbucket.model.BuildStatus;
import dev.bitbridge.testkit.jenkins.JenkinsSimulator;
import dev.bitbridge.testkit.suite.LaunchedSuite;

/**
 * The whole suite end to end (issue 9): Bitbridge launched as {@code ./bitbridge up} launches it ({@link LaunchedSuite}:
 * the launcher's supervisor with PostgreSQL and Kafka, and the five packaged services), a Bitbucket Data Center
 * simulator and a Jenkins simulator in this JVM, everything configured through the APIs as a user would. Pushes of
 * {@code #ci} commits at fixed rates (open loop) go as real webhooks to the ingress; for each the run times the
 * ingress's 2xx answer, the Jenkins {@code buildWithParameters} POST naming the commit and the INPROGRESS build status
 * posted back to Bitbucket, all on this JVM's {@link System#nanoTime()}. It samples the resident memory of every
 * process of the suite throughout, and prints a summary (also written to {@code bench/target/suite-result.txt}).
 * Exits non-zero only when the harness fails; missed targets are results.
 */
public final class SuiteBenchmark {

    static final String INTEGRATION = "bench-dc";
    static final String JOB = "game-build";
    static final String[] PARAMETERS = { "BITBRIDGE_REQUEST_ID", "COMMIT", "REPOSITORY", "BRANCH", "TASK_KEYS",
            "REQUESTED_BY", "BUILD_REASON" };
    static final List<String> SERVICES = List.of("webhook-ingress", "bitbucket-connector", "commit-analyzer",
            "build-trigger", "status-reporter");
    static final String SUPERVISOR = "supervisor";
    static final String POSTGRES = "postgres";
    /** Every component sampled: the services, the supervisor (which holds Kafka), PostgreSQL. */
    static final List<String> COMPONENTS = List.of("webhook-ingress", "bitbucket-connector", "commit-analyzer",
            "build-trigger", "status-reporter", SUPERVISOR, POSTGRES);
    /** How often a phase's end is looked for; each look scans every request the simulator recorded. */
    private static final Duration POLL = Duration.ofSeconds(2);
    private static final Duration SETTLE = Duration.ofSeconds(5);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SuiteOptions options;
    private final PushPlan plan;
    private final List<String> notes = new ArrayList<>();
    private final TriggerLog jenkinsLog = new TriggerLog();
    private final Map<String, String> deliveryCommits = new HashMap<>();
    private final WallClock clock = WallClock.now();
    private TopicStamps topics;
    private BitbucketSimulator bitbucket;
    private JenkinsSimulator jenkins;
    private LaunchedSuite suite;
    private MemorySampler sampler;
    private Account dev;
    private Account bot;
    private long pushSeq;
    private String firstCommit;

    SuiteBenchmark(SuiteOptions options) {
        this.options = options;
        this.plan = PushPlan.of(options.repositories(), options.branches());
    }

    public static void main(String[] args) {
        Harness.main(args, SuiteOptions::wantsHelp, SuiteOptions.USAGE,
                a -> new SuiteBenchmark(SuiteOptions.parse(a))::run);
    }

    void run() throws Exception {
        List<Path> needed = new ArrayList<>();
        needed.add(options.root().resolve("launcher/target/bitbridge-launcher.jar"));
        SERVICES.forEach(s -> needed.add(options.root().resolve(s + "/target/quarkus-app/quarkus-run.jar")));
        for (Path jar : needed) {
            if (!Files.isRegularFile(jar)) {
                throw new IllegalStateException("No " + jar + ". Build first: ./mvnw -o -q package -pl "
                        + "platform,events,testkit,credentials,api,webhook-ingress,bitbucket-connector,commit-analyzer,"
                        + "build-trigger,status-reporter,launcher,bench -DskipTests");
            }
        }
        MachineInfo machine = MachineInfo.current();
        LoadAverage loadStart = LoadAverage.now();
        log("machine: " + machine.describe() + "; " + machine.jvm() + "; " + loadStart.describe());
        MachineCpu quietStart = MachineCpu.now();

        // The JDK HTTP server under both simulators reads this once, when its first server starts: without it every
        // answer may wait ~40 ms for a delayed ACK.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        List<String[]> setup = new ArrayList<>();
        try {
            startSimulators();
            setup.add(new String[] { "Bitbucket", "in-process Data Center simulator (testkit BitbucketSimulator) at "
                    + bitbucket.baseUrl() + ", 8.0+ build statuses; webhooks (repo:refs_changed with commits) "
                    + "sent by a pool of " + options.deliveryThreads() + " threads (as Bitbucket's own pool does), "
                    + "each attempt timed" });
            setup.add(new String[] { "Jenkins", "in-process simulator (testkit JenkinsSimulator) at " + jenkins.url()
                    + ", job " + JOB + ", API token (no crumb); queue delay " + options.queueDelay().toMillis()
                    + " ms, builds run " + options.buildDuration().toMillis() + " ms, all SUCCESS" });

            Map<String, String> env = new LinkedHashMap<>();
            if (options.serviceJavaOpts() != null) {
                env.put("BITBRIDGE_SERVICE_JAVA_OPTS", options.serviceJavaOpts());
            }
            log("launching the suite as ./bitbridge up does (home " + relative(options.home()) + ")");
            long began = System.nanoTime();
            suite = LaunchedSuite.start(options.root(), options.home(), env);
            double readySeconds = (System.nanoTime() - began) / 1e9;
            log(String.format(Locale.ROOT, "suite ready after %.1f s", readySeconds));
            setup.add(new String[] { "suite", String.format(Locale.ROOT, "launched as ./bitbridge up launches it "
                    + "(testkit LaunchedSuite): supervisor `java -Xms64m -Xmx512m -XX:+UseSerialGC -jar "
                    + "launcher/target/bitbridge-launcher.jar supervise` holding the Kafka broker, PostgreSQL, and the "
                    + "five services with BITBRIDGE_SERVICE_JAVA_OPTS %s; ready after %.1f s; home %s",
                    options.serviceJavaOpts() == null ? "unset (the launcher's default: -Xms32m -Xmx256m "
                            + "-XX:+UseSerialGC -XX:TieredStopAtLevel=1)" : "\"" + options.serviceJavaOpts() + "\"",
                    readySeconds, relative(options.home())) });
            configure();
            topics = new TopicStamps(suite.kafka());
            setup.add(new String[] { "configured", "through the APIs only: integration " + INTEGRATION
                    + " (Data Center, basic credential) on the connector, each repository connected (the connector "
                    + "registered its webhook), analysis settings per repository on the analyzer (project GAME, "
                    + "default job " + JOB + "), the Jenkins target on build-trigger" });
            setup.add(new String[] { "pushes", "each a new commit `GAME-<n>: change <n> #ci` by one developer on "
                    + "one branch, round robin over " + plan.describe() + "; open loop: push i is made at start + "
                    + "i/rate whatever happened to the others; latencies from the ingress's 2xx answer to the webhook "
                    + "(\"accepted\", as the deliverer saw it) and, to show any wait in the simulator's delivery queue, "
                    + "from the scheduled time" });
            setup.add(new String[] { "timestamps", "System.nanoTime() of this JVM: the deliverer's answer "
                    + "(Delivery.answeredNanos), the Jenkins simulator's arrival of the POST naming the commit "
                    + "(TriggerArrival), the Bitbucket simulator's arrival of the commit's first status post "
                    + "(RecordedRequest.receivedNanos; INPROGRESS by status-reporter's contract, see StatusPosts)" });

            sampler = new MemorySampler(COMPONENTS, this::pids, options.sampleInterval());
            MachineCpu.Use quiet = MachineCpu.now().since(quietStart, machine.cores(), ourPids());
            setup.add(new String[] { "other work", String.format(Locale.ROOT, "while the suite started: other "
                    + "processes %.2f cores (%s)", quiet.other(), quiet.busiest()) });

            PhaseRun warmup = null;
            if (options.warmupPushes() > 0) {
                Duration warmupDuration = Duration.ofMillis(1000L * options.warmupPushes() / options.warmupRate());
                warmup = phase("warm-up", options.warmupRate(), warmupDuration, machine);
            }
            List<PhaseRun> phases = new ArrayList<>();
            for (int rate : options.rates()) {
                phases.add(phase("at " + rate + "/s", rate, options.phaseDuration(), machine));
            }
            sampler.begin("end");
            sampler.pidChanges().forEach(c -> notes.add("a component's process changed (restarted?): " + c));
            if (jenkinsLog.repeated() > 0) {
                notes.add(jenkinsLog.repeated() + " Jenkins POST(s) named a commit that had been POSTed before");
            }
            if (jenkinsLog.refused() > 0) {
                notes.add(jenkinsLog.refused() + " Jenkins POST(s) were refused; the last: " + jenkinsLog.lastRefused());
            }
            probeReporter();
            LogScan.scan(options.home().resolve("logs")).forEach(l -> notes.add("log " + l));
            notes.add("the suite's logs: " + relative(options.home().resolve("logs")));
            SuiteReport report = new SuiteReport(options, machine, loadStart, LoadAverage.now(), setup, warmup, phases,
                    SERVICES, COMPONENTS, notes);
            String text = report.render();
            Harness.summary(text);
            Harness.write(options.resultFile(), text);
        } finally {
            Harness.closeQuietly(sampler);
            if (suite != null) {
                log("stopping the suite");
            }
            Harness.closeQuietly(suite);
            Harness.closeQuietly(jenkins);
            Harness.closeQuietly(bitbucket);
        }
    }

    /**
     * What status-reporter says about the run's first commit (posted long before the end): whether it still counts
     * the status as pending, and what it recorded as posted.
     */
    private void probeReporter() {
        if (firstCommit == null) {
            return;
        }
        try {
            HttpResponse<String> answer = suite.call("GET", suite.reporter("/api/v1/statuses?integration="
                    + INTEGRATION + "&commit=" + firstCommit), null);
            String body = answer.body().replaceAll("\\s+", " ");
            notes.add("status-reporter's view of the run's first commit " + firstCommit.substring(0, 12) + " at the "
                    + "end (HTTP " + answer.statusCode() + "): " + (body.length() > 600 ? body.substring(0, 600) + "…"
                            : body));
        } catch (Exception e) {
            notes.add("status-reporter's read API failed: " + e);
        }
    }

    private void startSimulators() {
        bitbucket = BitbucketSimulator.start(Flavor.DATA_CENTER, 0, false);
        bitbucket.deliveryConcurrency(options.deliveryThreads());
        dev = bitbucket.addAccount("Dana Developer", "dana@example.com");
        bot = bitbucket.addAccount("Bitbridge Bot", "bot@example.com");
        bitbucket.credentials().dcUser(bot, "bot-password");
        for (String slug : plan.repositories()) {
            RepoRef repo = bitbucket.createRepository(PushPlan.PROJECT, slug);
            bitbucket.credentials().grant(bot, DcPermission.REPO_ADMIN, repo.owner(), repo.slug());
            // Every branch exists before the hook does: each push is then an UPDATE by one commit.
            for (String branch : plan.branches()) {
                bitbucket.push(repo, branch, NewCommit.by(dev, "Start " + branch));
            }
        }
        jenkins = JenkinsSimulator.start();
        jenkins.addUser("bitbridge", "jenkins-password").apiToken("bitbridge", "jenkins-api-token");
        jenkins.createJob(JOB, PARAMETERS);
        jenkins.delays(options.queueDelay(), options.buildDuration());
        jenkins.onTrigger(jenkinsLog);
        log("simulators: Bitbucket Data Center at " + bitbucket.baseUrl() + " (" + plan.describe() + "), Jenkins at "
                + jenkins.url());
    }

    /** Through the APIs only, as {@code PushToBuildIT} does: integration, repositories, analysis, Jenkins target. */
    private void configure() throws Exception {
        expect(suite.call("POST", suite.connector("/api/v1/integrations"), """
                {"name": "%s", "flavor": "datacenter", "baseUrl": "%s",
                 "credentials": {"kind": "datacenter-basic", "username": "%s", "password": "bot-password"}}"""
                .formatted(INTEGRATION, bitbucket.baseUrl(), bot.name())), 201);
        for (String slug : plan.repositories()) {
            String full = PushPlan.PROJECT + "/" + slug;
            HttpResponse<String> connected = expect(suite.call("POST",
                    suite.connector("/api/v1/integrations/" + INTEGRATION + "/repositories"),
                    "{\"repository\": \"" + full + "\"}"), 200);
            if (!connected.body().contains("\"hookState\":\"registered\"")) {
                throw new IllegalStateException("Connecting " + full + " registered no hook: " + connected.body());
            }
            expect(suite.call("PUT", suite.analyzer("/api/v1/integrations/" + INTEGRATION + "/repositories/" + full
                    + "/analysis-settings"), """
                            {"projectKeys": ["GAME"], "linkTemplate": "https://acme.atlassian.net/browse/{key}",
                             "defaultJob": "%s"}""".formatted(JOB)), 200);
        }
        expect(suite.call("PUT", suite.trigger("/api/v1/integrations/" + INTEGRATION + "/jenkins-target"), """
                {"baseUrl": "%s", "username": "bitbridge", "credentialKind": "api-token",
                 "secret": "jenkins-api-token", "defaultJob": "%s"}""".formatted(jenkins.url(), JOB)), 200);
        log("configured through the APIs: integration " + INTEGRATION + ", " + plan.repositories().size()
                + " repositories connected (hooks registered), analysis settings, Jenkins target");
    }

    /**
     * One phase: pushes at {@code rate} for {@code duration}, push {@code i} made at {@code start + i / rate}; then
     * waits (up to the deadline) for every push's INPROGRESS status and result, and a few quiet seconds.
     */
    private PhaseRun phase(String name, int rate, Duration duration, MachineInfo machine) throws Exception {
        bitbucket.clearRequests();
        jenkins.clearRequests();
        FixedRateSchedule schedule = new FixedRateSchedule(System.nanoTime() + 200_000_000L, rate, duration);
        int count = (int) schedule.count();
        log(String.format(Locale.ROOT, "%s: %d pushes at %d/s", name, count, rate));
        sampler.begin(name);
        MachineCpu cpuBefore = MachineCpu.now();
        Map<String, Long> scheduled = new LinkedHashMap<>();
        Map<String, RepoRef> repoOf = new HashMap<>();
        for (int i = 0; i < count; i++) {
            long due = schedule.intendedNanos(i);
            long left;
            while ((left = due - System.nanoTime()) > 0) {
                LockSupport.parkNanos(left);
            }
            PushPlan.Target target = plan.target(pushSeq++);
            RepoRef repo = new RepoRef(PushPlan.PROJECT, target.repository());
            String commit = bitbucket.push(repo, target.branch(), NewCommit.by(dev, target.message()));
            scheduled.put(commit, due);
            if (firstCommit == null) {
                firstCommit = commit;
            }
            repoOf.put(commit, repo);
        }
        double pushSeconds = (System.nanoTime() - schedule.intendedNanos(0)) / 1e9;
        long deadline = System.nanoTime() + options.deadline().toNanos();

        // Every push's INPROGRESS (or its result posted without one), then every result, within the deadline.
        Map<String, String> shown = Map.of();
        StatusPosts posts = null;
        boolean allInProgress = false;
        while (true) {
            posts = StatusPosts.of(bitbucket.requests());
            shown = shownStates(repoOf.values());
            StatusPosts p = posts;
            Map<String, String> s = shown;
            allInProgress = scheduled.keySet().stream().allMatch(c -> p.count(c) > 0);
            boolean allFinal = scheduled.keySet().stream().allMatch(c -> isFinal(s.get(c)));
            if ((allInProgress && allFinal) || System.nanoTime() > deadline) {
                break;
            }
            Thread.sleep(POLL.toMillis());
        }
        int unfinished = 0;
        for (String commit : scheduled.keySet()) {
            if (!isFinal(shown.get(commit))) {
                unfinished++;
            }
        }
        MachineCpu.Use cpu = MachineCpu.now().since(cpuBefore, machine.cores(), ourPids());
        long bitbucketRequests = bitbucket.requests().size();
        long jenkinsRequests = jenkins.requests().size();
        MemorySampler.Window during = sampler.begin("after " + name);
        Thread.sleep(SETTLE.toMillis());
        MemorySampler.Window after = sampler.begin("between phases");

        Map<String, Delivery> deliveries = deliveriesByCommit();
        List<PushTiming> timings = new ArrayList<>();
        for (Map.Entry<String, Long> e : scheduled.entrySet()) {
            String commit = e.getKey();
            Delivery d = deliveries.get(commit);
            boolean ok = d != null && d.statusCode() >= 200 && d.statusCode() <= 299;
            String state = shown.get(commit);
            timings.add(new PushTiming(commit, e.getValue(), d == null ? null : d.sentNanos(),
                    ok ? d.answeredNanos() : null, d == null ? 0 : d.statusCode(), jenkinsLog.arrival(commit),
                    posts.inProgress(commit, state), posts.skippedInProgress(commit, state)));
        }
        PhaseLatency latency = PhaseLatency.of(timings);
        Map<String, dev.bitbridge.bench.LatencyStats> hops = Hops.of(timings, clock, topics.read());
        StatusPosts all = StatusPosts.of(bitbucket.requests());
        long extraPosts = all.extraPosts(scheduled.keySet());
        long otherPosts = all.postsOutside(scheduled.keySet()) + all.reposts();
        if (otherPosts > 0) {
            notes.add(String.format(Locale.ROOT, "%s: the Bitbucket simulator took %d build-status post(s) for "
                    + "commits whose result had been posted before (earlier phases), or re-posts", name, otherPosts));
        }
        if (extraPosts > 0) {
            notes.add(String.format(Locale.ROOT, "%s: %d build-status post(s) beyond INPROGRESS and the result for "
                    + "this phase's commits", name, extraPosts));
        }
        if (latency.failures() > 0) {
            notes.add(name + ": " + latency.describeFailures() + " within " + options.deadline().toSeconds()
                    + " s of the last push");
        }
        if (unfinished > 0) {
            notes.add(String.format(Locale.ROOT, "%s: %d of %d pushes had no result posted within %d s of the last "
                    + "push (later phases may overlap with them)", name, unfinished, count,
                    options.deadline().toSeconds()));
        }
        PhaseRun run = new PhaseRun(name, rate, count, pushSeconds, latency, during, after, cpu, bitbucketRequests,
                jenkinsRequests, unfinished, hops, extraPosts, otherPosts);
        log(String.format(Locale.ROOT, "%s: accepted -> Jenkins POST %s; accepted -> INPROGRESS %s; %s", name,
                latency.toJenkins().describe(), latency.toInProgress().describe(), latency.describeFailures()));
        return run;
    }

    private static boolean isFinal(String state) {
        return state != null && !"INPROGRESS".equals(state);
    }

    /** @return the state Bitbucket shows for each commit of these repositories (one status key per commit here) */
    private Map<String, String> shownStates(java.util.Collection<RepoRef> repos) {
        Map<String, String> out = new HashMap<>();
        for (RepoRef repo : new HashSet<>(repos)) {
            for (BuildStatus s : bitbucket.buildStatuses(repo)) {
                out.put(s.commit(), s.state());
            }
        }
        return out;
    }

    /** @return each pushed commit's first delivery attempt, by the {@code toHash} its body names */
    private Map<String, Delivery> deliveriesByCommit() {
        Map<String, Delivery> out = new HashMap<>();
        for (Delivery d : bitbucket.deliveries()) {
            String key = d.requestId() + "#" + d.attempt();
            String commit = deliveryCommits.computeIfAbsent(key, k -> commitOf(d.body()));
            if (commit != null) {
                out.putIfAbsent(commit, d);
            }
        }
        return out;
    }

    /** @return the new head of a Data Center {@code repo:refs_changed} body's first change, or {@code null} */
    static String commitOf(byte[] body) {
        try {
            return firstToHash(JSON.readTree(body));
        } catch (IOException e) {
            return null;
        }
    }

    /** @return the {@code toHash} of a Data Center push body's first change, or {@code null} */
    static String firstToHash(JsonNode body) {
        JsonNode changes = body.path("changes");
        return changes.isArray() && changes.size() > 0 ? changes.get(0).path("toHash").asText(null) : null;
    }

    /** @return a component's processes now: its pid from the status file; PostgreSQL's with every child */
    private List<Long> pids(String component) {
        try {
            java.util.OptionalLong pid = suite.pid(component);
            if (pid.isEmpty()) {
                return List.of();
            }
            List<Long> out = new ArrayList<>();
            out.add(pid.getAsLong());
            if (POSTGRES.equals(component)) {
                ProcessHandle.of(pid.getAsLong()).ifPresent(p -> p.descendants().forEach(d -> out.add(d.pid())));
            }
            return out;
        } catch (IOException e) {
            return List.of();
        }
    }

    /** @return every pid of the suite now (the supervisor and all it started) */
    private Set<Long> ourPids() {
        Set<Long> out = new HashSet<>();
        if (suite == null) {
            return out;
        }
        for (String c : COMPONENTS) {
            out.addAll(pids(c));
        }
        for (long pid : pids(SUPERVISOR)) {
            ProcessHandle.of(pid).ifPresent(p -> p.descendants().forEach(d -> out.add(d.pid())));
        }
        return out;
    }

    private static HttpResponse<String> expect(HttpResponse<String> response, int status) {
        if (response.statusCode() != status) {
            throw new IllegalStateException(response.request().method() + " " + response.uri() + " answered "
                    + response.statusCode() + " (expected " + status + "): " + response.body());
        }
        return response;
    }

    private String relative(Path path) {
        Path p = path.toAbsolutePath().normalize();
        return p.startsWith(options.root()) ? options.root().relativize(p).toString() : p.toString();
    }

    static void log(String message) {
        Harness.log(message);
    }
}

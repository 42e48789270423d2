package dev.bitbridge.e2e;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.bitbridge.events.Topics;
import dev.bitbridge.events.build.BuildEvent;
import dev.bitbridge.events.build.BuildState;
import dev.bitbridge.testkit.ServiceJar;
import dev.bitbridge.testkit.TopicScanner;
import dev.bitbridge.testkit.bitbucket.Account;
import dev.bitbridge.testkit.bitbucket.BitbucketSimulator;
import dev.bitbridge.testkit.bitbucket.DcPermission;
import dev.bitbridge.testkit.bitbucket.Delivery;
import dev.bitbridge.testkit.bitbucket.Flavor;
import dev.bitbridge.testkit.bitbucket.NewCommit;
import dev.bitbridge.testkit.bitbucket.RepoRef;
import dev.bitbridge.testkit.jenkins.BuildView;
import dev.bitbridge.testkit.jenkins.JenkinsSimulator;
import dev.bitbridge.testkit.suite.LaunchedSuite;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The suite hurt the way production hurts it, each case ending with counts it asserts: every pushed {@code #ci} commit
 * built exactly once on Jenkins, its build reported SUCCESSFUL once on {@code bitbridge.builds.v1}, and SUCCESSFUL
 * shown on the commit in Bitbucket.
 * <ul>
 * <li>{@code kill -9} of each service in turn during a stream of pushes, each restarted by the supervisor as
 * {@code ./bitbridge restart} does. Data Center does not retry a delivery, so what reached no ingress while it was
 * dead is resent by the test with its own {@code X-Request-Id}, as an admin resends it from the webhook's history;
 * the count of those is part of the message.</li>
 * <li>The Kafka broker restarted mid-stream.</li>
 * <li>Every delivery sent five times more, across two ingress replicas (the launcher's and one started here as an
 * operator adds one).</li>
 * <li>A Jenkins outage, a Bitbucket outage and a Bitbucket 429 storm, each while pushes arrive: everything completes
 * afterwards, and the requests each peer received meanwhile are counted and bounded, so a retry storm fails.</li>
 * </ul>
 * The default run is the quick variant: {@value #QUICK_PUSHES} pushes for the kills, and the outage cases left to
 * the services' own tests (build-trigger's {@code DispatchTest}, status-reporter's {@code StatusReportingTest}, the
 * connector's {@code BudgetAndRateLimitTest}), which count the requests the same way, to keep every CI run short.
 * {@code ./mvnw verify -Dfull} runs the full one: every case, 500 pushes, outages of 30 s (the README; figures in
 * {@code docs/faults.md}).
 */
@ExtendWith(SharedSuite.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultsIT {

    static final int QUICK_PUSHES = 20;
    static final int QUICK_OUTAGE_SECONDS = 5;
    static final int PUSHES = Integer.getInteger("bitbridge.faults.pushes", QUICK_PUSHES);
    static final Duration OUTAGE = Duration.ofSeconds(Integer.getInteger("bitbridge.faults.outage-seconds",
            QUICK_OUTAGE_SECONDS));
    static final String INTEGRATION = "faults-dc";
    static final String JOB = "Faults/App";
    static final String STATUS_KEY = "Faults-App";
    static final RepoRef REPO = new RepoRef("FLT", "app");
    static final List<String> BRANCHES = List.of("main", "develop", "feature/FLT-1-chaos");
    static final List<String> SERVICES = List.of("bitbucket-connector", "commit-analyzer", "build-trigger",
            "status-reporter", "webhook-ingress");

    static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(FaultsIT.class);

    static BitbucketSimulator bitbucket;
    static JenkinsSimulator jenkins;
    static LaunchedSuite suite;
    static TopicScanner topics;
    static Account dev;
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    /** Every commit pushed by this class, in push order. */
    static final List<String> pushed = Collections.synchronizedList(new ArrayList<>());

    @BeforeAll
    static void start() throws Exception {
        bitbucket = BitbucketSimulator.start(Flavor.DATA_CENTER, 0, false);
        dev = bitbucket.addAccount("Chaos Developer", "chaos@example.com");
        Account bot = bitbucket.addAccount("Faults Bot", "faults-bot@example.com");
        bitbucket.createRepository(REPO.owner(), REPO.slug());
        bitbucket.credentials().dcUser(bot, "bot-password");
        bitbucket.credentials().grant(bot, DcPermission.REPO_ADMIN, REPO.owner(), REPO.slug());
        for (String branch : BRANCHES) {
            bitbucket.push(REPO, branch, NewCommit.by(dev, "Start " + branch));
        }
        jenkins = JenkinsSimulator.start();
        jenkins.addUser("bitbridge", "jenkins-password").apiToken("bitbridge", "jenkins-api-token");
        jenkins.createFolder("Faults");
        jenkins.createJob(JOB, "BITBRIDGE_REQUEST_ID", "COMMIT", "BRANCH", "TASK_KEYS");
        jenkins.delays(Duration.ofMillis(200), Duration.ofMillis(500));

        suite = SharedSuite.suite();
        topics = new TopicScanner(suite.kafka());
        SuiteSetup.configure(suite, INTEGRATION, bitbucket, bot.name(), "bot-password", REPO, jenkins, JOB);
        bitbucket.clearRequests();
    }

    @AfterAll
    static void stop() throws Exception {
        if (jenkins != null) {
            jenkins.close();
        }
        if (bitbucket != null) {
            bitbucket.close();
        }
    }

    @Test
    @Order(1)
    void killingEachServiceMidStreamLosesNothingAndBuildsNothingTwice() throws Exception {
        List<String> stream = Collections.synchronizedList(new ArrayList<>());
        // The stream waits at each kill's mark until that kill happened, so every kill lands mid-stream however long
        // the restarts take; pushes go on while the killed service is down and restarting.
        AtomicInteger gate = new AtomicInteger(killMark(0));
        CompletableFuture<Void> pushes = CompletableFuture.runAsync(() -> push(stream, PUSHES, Duration.ofMillis(
                400), gate));
        List<String> killed = new ArrayList<>();
        for (int i = 0; i < SERVICES.size(); i++) {
            int mark = killMark(i);
            awaitTrue("push " + mark + " of the stream", () -> stream.size() >= mark);
            String service = SERVICES.get(i);
            long pid = suite.kill(service);
            killed.add(service + " (pid " + pid + ") after push " + stream.size());
            gate.set(i + 1 < SERVICES.size() ? killMark(i + 1) : PUSHES);
            suite.restart(service);
        }
        pushes.get();
        int resent = resendUndelivered();
        LOG.infof("[faults] %d pushes; killed with SIGKILL and restarted: %s; %d deliveries resent", stream.size(),
                String.join(", ", killed), resent);

        awaitBuiltOnce(stream, "after " + String.join(", ", killed) + "; " + resent + " deliveries resent");
    }

    @Test
    @Order(2)
    void theKafkaBrokerRestartedMidStreamLosesNothing() throws Exception {
        int count = Math.max(20, PUSHES / 5);
        List<String> stream = Collections.synchronizedList(new ArrayList<>());
        CompletableFuture<Void> pushes = CompletableFuture.runAsync(() -> push(stream, count, Duration.ofMillis(
                250)));
        awaitTrue("half of the stream", () -> stream.size() >= count / 2);
        int restartedAt = stream.size();
        suite.restart("kafka");
        pushes.get();
        int resent = resendUndelivered();
        LOG.infof("[faults] %d pushes; Kafka restarted after push %d; %d deliveries resent", count, restartedAt,
                resent);

        awaitBuiltOnce(stream, "after a broker restart; " + resent + " deliveries resent");
    }

    @Test
    @Order(3)
    void everyDeliverySentFiveTimesMoreAcrossTwoIngressReplicasBuildsOnce() throws Exception {
        try (ServiceJar second = secondIngress()) {
            URI[] replicas = { URI.create("http://localhost:" + suite.port("BITBRIDGE_INGRESS_PORT")),
                    second.publicUrl() };
            int count = Math.max(10, PUSHES / 5);
            List<String> stream = Collections.synchronizedList(new ArrayList<>());
            int before = bitbucket.deliveries().size();
            push(stream, count, Duration.ofMillis(100));
            assertThat(bitbucket.awaitDeliveries(Duration.ofSeconds(60))).isTrue();
            List<Delivery> originals = bitbucket.deliveries().subList(before, bitbucket.deliveries().size());
            assertThat(originals).as("each push delivered once, accepted").hasSize(count)
                    .allSatisfy(d -> assertThat(d.statusCode()).isEqualTo(202));
            int sent = 0;
            for (int round = 0; round < 5; round++) {
                for (Delivery delivery : originals) {
                    URI replica = replicas[(sent++) % 2];
                    assertThat(resend(delivery, replica)).as("redelivery to " + replica).isEqualTo(202);
                }
            }
            LOG.infof("[faults] %d deliveries, each sent 5 times more alternating between two ingress replicas", count);
            awaitBuiltOnce(stream, "each of " + count + " deliveries sent 6 times, across two replicas");
        }
    }

    @Test
    @Order(4)
    @Tag("full-only") // the quick variant is build-trigger's DispatchTest (20 builds through an outage, requests counted)
    void aJenkinsOutageEndsWithEveryBuildDoneAndNoRetryStorm() throws Exception {
        int count = Math.max(10, PUSHES / 5);
        List<String> stream = Collections.synchronizedList(new ArrayList<>());
        jenkins.outage(true);
        Instant began = jenkins.now();
        push(stream, count, Duration.ofMillis(100));
        Thread.sleep(OUTAGE.toMillis());
        jenkins.outage(false);
        Instant ended = jenkins.now();
        long during = jenkins.requests().stream().filter(r -> !r.at().isBefore(began) && r.at().isBefore(ended))
                .count();
        LOG.infof("[faults] Jenkins outage of %d s with %d pushes: %d requests reached Jenkins meanwhile",
                OUTAGE.toSeconds(), count, during);

        awaitBuiltOnce(stream, "after a Jenkins outage of " + OUTAGE.toSeconds() + " s");
        // Build-trigger backs off per target: a handful of probes per second at most, not one per build and attempt.
        assertThat(during).as("requests Jenkins received during its %d s outage with %d builds waiting",
                OUTAGE.toSeconds(), count).isLessThanOrEqualTo(maxRequestsDuring(OUTAGE));
    }

    @Test
    @Order(5)
    @Tag("full-only") // the quick variants: status-reporter's StatusReportingTest, the connector's BudgetAndRateLimitTest
    void aBitbucketOutageThenA429StormEndWithEveryStatusShownAndNoRetryStorm() throws Exception {
        int count = Math.max(10, PUSHES / 5);
        List<String> stream = Collections.synchronizedList(new ArrayList<>());
        List<Long> during = new ArrayList<>();
        for (int status : new int[] { 503, 429 }) {
            long before = bitbucket.requests().size();
            bitbucket.outage(status);
            push(stream, count / 2, Duration.ofMillis(100));
            Thread.sleep(OUTAGE.toMillis());
            bitbucket.outage(0);
            during.add(bitbucket.requests().size() - before);
        }

        LOG.infof("[faults] Bitbucket outage (503) then 429 storm of %d s each, %d pushes each: %s requests reached"
                + " Bitbucket meanwhile", OUTAGE.toSeconds(), count / 2, during);
        awaitBuiltOnce(stream, "after a Bitbucket outage and a 429 storm of " + OUTAGE.toSeconds() + " s each");
        assertThat(during).as("requests Bitbucket received during the outage, then during the 429 storm")
                .allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(maxRequestsDuring(OUTAGE)));
    }

    /** @return after how many pushes of the stream the {@code i}th service is killed */
    private static int killMark(int i) {
        return (i + 1) * PUSHES / (SERVICES.size() + 1);
    }

    /** A retry storm is dozens of requests a second; the services' backoff keeps it to a few. */
    private static long maxRequestsDuring(Duration outage) {
        return 5 * outage.toSeconds() + 10;
    }

    /** Pushes {@code count} {@code #ci} commits round-robin over the branches, one every {@code every}. */
    private static void push(List<String> stream, int count, Duration every) {
        push(stream, count, every, new AtomicInteger(Integer.MAX_VALUE));
    }

    /** The same, never beyond {@code gate} pushes of the stream: it waits there until the gate moves. */
    private static void push(List<String> stream, int count, Duration every, AtomicInteger gate) {
        try {
            for (int i = 0; i < count; i++) {
                while (stream.size() >= gate.get()) {
                    Thread.sleep(50);
                }
                int n = pushed.size() + 1;
                String branch = BRANCHES.get(n % BRANCHES.size());
                String hash = bitbucket.push(REPO, branch, NewCommit.by(dev, "FLT-" + n + ": change " + n + " #ci"));
                pushed.add(hash);
                stream.add(hash);
                Thread.sleep(every.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Resends, with its own headers and body, every delivery no attempt of which was accepted (the ingress was dead or
     * restarting): what an admin does from the webhook's delivery history. @return how many were resent
     */
    private static int resendUndelivered() throws Exception {
        assertThat(bitbucket.awaitDeliveries(Duration.ofSeconds(60))).isTrue();
        Map<String, List<Delivery>> byRequest = bitbucket.deliveries().stream()
                .collect(Collectors.groupingBy(Delivery::requestId));
        URI ingress = URI.create("http://localhost:" + suite.port("BITBRIDGE_INGRESS_PORT"));
        int resent = 0;
        for (List<Delivery> attempts : byRequest.values()) {
            if (attempts.stream().noneMatch(d -> d.statusCode() >= 200 && d.statusCode() < 300)) {
                assertThat(resend(attempts.get(0), ingress)).isEqualTo(202);
                resent++;
            }
        }
        return resent;
    }

    private static int resend(Delivery delivery, URI replica) throws Exception {
        URI original = URI.create(delivery.url());
        HttpRequest.Builder request = HttpRequest.newBuilder(replica.resolve(original.getRawPath()
                + (original.getRawQuery() == null ? "" : "?" + original.getRawQuery())))
                .timeout(Duration.ofSeconds(10)).POST(HttpRequest.BodyPublishers.ofByteArray(delivery.body()));
        delivery.headers().forEach((name, values) -> values.forEach(v -> request.header(name, v)));
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /**
     * Waits until every commit of {@code stream} shows SUCCESSFUL in Bitbucket, then asserts: one Jenkins build per
     * commit, no other build of them, one SUCCESSFUL per build on the builds topic, one status per commit.
     */
    private static void awaitBuiltOnce(List<String> stream, String after) throws Exception {
        Set<String> commits = new HashSet<>(stream);
        assertThat(commits).as("distinct commits pushed").hasSize(stream.size());
        awaitTrue("SUCCESSFUL shown on all " + commits.size() + " commits " + after,
                () -> successfulShown(commits) == commits.size());
        Thread.sleep(2000); // a second build of any of them would have been asked for by now

        List<BuildView> builds = jenkins.builds(JOB).stream().filter(b -> commits.contains(b.parameters()
                .get("COMMIT"))).toList();
        Map<String, Long> perCommit = builds.stream().collect(Collectors.groupingBy(b -> b.parameters().get("COMMIT"),
                Collectors.counting()));
        assertThat(perCommit).as("Jenkins builds per commit, " + after).hasSize(commits.size())
                .allSatisfy((commit, n) -> assertThat(n).as(commit).isEqualTo(1L));
        Map<String, Long> successes = topics.readCommitted(Topics.BUILDS_V1).stream()
                .map(r -> SuiteSetup.read(r.value(), BuildEvent.class))
                .filter(e -> INTEGRATION.equals(e.integration()) && commits.contains(e.commit())
                        && e.state() == BuildState.SUCCESSFUL)
                .collect(Collectors.groupingBy(BuildEvent::commit, Collectors.counting()));
        assertThat(successes).as("SUCCESSFUL records per commit on " + Topics.BUILDS_V1 + ", " + after)
                .hasSize(commits.size()).allSatisfy((commit, n) -> assertThat(n).as(commit).isEqualTo(1L));
        assertThat(bitbucket.buildStatuses(REPO).stream().filter(s -> commits.contains(s.commit())))
                .as("one status per commit, " + after).hasSize(commits.size())
                .allSatisfy(s -> assertThat(s.key()).isEqualTo(STATUS_KEY));
        assertThat(deadLetters()).as("dead letters of " + INTEGRATION).isZero();
        LOG.infof("[faults] %s: %d commits, %d Jenkins builds, %d SUCCESSFUL records, %d statuses shown SUCCESSFUL,"
                + " %d status posts", after, commits.size(), builds.size(), successes.size(), successfulShown(commits),
                statusPosts(commits));
    }

    private static long statusPosts(Set<String> commits) {
        return commits.stream().mapToLong(c -> bitbucket.requestCount("POST", "/rest/api/latest/projects/"
                + REPO.owner() + "/repos/" + REPO.slug() + "/commits/" + c + "/builds")).sum();
    }

    private static long successfulShown(Set<String> commits) {
        return bitbucket.buildStatuses(REPO).stream()
                .filter(s -> commits.contains(s.commit()) && "SUCCESSFUL".equals(s.state())).count();
    }

    private static long deadLetters() {
        return List.of(Topics.BUILD_TRIGGER_DEAD_LETTERS_V1, Topics.COMMIT_ANALYZER_DEAD_LETTERS_V1,
                Topics.STATUS_REPORTER_DEAD_LETTERS_V1).stream().flatMap(t -> topics.readCommitted(t).stream())
                .filter(r -> new String(r.value(), java.nio.charset.StandardCharsets.UTF_8).contains(INTEGRATION))
                .count();
    }

    /** A second ingress replica, configured as the launcher configures its own: same broker, same sealing key. */
    private static ServiceJar secondIngress() throws Exception {
        Path jar = suite.repository().resolve("webhook-ingress/target/quarkus-app/quarkus-run.jar");
        String sealingKey = Files.readString(suite.home().resolve("data/secrets/sealing-key-local")).trim();
        return ServiceJar.of(jar).jvmOption("-Xmx256m").property("kafka.bootstrap.servers", suite.kafka())
                .env("BITBRIDGE_INGRESS_SEALING_KEYS_LOCAL", sealingKey) // not on its command line
                .log(suite.home().resolve("logs/webhook-ingress-2.log")).start()
                .awaitReady(Duration.ofSeconds(120));
    }

    private static void awaitTrue(String what, BooleanSupplier condition) throws Exception {
        Duration patience = Duration.ofMinutes(3).plus(OUTAGE);
        Instant deadline = Instant.now().plus(patience);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("Waited " + patience.toSeconds() + " s for " + what + "\n" + suite.logs());
            }
            Thread.sleep(250);
        }
    }
}

package dev.bitbridge.connector.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.sun.net.httpserver.HttpServer;

import dev.bitbridge.connector.support.BitbridgeTopics;
import dev.bitbridge.connector.support.CloudSetup;
import dev.bitbridge.connector.support.ConnectorProcess;
import dev.bitbridge.connector.support.RawWebhooks;
import dev.bitbridge.events.Topics;
import dev.bitbridge.events.scm.RefChangeEvent;
import dev.bitbridge.events.webhook.BitbucketFlavor;
import dev.bitbridge.testkit.ServiceJar;
import dev.bitbridge.testkit.TopicScanner;
import dev.bitbridge.testkit.bitbucket.Account;
import dev.bitbridge.testkit.bitbucket.BitbucketSimulator;
import dev.bitbridge.testkit.bitbucket.Delivery;
import dev.bitbridge.testkit.bitbucket.NewCommit;
import dev.bitbridge.testkit.bitbucket.RecordedRequest;
import dev.bitbridge.testkit.bitbucket.RepoRef;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The enrichment benchmark (docs/benchmarks.md): Bitbucket API calls per raw event by scenario, and enriched push
 * events per second and raw-record-to-output latency against an instant simulator, with the packaged connector as a
 * process. It prints figures; the only assertions are on call counts, which are exact. Runs only when asked:
 * {@code ./mvnw -pl events,testkit,credentials,bitbucket-connector verify -Dtest=NONE
 * -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=EnrichmentBenchmarkIT -Dbitbridge.bench=true}.
 */
@EnabledIfSystemProperty(named = "bitbridge.bench", matches = "true", disabledReason = "a benchmark, not a test: run"
        + " it with -Dbitbridge.bench=true (see docs/benchmarks.md)")
class EnrichmentBenchmarkIT {

    private static final org.jboss.logging.Logger REPORT = org.jboss.logging.Logger.getLogger("bitbridge.bench");
    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule());
    static final int REPOSITORIES = 20;
    static final int SATURATION_PUSHES = Integer.getInteger("bitbridge.bench.pushes", 2000);

    static BitbucketSimulator bitbucket;
    static HttpServer sink;
    static RawWebhooks raw;
    static ServiceJar connector;
    static Account dev;

    @BeforeAll
    static void start() throws IOException {
        new BitbridgeTopics().start();
        raw = new RawWebhooks();
        bitbucket = BitbucketSimulator.cloud();
        sink = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        sink.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        sink.start();
        connector = ConnectorProcess.start(bitbucket, "http://127.0.0.1:" + sink.getAddress().getPort(), "bench",
                "connector-bench", Map.of("quarkus.log.level", "WARN",
                        "bitbridge.connector.bitbucket.budget.requests-per-hour", "1000000"));
        dev = bitbucket.addAccount("Bench Dev", "bench@example.com");
        bitbucket.credentials().apiToken(dev, "tok-bench", CloudSetup.SCOPES);
        ConnectorProcess.api(connector, "POST", "/api/v1/integrations", """
                {"name": "bench", "flavor": "cloud", "workspace": "ws-bench",
                 "credentials": {"kind": "cloud-api-token", "email": "bench@example.com", "token": "tok-bench"}}""",
                201);
    }

    @AfterAll
    static void stop() {
        if (connector != null) {
            connector.close();
        }
        if (sink != null) {
            sink.stop(0);
        }
        if (bitbucket != null) {
            bitbucket.close();
        }
        if (raw != null) {
            raw.close();
        }
    }

    @Test
    void callsPerRawEventThenThroughputAndLatency() throws Exception {
        callsPerEvent();
        throughputAndLatency();
    }

    private void callsPerEvent() throws Exception {
        RepoRef repo = repository("calls");
        bitbucket.push(repo, "main", NewCommit.by(dev, "base").adds("base.txt", 1));
        forwardAndWait(repo, 1);
        Map<String, Supplier<Integer>> scenarios = new LinkedHashMap<>();
        scenarios.put("push of 1 commit (listed)", () -> push(repo, "main", 1));
        scenarios.put("push of 5 commits (listed)", () -> push(repo, "main", 5));
        scenarios.put("push of 50 commits (truncated at 5)", () -> push(repo, "main", 50));
        scenarios.put("new branch with 7 commits (truncated)", () -> push(repo, "feature/seven", 7));
        scenarios.put("new branch at a known commit", () -> {
            bitbucket.newPush(repo, dev).newBranch("release/1.x", "main").send();
            return 0;
        });
        scenarios.put("pull request opened over pushed commits", () -> {
            bitbucket.openPullRequest(repo, "feature/seven", repo, "main", dev, "Seven");
            return 0;
        });
        REPORT.info("== Bitbucket API calls per raw event (connector " + connector.publicUrl() + ")");
        report("%-42s %5s %8s %9s %9s %8s %9s %6s %6s%n", "scenario", "new", "commits", "diffstat",
                "branches", "pr-cmts", "redirect", "other", "total");
        int expectedRefs = 1;
        int expectedPrs = 0;
        for (Map.Entry<String, Supplier<Integer>> scenario : scenarios.entrySet()) {
            bitbucket.clearRequests();
            int fresh = scenario.getValue().get();
            if (scenario.getKey().startsWith("pull request")) {
                expectedPrs++;
                forward(repo);
                waitFor(() -> count(Topics.PULLREQUESTS_V1, "bench:ws-bench/calls") >= 1);
            } else {
                expectedRefs++;
                forwardAndWait(repo, expectedRefs);
            }
            Map<String, Integer> calls = classify(bitbucket.requests());
            int total = calls.values().stream().mapToInt(Integer::intValue).sum();
            report("%-42s %5d %8d %9d %9d %8d %9d %6d %6d%n", scenario.getKey(), fresh,
                    calls.getOrDefault("commits", 0), calls.getOrDefault("diffstat", 0),
                    calls.getOrDefault("branches", 0), calls.getOrDefault("pr-commits", 0),
                    calls.getOrDefault("redirect", 0), calls.getOrDefault("other", 0), total);
            assertThat(calls.getOrDefault("diffstat", 0)).as("%s: at most one files call per new commit",
                    scenario.getKey()).isLessThanOrEqualTo(fresh + (scenario.getKey().startsWith("pull") ? 1 : 0));
            assertThat(calls.getOrDefault("commit", 0)).as("no single-commit fetch").isZero();
        }
        assertThat(expectedPrs).isEqualTo(1);
    }

    private void throughputAndLatency() throws Exception {
        List<RepoRef> repos = new ArrayList<>();
        for (int r = 0; r < REPOSITORIES; r++) {
            repos.add(repository("load-" + r));
        }
        bitbucket.clearRequests();
        for (int i = 0; i < SATURATION_PUSHES; i++) {
            RepoRef repo = repos.get(i % REPOSITORIES);
            bitbucket.push(repo, "main", NewCommit.by(dev, "load " + i).adds("load/" + i + ".txt", 1));
        }
        bitbucket.awaitDeliveries(Duration.ofSeconds(120));
        List<Delivery> deliveries = bitbucket.deliveries().stream()
                .filter(d -> d.attempt() == 1 && "repo:push".equals(d.eventKey()) && d.bodyText().contains("load-"))
                .toList();
        List<String> repositories = new ArrayList<>();
        for (Delivery d : deliveries) {
            repositories.add(JSON.readTree(d.body()).path("repository").path("full_name").asText());
        }
        Map<String, java.util.concurrent.Future<RecordMetadata>> sending = new HashMap<>();
        long began = System.nanoTime();
        for (int i = 0; i < deliveries.size(); i++) {
            Delivery d = deliveries.get(i);
            sending.put(d.requestId(), raw.publishAsync("bench", BitbucketFlavor.CLOUD, d.eventKey(), d.requestId(),
                    repositories.get(i), d.body()));
        }
        Map<String, Long> published = new HashMap<>();
        for (Map.Entry<String, java.util.concurrent.Future<RecordMetadata>> sent : sending.entrySet()) {
            published.put(sent.getKey(), sent.getValue().get().timestamp());
        }
        waitFor(() -> count(Topics.REFS_V1, "bench:ws-bench/load-") >= deliveries.size(), Duration.ofMinutes(10));
        double seconds = (System.nanoTime() - began) / 1e9;
        List<Long> latencies = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : TopicScanner.ofSharedKafka().readCommitted(Topics.REFS_V1)) {
            if (record.key().startsWith("bench:ws-bench/load-")) {
                RefChangeEvent ref = JSON.readValue(record.value(), RefChangeEvent.class);
                Long sent = published.get(ref.origin().eventId());
                if (sent != null) {
                    latencies.add(record.timestamp() - sent);
                }
            }
        }
        latencies.sort(null);
        report("%n== Saturation: %d push events over %d repositories (1 new commit each)%n",
                deliveries.size(), REPOSITORIES);
        report("enriched push events/s: %.0f (%d in %.1f s, from the first raw record published to the"
                + " last ref record out)%n",
                deliveries.size() / seconds, deliveries.size(), seconds);
        report("raw record -> ref record latency under saturation: p50 %d ms, p99 %d ms, max %d ms%n",
                percentile(latencies, 50), percentile(latencies, 99), latencies.get(latencies.size() - 1));
        report("Bitbucket calls: %d (%.2f per push event)%n%n", bitbucket.requests().size(),
                bitbucket.requests().size() / (double) deliveries.size());
        fixedRate(repos, 100, 10);
    }

    private void fixedRate(List<RepoRef> repos, int perSecond, int seconds) throws Exception {
        int total = perSecond * seconds;
        bitbucket.clearRequests();
        for (int i = 0; i < total; i++) {
            bitbucket.push(repos.get(i % REPOSITORIES), "main", NewCommit.by(dev, "rate " + i).adds("rate/" + i, 1));
        }
        bitbucket.awaitDeliveries(Duration.ofSeconds(120));
        List<Delivery> deliveries = bitbucket.deliveries().stream()
                .filter(d -> d.attempt() == 1 && "repo:push".equals(d.eventKey()) && d.bodyText().contains("\"rate "))
                .toList();
        List<String> repositories = new ArrayList<>();
        for (Delivery d : deliveries) {
            repositories.add(JSON.readTree(d.body()).path("repository").path("full_name").asText());
        }
        Map<String, Long> published = new HashMap<>();
        long start = System.nanoTime();
        for (int i = 0; i < deliveries.size(); i++) {
            long due = start + i * 1_000_000_000L / perSecond;
            while (System.nanoTime() < due) {
                Thread.onSpinWait();
            }
            Delivery d = deliveries.get(i);
            published.put(d.requestId(), raw.publish("bench", BitbucketFlavor.CLOUD, d.eventKey(), d.requestId(),
                    repositories.get(i), d.body()).timestamp());
        }
        int before = SATURATION_PUSHES;
        waitFor(() -> count(Topics.REFS_V1, "bench:ws-bench/load-") >= before + deliveries.size(),
                Duration.ofMinutes(5));
        List<Long> latencies = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : TopicScanner.ofSharedKafka().readCommitted(Topics.REFS_V1)) {
            if (record.key().startsWith("bench:ws-bench/load-")) {
                Long sent = published.get(JSON.readValue(record.value(), RefChangeEvent.class).origin().eventId());
                if (sent != null) {
                    latencies.add(record.timestamp() - sent);
                }
            }
        }
        latencies.sort(null);
        report("== Fixed rate: %d push events/s for %d s%n", perSecond, seconds);
        report("raw record -> ref record latency: p50 %d ms, p99 %d ms, max %d ms (%d events)%n%n",
                percentile(latencies, 50), percentile(latencies, 99), latencies.get(latencies.size() - 1),
                latencies.size());
    }

    private int push(RepoRef repo, String branch, int commits) {
        NewCommit[] fresh = new NewCommit[commits];
        for (int i = 0; i < commits; i++) {
            fresh[i] = NewCommit.by(dev, branch + " " + System.nanoTime()).adds(branch.replace('/', '-') + "/"
                    + System.nanoTime() + "-" + i, 1);
        }
        bitbucket.push(repo, branch, fresh);
        return commits;
    }

    private final java.util.Set<String> forwarded = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private void forward(RepoRef repo) throws InterruptedException {
        bitbucket.awaitDeliveries(Duration.ofSeconds(30));
        for (Delivery d : bitbucket.deliveries()) {
            if (d.attempt() == 1 && d.bodyText().contains("\"" + repo.owner() + "/" + repo.slug() + "\"")
                    && forwarded.add(d.requestId())) {
                raw.publish("bench", BitbucketFlavor.CLOUD, d.eventKey(), d.requestId(),
                        repo.owner() + "/" + repo.slug(), d.body());
            }
        }
    }

    private void forwardAndWait(RepoRef repo, int refs) throws InterruptedException {
        forward(repo);
        waitFor(() -> count(Topics.REFS_V1, "bench:" + repo.owner() + "/" + repo.slug()) >= refs);
    }

    private static RepoRef repository(String slug) {
        RepoRef repo = bitbucket.createRepository("ws-bench", slug);
        ConnectorProcess.api(connector, "POST", "/api/v1/integrations/bench/repositories",
                "{\"repository\": \"ws-bench/" + slug + "\"}", 200);
        return repo;
    }

    private static long count(String topic, String keyPrefix) {
        return TopicScanner.ofSharedKafka().readCommitted(topic).stream()
                .filter(r -> r.key() != null && r.key().startsWith(keyPrefix)).count();
    }

    private static void waitFor(java.util.concurrent.Callable<Boolean> condition) {
        waitFor(condition, Duration.ofSeconds(60));
    }

    private static void waitFor(java.util.concurrent.Callable<Boolean> condition, Duration timeout) {
        await().atMost(timeout).pollInterval(Duration.ofMillis(200)).until(condition);
    }

    /**
     * Calls by kind: the commits query, diffstat (commit or pull request), branch listing, PR commits, redirects
     * (Cloud answers a pull request's diffstat with one to the repository's), other.
     */
    static Map<String, Integer> classify(List<RecordedRequest> requests) {
        Map<String, Integer> calls = new HashMap<>();
        for (RecordedRequest request : requests) {
            String path = request.path();
            String kind = request.status() / 100 == 3 ? "redirect"
                    : path.contains("/pullrequests/") && path.endsWith("/commits") ? "pr-commits"
                            : path.contains("/diffstat") ? "diffstat"
                                    : path.endsWith("/commits") ? "commits"
                                            : path.contains("/refs/branches") ? "branches"
                                                    : path.contains("/commit/") ? "commit" : "other";
            calls.merge(kind, 1, Integer::sum);
        }
        return calls;
    }

    static long percentile(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return -1;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
    }

    /** One line (or block) of the printed report, through the logger. */
    private static void report(String format, Object... args) {
        REPORT.info(String.format(format, args).stripTrailing());
    }
}

package dev.bitbridge.connector.crash;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import dev.bitbridge.connector.support.BitbridgeTopics;
import dev.bitbridge.connector.support.RawWebhooks;
import dev.bitbridge.events.CloudEvents;
import dev.bitbridge.events.Topics;
import dev.bitbridge.events.scm.CommitEvent;
import dev.bitbridge.events.scm.RefChangeEvent;
import dev.bitbridge.events.webhook.BitbucketFlavor;
import dev.bitbridge.testkit.EmbeddedKafka;
import dev.bitbridge.testkit.EmbeddedPostgres;
import dev.bitbridge.testkit.FreePorts;
import dev.bitbridge.testkit.ServiceJar;
import dev.bitbridge.testkit.TopicScanner;
import dev.bitbridge.testkit.bitbucket.Account;
import dev.bitbridge.testkit.bitbucket.BitbucketSimulator;
import dev.bitbridge.testkit.bitbucket.Delivery;
import dev.bitbridge.testkit.bitbucket.NewCommit;
import dev.bitbridge.testkit.bitbucket.Push;
import dev.bitbridge.testkit.bitbucket.RepoRef;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Exactly once across {@code kill -9} (ADR 11), against the packaged connector: a stream of Cloud pushes, with
 * redeliveries, goes in at the raw topic; the connector is killed with SIGKILL in the middle of it — twice, each time
 * while a batch's transaction is open when one can be caught — and started again as the same enrichment instance (the
 * same {@code transactional.id}). In the end every ref and every commit is on its topic exactly once for a
 * {@code read_committed} consumer, each ref listing as new exactly the commits its push brought, and the enrichment
 * state in PostgreSQL is what one uninterrupted run would have left.
 * <p>
 * The children's output is in {@code target/connector-crash-<run>.log}.
 */
class ConnectorCrashIT {

    static final Path JAR = Path.of("target/quarkus-app/quarkus-run.jar");
    static final String INTEGRATION = "crash";
    static final String KEY_PREFIX = INTEGRATION + ":";
    static final String WORKSPACE = "ws-crash";
    static final String INSTANCE = "crash-it";
    static final String ENRICHMENT_GROUP = "bitbucket-connector-enrichment";
    static final String DATABASE = "bitbridge_connector";
    static final String ADMIN_TOKEN = "crash-it-admin-token-0123456789abcdef";
    static final int REPOSITORIES = 3;
    static final int PUSHES = Integer.getInteger("crash.pushes", 150);
    /** Every this many pushes, the push also creates a feature branch with one commit of its own. */
    static final int FEATURE_EVERY = 10;
    static final String[] SCOPES = { "read:user:bitbucket", "read:repository:bitbucket", "read:pullrequest:bitbucket",
            "read:webhook:bitbucket", "write:webhook:bitbucket", "delete:webhook:bitbucket" };
    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule());
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    static final Map<String, String> CONFIG = new LinkedHashMap<>();
    static BitbucketSimulator bitbucket;
    static RawWebhooks raw;
    static TopicScanner topics;
    static ServiceJar connector;
    static String jdbcUrl;
    static long began = System.nanoTime();

    /** Where each raw event was published ({@code partition@offset}, one per publication), by event id. */
    final Map<String, List<String>> published = new ConcurrentHashMap<>();
    final List<String> kills = new ArrayList<>();
    long abortedSoFar;

    @BeforeAll
    static void servers() throws Exception {
        began = System.nanoTime();
        EmbeddedPostgres pg = EmbeddedPostgres.shared();
        try (Connection connection = DriverManager.getConnection(pg.jdbcUrl(), pg.username(), "postgres");
                Statement statement = connection.createStatement()) {
            statement.execute("create database " + DATABASE);
        }
        new BitbridgeTopics().start();
        bitbucket = BitbucketSimulator.cloud();
        raw = new RawWebhooks();
        topics = TopicScanner.ofSharedKafka();
        String database = "localhost:" + pg.port() + "/" + DATABASE;
        jdbcUrl = "jdbc:postgresql://" + database;
        String oauth = bitbucket.tokenUrl().substring(0, bitbucket.tokenUrl().lastIndexOf('/'));
        CONFIG.put("kafka.bootstrap.servers", EmbeddedKafka.shared().bootstrapServers());
        CONFIG.put("quarkus.datasource.jdbc.url", "jdbc:postgresql://" + database);
        CONFIG.put("quarkus.datasource.reactive.url", "postgresql://" + database);
        CONFIG.put("quarkus.datasource.username", pg.username());
        CONFIG.put("quarkus.datasource.password", "postgres");
        CONFIG.put("bitbridge.connector.sealing-keys.test", "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=");
        CONFIG.put("bitbridge.connector.sealing-key-id", "test");
        CONFIG.put("bitbridge.credentials.master-keys.test", "ICEiIyQlJicoKSorLC0uLzAxMjM0NTY3ODk6Ozw9Pj8=");
        CONFIG.put("bitbridge.credentials.active-master-key", "test");
        CONFIG.put("bitbridge.connector.api.admin-token", ADMIN_TOKEN);
        // Nothing listens there: the simulator's deliveries fail at once, and the test publishes them itself.
        CONFIG.put("bitbridge.connector.webhook-base-url", "http://127.0.0.1:" + FreePorts.next());
        CONFIG.put("bitbridge.connector.bitbucket.cloud-api-url", bitbucket.baseUrl());
        CONFIG.put("bitbridge.connector.bitbucket.cloud-oauth-url", oauth);
        CONFIG.put("bitbridge.connector.webhooks.check-interval", "PT24H");
        // Files are fetched, never deferred: the test is about duplicates and losses, not the budget.
        CONFIG.put("bitbridge.connector.bitbucket.budget.requests-per-hour", "100000");
        // The same replica after each restart: the same transactional.id, which aborts what the killed one left open.
        CONFIG.put("bitbridge.connector.enrichment.instance", INSTANCE);
        CONFIG.put("mp.messaging.incoming.enrichment.max.poll.records", "20");
        // The killed member leaves the group when its session expires; the broker's minimum keeps restarts short.
        for (String channel : List.of("enrichment", "accepted-webhooks", "webhook-refusals")) {
            CONFIG.put("mp.messaging.incoming." + channel + ".session.timeout.ms", "6000");
            CONFIG.put("mp.messaging.incoming." + channel + ".heartbeat.interval.ms", "1000");
        }
    }

    @AfterAll
    static void stop() {
        if (connector != null && connector.process().isAlive()) {
            connector.kill();
        }
        if (raw != null) {
            raw.close();
        }
        if (bitbucket != null) {
            bitbucket.close();
        }
    }

    @Test
    void killedTwiceMidStreamTheConnectorPublishesEveryRefAndEveryCommitExactlyOnce() throws Exception {
        connector = start(1);
        Account dev = bitbucket.addAccount("Crash Tester", "crash@example.com");
        bitbucket.credentials().apiToken(dev, "tok-crash", SCOPES);
        call("POST", "/api/v1/integrations", """
                {"name": "%s", "flavor": "cloud", "workspace": "%s",
                 "credentials": {"kind": "cloud-api-token", "email": "crash@example.com", "token": "tok-crash"}}"""
                .formatted(INTEGRATION, WORKSPACE), 201);
        List<RepoRef> repos = new ArrayList<>();
        for (int r = 0; r < REPOSITORIES; r++) {
            repos.add(bitbucket.createRepository(WORKSPACE, "repo-" + r));
            call("POST", "/api/v1/integrations/" + INTEGRATION + "/repositories",
                    "{\"repository\": \"" + WORKSPACE + "/repo-" + r + "\"}", 200);
        }

        for (int i = 0; i < PUSHES; i++) {
            Push push = bitbucket.newPush(repos.get(i % REPOSITORIES), dev)
                    .branch("main", commit(dev, i, 1), commit(dev, i, 2));
            if (i % FEATURE_EVERY == FEATURE_EVERY - 1) {
                push.branch("feature/crash-" + i, commit(dev, i, 3));
            }
            push.send();
        }
        assertThat(bitbucket.awaitDeliveries(Duration.ofSeconds(30))).as("the simulator delivered").isTrue();
        List<Delivery> deliveries = bitbucket.deliveries().stream()
                .filter(d -> d.attempt() == 1 && "repo:push".equals(d.eventKey()))
                .toList();
        assertThat(deliveries).hasSize(PUSHES);
        Expected expected = Expected.of(deliveries);
        int features = PUSHES / FEATURE_EVERY;
        assertThat(expected.refs()).as("ref changes of the pushes").hasSize(PUSHES + features);
        assertThat(expected.commits()).as("commits of the pushes").hasSize(2 * PUSHES + features);
        log("%d pushes on %d repositories made: %d refs and %d commits expected", PUSHES, REPOSITORIES,
                expected.refs().size(), expected.commits().size());

        int third = PUSHES / 3;
        try (OutputWatcher watcher = new OutputWatcher(EmbeddedKafka.shared().bootstrapServers(), KEY_PREFIX,
                List.of(Topics.REFS_V1, Topics.COMMITS_V1))) {
            // The first third, with ten redeliveries: five of events likely handled already, five right behind theirs.
            publish(deliveries, 0, 25);
            publish(deliveries, 5, 10);
            publish(deliveries, 25, third);
            publish(deliveries, third - 10, third - 5);
            killMidStream(1, watcher, expected.refs().size() / 10);

            // While it is down: redeliveries of events long out and of events around the kill, then the second third.
            publish(deliveries, 0, 3);
            publish(deliveries, third - 2, third);
            publish(deliveries, third, 2 * third);
            connector = start(2);
            killMidStream(2, watcher, watcher.committed(Topics.REFS_V1) + expected.refs().size() / 4);

            publish(deliveries, third + 5, third + 8);
            publish(deliveries, 2 * third, PUSHES);
            connector = start(3);
            awaitAllOut(watcher, expected);
            // Anything late — a duplicate published after the last expected record — shows in this second.
            watcher.pollFor(Duration.ofSeconds(1));
            log("the watcher saw %s", watcher.summary());
        }

        List<ConsumerRecord<String, byte[]>> refs = mine(topics.readCommitted(Topics.REFS_V1));
        List<ConsumerRecord<String, byte[]>> commits = mine(topics.readCommitted(Topics.COMMITS_V1));
        List<ConsumerRecord<String, byte[]>> dead = mine(topics.readCommitted(Topics.WEBHOOKS_DEAD_LETTERS_V1));
        int refsAll = mine(topics.readAll(Topics.REFS_V1)).size();
        int commitsAll = mine(topics.readAll(Topics.COMMITS_V1)).size();
        log("kills: %s", kills);
        log("read_committed: %d ref records (expected %d), %d commit records (expected %d), %d dead letters",
                refs.size(), expected.refs().size(), commits.size(), expected.commits().size(), dead.size());
        log("read_uncommitted: %d ref records, %d commit records (records of aborted transactions included)", refsAll,
                commitsAll);
        logSuspiciousLines();

        SoftAssertions softly = new SoftAssertions();
        Map<String, List<ConsumerRecord<String, byte[]>>> refsById = byId(refs);
        Map<String, List<ConsumerRecord<String, byte[]>>> commitsById = byId(commits);
        softly.assertThat(duplicates(refsById)).as("ref records with the same ce_id").isEmpty();
        softly.assertThat(duplicates(commitsById)).as("commit records with the same ce_id").isEmpty();
        softly.assertThat(refs).as("ref records").hasSize(expected.refs().size());
        softly.assertThat(commits).as("commit records").hasSize(expected.commits().size());
        softly.assertThat(missing(expected.refs().keySet(), refsById.keySet()))
                .as("refs never published (event id/ref/index, with where the event was published)").isEmpty();
        softly.assertThat(unexpected(expected.refs().keySet(), refsById.keySet())).as("refs nobody expected")
                .isEmpty();

        Map<String, List<CommitEvent>> commitsByHash = new TreeMap<>();
        commits.stream().map(r -> read(r, CommitEvent.class))
                .forEach(c -> commitsByHash.computeIfAbsent(c.hash(), h -> new ArrayList<>()).add(c));
        softly.assertThat(commitsByHash.entrySet().stream().filter(e -> e.getValue().size() > 1)
                .map(e -> e.getKey() + " x" + e.getValue().size()).toList()).as("commits published twice").isEmpty();
        softly.assertThat(expected.commits().keySet().stream().filter(h -> !commitsByHash.containsKey(h))
                .map(h -> h + " (" + expected.commits().get(h) + ")").toList()).as("commits never published")
                .isEmpty();
        softly.assertThat(commitsByHash.keySet().stream().filter(h -> !expected.commits().containsKey(h)).toList())
                .as("commits nobody pushed").isEmpty();
        commitsByHash.forEach((hash, events) -> softly.assertThat(events.get(0).message().trim())
                .as("message of %s", hash).isEqualTo(expected.commits().get(hash)));
        commitsByHash.values().stream().map(events -> events.get(0)).filter(CommitEvent::filesPending)
                .forEach(c -> softly.fail("files still pending for " + c.hash()));

        // Each ref lists as new exactly what its push brought: a commit counted "known" would mean state of an
        // aborted attempt was taken for committed output.
        refsById.forEach((id, records) -> {
            List<String> brought = expected.refs().get(id);
            if (brought != null) {
                RefChangeEvent ref = read(records.get(0), RefChangeEvent.class);
                softly.assertThat(ref.newCommits()).as("new commits of %s (%s %s)", id, ref.ref(), ref.change())
                        .containsExactlyInAnyOrderElementsOf(brought);
                softly.assertThat(ref.knownCommits()).as("known commits of %s", id).isEmpty();
            }
        });
        softly.assertThat(dead).as("dead letters").isEmpty();
        checkState(softly, expected);
        softly.assertThat(refsAll).as("ref records, read_uncommitted").isGreaterThanOrEqualTo(refs.size());
        softly.assertThat(commitsAll).as("commit records, read_uncommitted").isGreaterThanOrEqualTo(commits.size());
        log("done in %.1f s", seconds());
        softly.assertAll();
    }

    /**
     * Lets the connector work until at least {@code refThreshold} ref records are committed, then kills it — at once
     * if a transaction with records in it shows within 3 s, else after them — and reports what it left open.
     */
    private void killMidStream(int run, OutputWatcher watcher, long refThreshold) {
        long deadline = System.nanoTime() + Duration.ofSeconds(45).toNanos();
        while (watcher.committed(Topics.REFS_V1) < refThreshold) {
            if (System.nanoTime() > deadline || !connector.process().isAlive()) {
                fail("Run %d: %d ref records expected before the kill; %s; alive: %s%n%s", run, refThreshold,
                        watcher.summary(), connector.process().isAlive(), tail(connector.output(), 60));
            }
            watcher.poll();
        }
        boolean openSeen = false;
        long gapDeadline = System.nanoTime() + Duration.ofSeconds(3).toNanos();
        while (System.nanoTime() < gapDeadline) {
            watcher.poll();
            if (watcher.uncommittedTotal() - watcher.committedTotal() > abortedSoFar) {
                openSeen = true;
                break;
            }
        }
        String seen = watcher.summary();
        int status = connector.kill();
        long refsAll = mine(topics.readAll(Topics.REFS_V1)).size();
        long refsCommitted = mine(topics.readCommitted(Topics.REFS_V1)).size();
        long commitsAll = mine(topics.readAll(Topics.COMMITS_V1)).size();
        long commitsCommitted = mine(topics.readCommitted(Topics.COMMITS_V1)).size();
        long leftOpen = refsAll + commitsAll - refsCommitted - commitsCommitted - abortedSoFar;
        abortedSoFar += leftOpen;
        String report = "kill %d (exit %d) at %.1f s: %d refs and %d commits committed; the killed process left %d"
                + " record(s) in an open transaction (watcher %s an open one: %s)";
        report = report.formatted(run, status, seconds(), refsCommitted, commitsCommitted, leftOpen,
                openSeen ? "caught" : "did not catch", seen);
        kills.add(report);
        log("%s", report);
    }

    /**
     * The enrichment state in PostgreSQL ends as one uninterrupted run would leave it: every event handled once,
     * stamped with the position of its first publication (redeliveries are skipped; a retry after a kill overwrites
     * the aborted attempt's row with the same position), and every commit stamped with the event that brought it.
     */
    private void checkState(SoftAssertions softly, Expected expected) throws SQLException {
        Map<String, String> firstPublished = new HashMap<>();
        published.forEach((id, positions) -> firstPublished.put(id, positions.get(0)));
        Map<String, String> broughtBy = new HashMap<>();
        expected.refs().forEach((id, brought) -> brought.forEach(h -> broughtBy.put(h, id.substring(0,
                id.indexOf('/')))));
        Map<String, Integer> outcomes = new TreeMap<>();
        int events = 0;
        int commits = 0;
        try (Connection connection = DriverManager.getConnection(jdbcUrl, "postgres", "postgres");
                Statement statement = connection.createStatement()) {
            try (ResultSet rows = statement.executeQuery("select event_id, src_partition, src_offset, outcome"
                    + " from enrichment_seen_event where integration = '" + INTEGRATION + "'")) {
                while (rows.next()) {
                    events++;
                    outcomes.merge(rows.getString(4), 1, Integer::sum);
                    softly.assertThat(rows.getInt(2) + "@" + rows.getLong(3)).as("position stamped on event %s",
                            rows.getString(1)).isEqualTo(firstPublished.get(rows.getString(1)));
                }
            }
            try (ResultSet rows = statement.executeQuery("select hash, src_partition, src_offset from known_commit"
                    + " where integration = '" + INTEGRATION + "'")) {
                while (rows.next()) {
                    commits++;
                    String event = broughtBy.get(rows.getString(1));
                    softly.assertThat(rows.getInt(2) + "@" + rows.getLong(3))
                            .as("position stamped on commit %s (brought by %s)", rows.getString(1), event)
                            .isEqualTo(event == null ? "an event that brought it" : firstPublished.get(event));
                }
            }
        }
        log("PostgreSQL: %d handled events %s, %d known commits", events, outcomes, commits);
        softly.assertThat(events).as("handled events in PostgreSQL").isEqualTo(PUSHES);
        softly.assertThat(commits).as("known commits in PostgreSQL").isEqualTo(expected.commits().size());
    }

    /** Waits until every expected record is committed and the enrichment group has committed the raw topic's end. */
    private void awaitAllOut(OutputWatcher watcher, Expected expected) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                EmbeddedKafka.shared().bootstrapServers()))) {
            long nextLagCheck = 0;
            while (true) {
                watcher.poll();
                boolean counted = watcher.committed(Topics.REFS_V1) >= expected.refs().size()
                        && watcher.committed(Topics.COMMITS_V1) >= expected.commits().size();
                if (counted && System.nanoTime() > nextLagCheck) {
                    long lag = lag(admin);
                    log("all expected records counted; the enrichment group's lag is %d", lag);
                    if (lag == 0) {
                        return;
                    }
                    nextLagCheck = System.nanoTime() + Duration.ofMillis(500).toNanos();
                }
                if (System.nanoTime() > deadline || !connector.process().isAlive()) {
                    log("not all out: %s; lag %d", watcher.summary(), lag(admin));
                    return; // the assertions say what is missing
                }
            }
        }
    }

    private static long lag(Admin admin) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(ENRICHMENT_GROUP,
                new ListConsumerGroupOffsetsOptions().requireStable(true)).partitionsToOffsetAndMetadata().get();
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        for (int p = 0; p < Topics.WEBHOOKS_V1_SPEC.partitions(); p++) {
            latest.put(new TopicPartition(Topics.WEBHOOKS_V1, p), OffsetSpec.latest());
        }
        long lag = 0;
        for (var end : admin.listOffsets(latest).all().get().entrySet()) {
            OffsetAndMetadata at = committed.get(end.getKey());
            lag += end.getValue().offset() - (at == null ? 0 : at.offset());
        }
        return lag;
    }

    /** Publishes deliveries {@code from} (inclusive) to {@code to} (exclusive) as the ingress would. */
    private void publish(List<Delivery> deliveries, int from, int to) {
        for (Delivery delivery : deliveries.subList(from, to)) {
            String repository = body(delivery).path("repository").path("full_name").asText();
            RecordMetadata at = raw.publish(INTEGRATION, BitbucketFlavor.CLOUD, delivery.eventKey(),
                    delivery.requestId(), repository, delivery.body());
            published.computeIfAbsent(delivery.requestId(), id -> new ArrayList<>())
                    .add(at.partition() + "@" + at.offset());
        }
    }

    private static ServiceJar start(int run) {
        long starting = System.nanoTime();
        ServiceJar.Builder builder = ServiceJar.of(JAR)
                .log(Path.of("target", "connector-crash-" + run + ".log").toAbsolutePath())
                .jvmOption("-Xmx256m")
                .jvmOption("-XX:TieredStopAtLevel=1");
        CONFIG.forEach(builder::property);
        ServiceJar started = builder.start().awaitReady(Duration.ofSeconds(60));
        log("run %d: connector pid %d ready in %d ms", run, started.process().pid(),
                (System.nanoTime() - starting) / 1_000_000);
        return started;
    }

    private static String call(String method, String path, String body, int status) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(connector.publicUrl().resolve(path))
                .header("Authorization", "Bearer " + ADMIN_TOKEN)
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body))
                .timeout(Duration.ofSeconds(30))
                .build();
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("%s %s: %s", method, path, response.body()).isEqualTo(status);
        return response.body();
    }

    private static NewCommit commit(Account who, int push, int index) {
        return NewCommit.by(who, message(push, index)).adds("crash/p" + push + "-c" + index + ".txt", 2);
    }

    private static String message(int push, int index) {
        return "CRASH p" + push + " c" + index;
    }

    private List<ConsumerRecord<String, byte[]>> mine(List<ConsumerRecord<String, byte[]>> records) {
        return records.stream().filter(r -> r.key() != null && r.key().startsWith(KEY_PREFIX)).toList();
    }

    private static Map<String, List<ConsumerRecord<String, byte[]>>> byId(List<ConsumerRecord<String, byte[]>> records) {
        Map<String, List<ConsumerRecord<String, byte[]>>> byId = new LinkedHashMap<>();
        records.forEach(r -> byId.computeIfAbsent(String.valueOf(TopicScanner.header(r, CloudEvents.HEADER_ID)),
                id -> new ArrayList<>()).add(r));
        return byId;
    }

    /** @return each ce_id seen more than once, with where its records are */
    private static List<String> duplicates(Map<String, List<ConsumerRecord<String, byte[]>>> byId) {
        return byId.entrySet().stream().filter(e -> e.getValue().size() > 1)
                .map(e -> e.getKey() + " at " + e.getValue().stream().map(r -> r.partition() + "@" + r.offset())
                        .toList())
                .toList();
    }

    private List<String> missing(Set<String> expected, Set<String> found) {
        return expected.stream().filter(id -> !found.contains(id))
                .map(id -> id + " raw " + published.get(id.substring(0, id.indexOf('/')))).toList();
    }

    private static List<String> unexpected(Set<String> expected, Set<String> found) {
        return found.stream().filter(id -> !expected.contains(id)).toList();
    }

    private static <T> T read(ConsumerRecord<String, byte[]> record, Class<T> type) {
        try {
            return JSON.readValue(record.value(), type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode body(Delivery delivery) {
        try {
            return JSON.readTree(delivery.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Prints every warning and error the connector runs logged, and how many there were. */
    private static void logSuspiciousLines() throws IOException {
        for (int run = 1; run <= 3; run++) {
            Path file = Path.of("target", "connector-crash-" + run + ".log");
            if (!Files.exists(file)) {
                continue;
            }
            List<String> lines = Files.readAllLines(file).stream()
                    .filter(l -> l.contains(" WARN ") || l.contains(" ERROR ") || l.contains("Exception"))
                    .toList();
            log("run %d log: %d warning/error line(s)%s", run, lines.size(), lines.isEmpty() ? ""
                    : ":\n  " + lines.stream().limit(40).map(l -> l.length() > 400 ? l.substring(0, 400) + "…" : l)
                            .collect(Collectors.joining("\n  ")));
        }
    }

    private static String tail(String text, int lines) {
        List<String> all = text.lines().toList();
        return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    }

    private static double seconds() {
        return (System.nanoTime() - began) / 1e9;
    }

    private static void log(String format, Object... args) {
        System.out.printf("[ConnectorCrashIT %5.1f s] %s%n", seconds(), format.formatted(args));
    }

    /**
     * What the deliveries say must come out.
     *
     * @param refs the expected ce_id of every ref record ({@code <event id>/ref/<index of the change>}) with the
     *        commits that change brought, newest first
     * @param commits the message of every commit pushed, by hash
     */
    record Expected(Map<String, List<String>> refs, Map<String, String> commits) {

        static Expected of(List<Delivery> deliveries) {
            Map<String, List<String>> refs = new LinkedHashMap<>();
            Map<String, String> commits = new LinkedHashMap<>();
            for (Delivery delivery : deliveries) {
                JsonNode changes = body(delivery).path("push").path("changes");
                Set<String> broughtByEarlierChanges = new HashSet<>();
                for (int j = 0; j < changes.size(); j++) {
                    JsonNode listed = changes.get(j).path("commits");
                    // A change's head commit is new. It brought the commits of its push that no earlier change of
                    // the push brought: a feature branch made on top of main's new commits brings only its own.
                    String push = pushOf(listed.get(0).path("message").asText());
                    List<String> brought = new ArrayList<>();
                    for (JsonNode c : listed) {
                        String hash = c.path("hash").asText();
                        String message = c.path("message").asText().trim();
                        commits.put(hash, message);
                        if (pushOf(message).equals(push) && broughtByEarlierChanges.add(hash)) {
                            brought.add(hash);
                        }
                    }
                    refs.put(delivery.requestId() + "/ref/" + j, brought);
                }
            }
            return new Expected(refs, commits);
        }

        private static String pushOf(String message) {
            return message.trim().replaceAll("^CRASH (p\\d+) c\\d+$", "$1");
        }
    }
}

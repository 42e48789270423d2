package dev.bitbridge.ingress.publish;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.smallrye.mutiny.Uni;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RecentDeliveriesTest {

    private static final long WINDOW = Duration.ofMinutes(60).toMillis();
    private static final long START = 1_800_000_000_000L;

    private long now = START;
    private final AtomicInteger evictions = new AtomicInteger();
    private final AtomicInteger publishes = new AtomicInteger();
    private ExecutorService threads;

    @BeforeAll
    static void initialiseMutinyOnOneThread() {
        // Outside Quarkus, SmallRye Context Propagation sets itself up on first use, which two threads may race for.
        Uni.createFrom().completionStage(CompletableFuture.completedFuture(null)).await().indefinitely();
    }

    @AfterEach
    void stopThreads() {
        if (threads != null) {
            threads.shutdownNow();
        }
    }

    private RecentDeliveries window(int capacity) {
        return new RecentDeliveries(WINDOW, capacity, () -> now, evictions::incrementAndGet);
    }

    /** A publish that succeeds at once, counted. */
    private Supplier<Uni<Void>> succeeds() {
        return () -> {
            publishes.incrementAndGet();
            return Uni.createFrom().item((Void) null);
        };
    }

    /** A publish that stays in flight until {@code outcome} is completed, counted. */
    private Supplier<Uni<Void>> inFlight(CompletableFuture<Void> outcome) {
        return () -> {
            publishes.incrementAndGet();
            return Uni.createFrom().completionStage(outcome);
        };
    }

    private static Boolean await(Uni<Boolean> answer) {
        return answer.await().atMost(Duration.ofSeconds(5));
    }

    private static Boolean publishedOnce(RecentDeliveries deliveries, String key, Supplier<Uni<Void>> publish) {
        return await(deliveries.publishOnce(key, publish));
    }

    @Test
    void theFirstDeliveryPublishesAndARedeliveryIsADuplicate() {
        RecentDeliveries deliveries = window(10);

        assertThat(publishedOnce(deliveries, "acme/1", succeeds())).isFalse();
        assertThat(publishedOnce(deliveries, "acme/1", succeeds())).isTrue();
        assertThat(publishedOnce(deliveries, "acme/2", succeeds())).isFalse();
        assertThat(publishes).hasValue(2);
    }

    @Test
    void identityKeepsIntegrationsApart() {
        RecentDeliveries deliveries = window(10);

        publishedOnce(deliveries, RecentDeliveries.identity("acme", "id-1"), succeeds());

        assertThat(deliveries.remembers(RecentDeliveries.identity("acme", "id-1"))).isTrue();
        assertThat(deliveries.remembers(RecentDeliveries.identity("other", "id-1"))).isFalse();
    }

    @ParameterizedTest(name = "{0} ms after its first delivery: remembered={1}")
    @CsvSource({ "0, true", "1, true", "3599999, true", "3600000, false", "3600001, false", "86400000, false" })
    void anIdIsForgottenExactlyWhenItsWindowEnds(long later, boolean remembered) {
        RecentDeliveries deliveries = window(10);
        publishedOnce(deliveries, "acme/1", succeeds());

        now += later;

        assertThat(deliveries.remembers("acme/1")).isEqualTo(remembered);
        assertThat(publishedOnce(deliveries, "acme/1", succeeds())).isEqualTo(remembered);
        assertThat(publishes).hasValue(remembered ? 1 : 2);
    }

    @Test
    void windowExpiryIsNotCountedAsEviction() {
        RecentDeliveries deliveries = window(2);
        publishedOnce(deliveries, "acme/1", succeeds());
        publishedOnce(deliveries, "acme/2", succeeds());

        now += WINDOW;
        publishedOnce(deliveries, "acme/3", succeeds());
        publishedOnce(deliveries, "acme/4", succeeds());

        assertThat(deliveries.remembers("acme/1")).isFalse();
        assertThat(deliveries.remembers("acme/2")).isFalse();
        assertThat(deliveries.size()).isEqualTo(2);
        assertThat(evictions).hasValue(0);
    }

    @ParameterizedTest(name = "capacity {0}")
    @ValueSource(ints = { 1, 2, 3, 10 })
    void overflowingForgetsTheOldestEvenIfItIsTheMostAskedFor(int capacity) {
        RecentDeliveries deliveries = window(capacity);
        for (int i = 0; i < capacity; i++) {
            publishedOnce(deliveries, "acme/" + i, succeeds());
            now += 1;
        }
        for (int i = 0; i < 50; i++) {
            assertThat(publishedOnce(deliveries, "acme/0", succeeds())).isTrue();
            assertThat(deliveries.remembers("acme/0")).isTrue();
        }

        publishedOnce(deliveries, "acme/new", succeeds());

        assertThat(deliveries.remembers("acme/0")).isFalse();
        for (int i = 1; i < capacity; i++) {
            assertThat(deliveries.remembers("acme/" + i)).as("acme/" + i).isTrue();
        }
        assertThat(deliveries.remembers("acme/new")).isTrue();
        assertThat(deliveries.size()).isEqualTo(capacity);
        assertThat(evictions).hasValue(1);
    }

    @Test
    void idsFirstSeenAtTheSameMillisecondGoInArrivalOrder() {
        RecentDeliveries deliveries = window(3);
        publishedOnce(deliveries, "acme/c", succeeds());
        publishedOnce(deliveries, "acme/a", succeeds());
        publishedOnce(deliveries, "acme/b", succeeds());

        publishedOnce(deliveries, "acme/d", succeeds());
        assertThat(deliveries.remembers("acme/c")).isFalse();
        publishedOnce(deliveries, "acme/e", succeeds());
        assertThat(deliveries.remembers("acme/a")).isFalse();

        assertThat(deliveries.remembers("acme/b")).isTrue();
        assertThat(evictions).hasValue(2);
    }

    @Test
    void anIdStillPublishingIsNeverEvictedAndItsRedeliveryWaitsForIt() {
        RecentDeliveries deliveries = window(2);
        CompletableFuture<Void> slow = new CompletableFuture<>();
        CompletableFuture<Boolean> first = deliveries.publishOnce("acme/slow", inFlight(slow))
                .subscribeAsCompletionStage();
        for (int i = 0; i < 5; i++) {
            now += 1;
            publishedOnce(deliveries, "acme/" + i, succeeds());
        }

        assertThat(deliveries.remembers("acme/slow")).isTrue();
        assertThat(deliveries.remembers("acme/4")).isTrue();
        assertThat(deliveries.remembers("acme/3")).isFalse();
        assertThat(evictions).hasValue(4);

        CompletableFuture<Boolean> redelivery = deliveries.publishOnce("acme/slow", succeeds())
                .subscribeAsCompletionStage();
        assertThat(first).isNotDone();
        assertThat(redelivery).isNotDone();
        assertThat(publishes).hasValue(6);

        slow.complete(null);

        assertThat(first).succeedsWithin(Duration.ofSeconds(5)).isEqualTo(false);
        assertThat(redelivery).succeedsWithin(Duration.ofSeconds(5)).isEqualTo(true);
        assertThat(publishes).hasValue(6);
        assertThat(deliveries.remembers("acme/slow")).isTrue();
    }

    @Test
    void inFlightClaimsMayExceedTheCapacity() {
        RecentDeliveries deliveries = window(2);
        List<CompletableFuture<Void>> pending = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            CompletableFuture<Void> outcome = new CompletableFuture<>();
            pending.add(outcome);
            deliveries.publishOnce("acme/" + i, inFlight(outcome)).subscribeAsCompletionStage();
        }

        assertThat(deliveries.size()).isEqualTo(5);
        assertThat(evictions).hasValue(0);

        pending.forEach(outcome -> outcome.complete(null));

        assertThat(deliveries.size()).isEqualTo(2);
        assertThat(deliveries.remembers("acme/3")).isTrue();
        assertThat(deliveries.remembers("acme/4")).isTrue();
        assertThat(evictions).hasValue(3);
    }

    @Test
    void aFailedPublishReleasesTheClaimSoTheNextDeliveryPublishes() {
        RecentDeliveries deliveries = window(10);
        Supplier<Uni<Void>> fails = () -> {
            publishes.incrementAndGet();
            return Uni.createFrom().failure(new IllegalStateException("broker down"));
        };

        assertThatThrownBy(() -> publishedOnce(deliveries, "acme/1", fails)).hasMessageContaining("broker down");
        assertThat(deliveries.remembers("acme/1")).isFalse();
        assertThat(deliveries.size()).isZero();

        assertThat(publishedOnce(deliveries, "acme/1", succeeds())).isFalse();
        assertThat(publishes).hasValue(2);
        assertThat(publishedOnce(deliveries, "acme/1", succeeds())).isTrue();
    }

    @Test
    void aPublishThatThrowsReleasesTheClaim() {
        RecentDeliveries deliveries = window(10);

        assertThatThrownBy(() -> publishedOnce(deliveries, "acme/1", () -> {
            throw new IllegalStateException("cannot even start");
        })).hasMessageContaining("cannot even start");

        assertThat(deliveries.remembers("acme/1")).isFalse();
        assertThat(publishedOnce(deliveries, "acme/1", succeeds())).isFalse();
    }

    @Test
    void aRedeliveryWaitingForAPublishThatFailsFailsTooAndTheNextOnePublishes() {
        RecentDeliveries deliveries = window(10);
        CompletableFuture<Void> slow = new CompletableFuture<>();
        CompletableFuture<Boolean> first = deliveries.publishOnce("acme/1", inFlight(slow)).subscribeAsCompletionStage();
        CompletableFuture<Boolean> waiting = deliveries.publishOnce("acme/1", succeeds()).subscribeAsCompletionStage();

        slow.completeExceptionally(new IllegalStateException("broker down"));

        assertThat(first).failsWithin(Duration.ofSeconds(5));
        assertThat(waiting).failsWithin(Duration.ofSeconds(5));
        assertThat(publishes).hasValue(1);
        assertThat(publishedOnce(deliveries, "acme/1", succeeds())).isFalse();
        assertThat(publishes).hasValue(2);
    }

    @Test
    void aCallerThatStopsWaitingDoesNotSpoilTheOutcomeForOthers() {
        RecentDeliveries deliveries = window(10);
        CompletableFuture<Void> slow = new CompletableFuture<>();
        deliveries.publishOnce("acme/1", inFlight(slow)).subscribe().with(ignored -> {
        }).cancel();
        deliveries.publishOnce("acme/1", succeeds()).subscribe().with(ignored -> {
        }).cancel();
        CompletableFuture<Boolean> patient = deliveries.publishOnce("acme/1", succeeds()).subscribeAsCompletionStage();

        slow.complete(null);

        assertThat(patient).succeedsWithin(Duration.ofSeconds(5)).isEqualTo(true);
        assertThat(publishedOnce(deliveries, "acme/1", succeeds())).isTrue();
        assertThat(publishes).hasValue(1);
    }

    @ParameterizedTest(name = "learnt {0} ms before now")
    @CsvSource({ "0", "1", "60000", "3540000", "3599999" })
    void anIdLearntFromTheTopicExpiresByItsRecordTimestamp(long age) {
        RecentDeliveries deliveries = window(10);
        long publishedAt = now - age;

        deliveries.published("acme/1", publishedAt);

        assertThat(deliveries.remembers("acme/1")).isTrue();
        assertThat(publishedOnce(deliveries, "acme/1", succeeds())).isTrue();
        now = publishedAt + WINDOW - 1;
        assertThat(deliveries.remembers("acme/1")).isTrue();
        now = publishedAt + WINDOW;
        assertThat(deliveries.remembers("acme/1")).isFalse();
        assertThat(publishes).hasValue(0);
        assertThat(evictions).hasValue(0);
    }

    @Test
    void anIdLearnt59MinutesLateIsForgottenAMinuteLater() {
        RecentDeliveries deliveries = window(10);
        deliveries.published("acme/1", now - Duration.ofMinutes(59).toMillis());

        now += Duration.ofMinutes(1).toMillis() - 1;
        assertThat(deliveries.remembers("acme/1")).isTrue();
        now += 1;
        assertThat(deliveries.remembers("acme/1")).isFalse();
    }

    @ParameterizedTest(name = "learnt {0} ms before now")
    @ValueSource(longs = { 3600000, 3600001, 86400000 })
    void anIdLearntFromOutsideTheWindowIsIgnored(long age) {
        RecentDeliveries deliveries = window(1);
        publishedOnce(deliveries, "acme/kept", succeeds());

        deliveries.published("acme/old", now - age);

        assertThat(deliveries.remembers("acme/old")).isFalse();
        assertThat(deliveries.remembers("acme/kept")).isTrue();
        assertThat(deliveries.size()).isEqualTo(1);
        assertThat(evictions).hasValue(0);
    }

    @Test
    void learningAnIdAlreadyRememberedKeepsItsFirstDelivery() {
        RecentDeliveries deliveries = window(10);
        publishedOnce(deliveries, "acme/1", succeeds());
        now += WINDOW - 10;

        deliveries.published("acme/1", now);

        now += 10;
        assertThat(deliveries.remembers("acme/1")).isFalse();
    }

    @Test
    void learningAnIdBeingClaimedKeepsTheClaim() {
        RecentDeliveries deliveries = window(10);
        CompletableFuture<Void> slow = new CompletableFuture<>();
        CompletableFuture<Boolean> first = deliveries.publishOnce("acme/1", inFlight(slow)).subscribeAsCompletionStage();

        deliveries.published("acme/1", now);
        CompletableFuture<Boolean> redelivery = deliveries.publishOnce("acme/1", succeeds())
                .subscribeAsCompletionStage();

        assertThat(redelivery).as("waits for the publish in flight").isNotDone();
        assertThat(deliveries.size()).isEqualTo(1);
        slow.complete(null);
        assertThat(first).succeedsWithin(Duration.ofSeconds(5)).isEqualTo(false);
        assertThat(redelivery).succeedsWithin(Duration.ofSeconds(5)).isEqualTo(true);
        assertThat(publishes).hasValue(1);
        assertThat(deliveries.size()).isEqualTo(1);
    }

    @Test
    void learntIdsTakeTheirPlaceInTheOrderByTimestamp() {
        RecentDeliveries deliveries = window(2);
        publishedOnce(deliveries, "acme/delivered", succeeds());
        now += 1000;
        deliveries.published("acme/learnt-late", now);

        deliveries.published("acme/learnt-early", now - 5000);

        assertThat(deliveries.remembers("acme/learnt-early")).isFalse();
        assertThat(deliveries.remembers("acme/delivered")).isTrue();
        assertThat(deliveries.remembers("acme/learnt-late")).isTrue();
        assertThat(evictions).hasValue(1);
    }

    @Test
    void overflowByLearntIdsCountsEvictions() {
        RecentDeliveries deliveries = window(3);
        for (int i = 0; i < 10; i++) {
            deliveries.published("acme/" + i, now + i);
        }

        assertThat(deliveries.size()).isEqualTo(3);
        assertThat(deliveries.remembers("acme/6")).isFalse();
        assertThat(deliveries.remembers("acme/7")).isTrue();
        assertThat(evictions).hasValue(7);
    }

    @Test
    void manyThreadsDeliveringTheSameIdPublishItOnce() throws Exception {
        int parallel = 16;
        threads = Executors.newFixedThreadPool(parallel);
        for (int round = 0; round < 200; round++) {
            RecentDeliveries deliveries = window(1000);
            AtomicInteger published = new AtomicInteger();
            CompletableFuture<Void> outcome = new CompletableFuture<>();
            CountDownLatch start = new CountDownLatch(1);
            List<Future<CompletableFuture<Boolean>>> answers = new ArrayList<>();
            for (int t = 0; t < parallel; t++) {
                answers.add(threads.submit(() -> {
                    start.await();
                    return deliveries.publishOnce("acme/same", () -> {
                        published.incrementAndGet();
                        return Uni.createFrom().completionStage(outcome);
                    }).subscribeAsCompletionStage();
                }));
            }
            start.countDown();
            List<CompletableFuture<Boolean>> results = new ArrayList<>();
            for (Future<CompletableFuture<Boolean>> answer : answers) {
                results.add(answer.get(5, TimeUnit.SECONDS));
            }
            outcome.complete(null);

            assertThat(published).as("round " + round).hasValue(1);
            assertThat(results).extracting(r -> r.get(5, TimeUnit.SECONDS))
                    .as("round " + round)
                    .containsOnlyOnce(false)
                    .hasSize(parallel);
            assertThat(deliveries.size()).isEqualTo(1);
        }
    }

    @Test
    void manyThreadsDeliveringDifferentIdsNeverLoseOne() throws Exception {
        int parallel = 8;
        int perThread = 500;
        threads = Executors.newFixedThreadPool(parallel);
        RecentDeliveries deliveries = window(parallel * perThread);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < parallel; t++) {
            int thread = t;
            done.add(threads.submit(() -> {
                start.await();
                for (int i = 0; i < perThread; i++) {
                    await(deliveries.publishOnce("acme/" + thread + "-" + i, succeeds()));
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> f : done) {
            f.get(30, TimeUnit.SECONDS);
        }

        assertThat(deliveries.size()).isEqualTo(parallel * perThread);
        assertThat(publishes).hasValue(parallel * perThread);
        assertThat(evictions).hasValue(0);
    }
}

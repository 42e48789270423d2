package dev.bitbridge.platform.work;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;

import dev.bitbridge.testkit.ManualClock;

import static org.assertj.core.api.Assertions.assertThat;

/** What a liveness check learns from a {@link SinglePass}: a loop whose pass hangs, or whose passes stopped. */
class SinglePassTest {

    private static final Duration STUCK = Duration.ofMinutes(3);
    private static final Duration SILENT = Duration.ofSeconds(50);

    private final ManualClock clock = new ManualClock(Instant.parse("2026-11-23T10:00:00Z"));

    @Test
    void aLoopWhosePassesEndIsWell() {
        AtomicInteger passes = new AtomicInteger();
        SinglePass loop = new SinglePass("dispatch", () -> {
            passes.incrementAndGet();
            return Uni.createFrom().voidItem();
        }, null, clock);

        for (int i = 0; i < 10; i++) {
            clock.advance(Duration.ofSeconds(40));
            loop.run().await().indefinitely();
            assertThat(loop.problem(STUCK, SILENT)).isEmpty();
        }
        assertThat(passes).hasValue(10);
    }

    @Test
    void aPassThatDoesNotEndIsAProblemOnceItRunsLongerThanItMay() {
        UniEmitter<?>[] pending = new UniEmitter<?>[1];
        SinglePass loop = new SinglePass("dispatch", () -> Uni.createFrom().emitter(e -> pending[0] = e), null, clock);
        loop.run().subscribe().with(done -> {
        });

        clock.advance(STUCK);
        assertThat(loop.problem(STUCK, SILENT)).as("a long pass is not silence either").isEmpty();
        clock.advance(Duration.ofSeconds(1));
        assertThat(loop.problem(STUCK, SILENT)).hasValueSatisfying(problem -> assertThat(problem)
                .startsWith("a dispatch pass has run since 2026-11-23T10:00:00Z"));

        pending[0].complete(null);
        assertThat(loop.problem(STUCK, SILENT)).as("it ended: well again").isEmpty();
    }

    @Test
    void noPassForLongerThanTheLoopMayBeSilentIsAProblem() {
        SinglePass loop = new SinglePass("outbox", () -> Uni.createFrom().voidItem(), null, clock);
        loop.run().await().indefinitely();

        clock.advance(SILENT);
        assertThat(loop.problem(STUCK, SILENT)).isEmpty();
        clock.advance(Duration.ofSeconds(1));
        assertThat(loop.problem(STUCK, SILENT)).hasValue("no outbox pass since 2026-11-23T10:00:00Z (longer than"
                + " PT50S)");
    }

    @Test
    void aLoopThatNeverRanIsSilentFromItsStart() {
        SinglePass loop = new SinglePass("schedule", () -> Uni.createFrom().voidItem(), null, clock);

        clock.advance(SILENT.plusSeconds(1));

        assertThat(loop.problem(STUCK, SILENT)).hasValueSatisfying(problem -> assertThat(problem)
                .startsWith("no schedule pass since"));
    }
}

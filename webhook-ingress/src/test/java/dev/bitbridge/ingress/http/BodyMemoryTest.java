package dev.bitbridge.ingress.http;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class BodyMemoryTest {

    @ParameterizedTest(name = "capacity {0}, {1} used, reserve {2}: {3}")
    @CsvSource({
            "100, 0, 100, true",
            "100, 0, 101, false",
            "100, 0, 0, true",
            "100, 60, 40, true",
            "100, 60, 41, false",
            "100, 100, 1, false",
            "100, 100, 0, true",
            "0, 0, 1, false" })
    void aReservationFitsOrNothingIsReserved(long capacity, long used, long bytes, boolean fits) {
        BodyMemory memory = new BodyMemory(capacity);
        assertThat(memory.tryReserve(used)).isTrue();

        assertThat(memory.tryReserve(bytes)).isEqualTo(fits);

        assertThat(memory.used()).isEqualTo(fits ? used + bytes : used);
        assertThat(memory.capacity()).isEqualTo(capacity);
    }

    @Test
    void releasedMemoryCanBeReservedAgain() {
        BodyMemory memory = new BodyMemory(1000);
        assertThat(memory.tryReserve(700)).isTrue();
        assertThat(memory.tryReserve(400)).isFalse();

        memory.release(300);

        assertThat(memory.used()).isEqualTo(400);
        assertThat(memory.tryReserve(600)).isTrue();
        assertThat(memory.used()).isEqualTo(1000);
        memory.release(400);
        memory.release(600);
        assertThat(memory.used()).isZero();
    }

    @Test
    void concurrentReservationsNeverExceedTheCapacity() throws Exception {
        long capacity = 10_000;
        int parallel = 16;
        BodyMemory memory = new BodyMemory(capacity);
        AtomicLong held = new AtomicLong();
        AtomicLong mostHeld = new AtomicLong();
        AtomicLong refusals = new AtomicLong();
        ExecutorService threads = Executors.newFixedThreadPool(parallel);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < parallel; t++) {
                int thread = t;
                done.add(threads.submit(() -> {
                    start.await();
                    for (int i = 0; i < 20_000; i++) {
                        long bytes = 1 + (thread * 7919L + i * 104_729L) % 3000;
                        if (memory.tryReserve(bytes)) {
                            mostHeld.accumulateAndGet(held.addAndGet(bytes), Math::max);
                            Thread.yield();
                            held.addAndGet(-bytes);
                            memory.release(bytes);
                        } else {
                            refusals.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            threads.shutdownNow();
        }

        assertThat(refusals).as("the capacity was contended").hasPositiveValue();
        assertThat(mostHeld.get()).isLessThanOrEqualTo(capacity);
        assertThat(memory.used()).isZero();
    }
}

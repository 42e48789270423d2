package dev.bitbridge.bench;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import org.HdrHistogram.Recorder;

import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * Throughput: {@code C} senders, each sending its next request as soon as the previous one is answered, until the
 * window closes. Each sender holds one of the client's {@code C} keep-alive connections.
 */
public final class ClosedLoopLoad {

    private static final long ERROR_BACKOFF_MS = 10;

    private final Vertx vertx;
    private final WebhookSender sender;
    private final int concurrency;
    private final CpuSampler cpu;

    /**
     * @param vertx runs the senders on its event loops
     * @param sender sends one request
     * @param concurrency C, the number of senders
     * @param cpu samples CPU use around the window
     */
    public ClosedLoopLoad(Vertx vertx, WebhookSender sender, int concurrency, CpuSampler cpu) {
        this.vertx = vertx;
        this.sender = sender;
        this.concurrency = concurrency;
        this.cpu = cpu;
    }

    /**
     * @param phase the phase's name
     * @param duration how long to send
     * @return the outcomes completed inside the window
     */
    public LoadResult run(String phase, Duration duration) throws InterruptedException {
        StatusTally tally = new StatusTally();
        Recorder latency = new Recorder(LatencyStats.SIGNIFICANT_DIGITS);
        AtomicLong sequence = new AtomicLong();
        LongAdder late = new LongAdder();
        CountDownLatch finished = new CountDownLatch(concurrency);
        CpuSampler.Snapshot cpuBefore = cpu.snapshot();
        long start = System.nanoTime();
        long end = start + duration.toNanos();

        for (int i = 0; i < concurrency; i++) {
            Context context = vertx.getOrCreateContext();
            Runnable[] next = new Runnable[1];
            next[0] = () -> {
                long began = System.nanoTime();
                if (began >= end) {
                    finished.countDown();
                    return;
                }
                sender.send(sequence.getAndIncrement()).onComplete(done -> {
                    long now = System.nanoTime();
                    Outcome outcome = done.result();
                    if (now <= end) {
                        tally.record(outcome);
                        latency.recordValue(Math.max(0, (now - began) / 1000));
                    } else {
                        late.increment();
                    }
                    if (outcome.status() == Outcome.FAILED) {
                        vertx.setTimer(ERROR_BACKOFF_MS, t -> next[0].run());
                    } else {
                        context.runOnContext(v -> next[0].run());
                    }
                });
            };
            context.runOnContext(v -> next[0].run());
        }

        Pacing.sleepUntil(end);
        CpuSplit split = cpu.since(cpuBefore);
        boolean all = finished.await(duration.toSeconds() + 60, TimeUnit.SECONDS);
        return new LoadResult(phase, Duration.ofNanos(end - start), sequence.get(), tally,
                LatencyStats.of(latency.getIntervalHistogram()), late.sum(), all ? 0 : finished.getCount(), split,
                "");
    }
}

package dev.bitbridge.bench;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

import org.HdrHistogram.Recorder;

import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * Latency at a fixed rate: requests start on a {@link FixedRateSchedule} whether or not earlier ones were answered,
 * and each one's latency runs from its <em>intended</em> start to its answer. A request that found every connection
 * busy, or a sender that fell behind, therefore shows up as latency instead of vanishing (no coordinated omission).
 */
public final class OpenLoopLoad {

    private final Vertx vertx;
    private final WebhookSender sender;
    private final CpuSampler cpu;

    /**
     * @param vertx runs the requests on its event loops
     * @param sender sends one request
     * @param cpu samples CPU use around the window
     */
    public OpenLoopLoad(Vertx vertx, WebhookSender sender, CpuSampler cpu) {
        this.vertx = vertx;
        this.sender = sender;
        this.cpu = cpu;
    }

    /**
     * @param phase the phase's name
     * @param rate requests per second
     * @param duration how long to send
     * @param eventLoops how many event-loop contexts to spread requests over
     * @return every request's outcome and latency from its intended start
     */
    public LoadResult run(String phase, int rate, Duration duration, int eventLoops) throws InterruptedException {
        StatusTally tally = new StatusTally();
        Recorder latency = new Recorder(LatencyStats.SIGNIFICANT_DIGITS);
        Context[] contexts = new Context[eventLoops];
        for (int i = 0; i < contexts.length; i++) {
            contexts[i] = vertx.getOrCreateContext();
        }
        CpuSampler.Snapshot cpuBefore = cpu.snapshot();
        FixedRateSchedule schedule = new FixedRateSchedule(System.nanoTime() + 1_000_000, rate, duration);
        CountDownLatch answered = new CountDownLatch(Math.toIntExact(schedule.count()));
        LongAdder late = new LongAdder();
        long maxDispatchLag = 0;

        for (long i = 0; i < schedule.count(); i++) {
            long intended = schedule.intendedNanos(i);
            Pacing.sleepUntil(intended);
            maxDispatchLag = Math.max(maxDispatchLag, System.nanoTime() - intended);
            long sequence = i;
            contexts[(int) (i % contexts.length)].runOnContext(v -> sender.send(sequence).onComplete(done -> {
                tally.record(done.result());
                latency.recordValue(Math.max(0, (System.nanoTime() - intended) / 1000));
                answered.countDown();
            }));
        }
        Pacing.sleepUntil(schedule.endNanos());
        CpuSplit split = cpu.since(cpuBefore);
        long pendingAtEnd = answered.getCount();
        boolean all = answered.await(60, TimeUnit.SECONDS);
        String note = String.format(Locale.ROOT, "%d requests at %d/s; %d still unanswered when the window closed "
                + "(counted, with their full latency); sender's worst dispatch lag %s", schedule.count(), rate,
                pendingAtEnd, LatencyStats.ms(maxDispatchLag / 1000));
        return new LoadResult(phase, duration, schedule.count(), tally, LatencyStats.of(latency.getIntervalHistogram()),
                0, all ? 0 : answered.getCount(), split, note);
    }
}

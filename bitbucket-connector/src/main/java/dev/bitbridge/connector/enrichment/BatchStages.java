package dev.bitbridge.connector.enrichment;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Where a batch's time goes, as timers an operator (and the benchmark) can read:
 * {@code bitbridge.connector.enrichment.batch{stage}} for finding the committed position, enriching, writing the state,
 * the Kafka transaction and the whole batch, and {@code bitbridge.connector.enrichment.waited}, how long the batch's
 * oldest record was on the topic before its batch began.
 */
final class BatchStages {

    static final String POSITION = "position";
    static final String ENRICH = "enrich";
    static final String STATE = "state";
    static final String TRANSACTION = "transaction";
    static final String BATCH = "batch";

    private final Map<String, Timer> timers;
    private final Timer waited;

    BatchStages(MeterRegistry meters) {
        this.timers = Map.of(POSITION, timer(meters, POSITION), ENRICH, timer(meters, ENRICH), STATE,
                timer(meters, STATE), TRANSACTION, timer(meters, TRANSACTION), BATCH, timer(meters, BATCH));
        this.waited = Timer.builder("bitbridge.connector.enrichment.waited")
                .description("How long a batch's oldest raw record was on the topic before its batch began")
                .register(meters);
    }

    /**
     * @param stage one of the stage names
     * @param since {@link System#nanoTime()} when the stage began
     * @return now, when the next stage begins
     */
    long took(String stage, long since) {
        long now = System.nanoTime();
        timers.get(stage).record(now - since, TimeUnit.NANOSECONDS);
        return now;
    }

    void waited(long millis) {
        waited.record(Duration.ofMillis(Math.max(0, millis)));
    }

    private static Timer timer(MeterRegistry meters, String stage) {
        return Timer.builder("bitbridge.connector.enrichment.batch").tag("stage", stage)
                .description("Time a batch of raw webhooks spent in each stage of enrichment (ADR 11)")
                .register(meters);
    }
}

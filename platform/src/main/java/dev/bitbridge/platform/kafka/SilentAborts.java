package dev.bitbridge.platform.kafka;

import java.util.Map;
import java.util.function.Supplier;

import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;

/**
 * Notices a Kafka transaction that was aborted although {@code withTransactionAndAck} completed normally. SmallRye
 * Reactive Messaging 4.33 answers a failed {@code commitTransaction} (a coordinator timeout, a generation that changed)
 * by aborting and completing successfully, without putting the consumer back at the committed offsets (ADR 11): the
 * next batch would then commit offsets past records whose output was aborted. The producer's own count of time spent
 * in {@code abortTransaction} tells: it grows only when an abort completed.
 */
public final class SilentAborts {

    static final String ABORT_TIME = "txn-abort-time-ns-total";

    private final Supplier<Double> abortNanos;

    /** @param abortNanos the producer's {@value #ABORT_TIME} */
    SilentAborts(Supplier<Double> abortNanos) {
        this.abortNanos = abortNanos;
    }

    /**
     * @param producer the channel's producer; may be null until a lazily created client is first used (then no abort
     *        can have happened yet)
     * @return a watch over it
     */
    public static SilentAborts ofProducer(Supplier<? extends Producer<?, ?>> producer) {
        return of(() -> {
            Producer<?, ?> current = producer.get();
            return current == null ? Map.of() : current.metrics();
        });
    }

    /** @return a watch over the producer with these metrics (its {@code metrics()}); the metric is looked up once */
    public static SilentAborts of(Supplier<Map<MetricName, ? extends Metric>> metrics) {
        Metric[] found = new Metric[1];
        return new SilentAborts(() -> {
            if (found[0] == null) {
                metrics.get().forEach((name, metric) -> {
                    if (ABORT_TIME.equals(name.name()) && "producer-metrics".equals(name.group())) {
                        found[0] = metric;
                    }
                });
            }
            return found[0] != null && found[0].metricValue() instanceof Number value ? value.doubleValue() : 0.0;
        });
    }

    /** @return the count to compare with after the transaction */
    public double before() {
        return abortNanos.get();
    }

    /**
     * @param before what {@link #before()} said when the transaction began
     * @return whether an abort completed since: the transaction that "succeeded" was aborted
     */
    public boolean abortedSince(double before) {
        return abortNanos.get() > before;
    }
}

package dev.bitbridge.bench.connector;

import java.util.Locale;
import java.util.Map;

/**
 * What the connector's own metrics say happened during a run (differences of its counters between before and after):
 * how the raw records were fetched, how long the enrichment's transactional producer and consumer spent in
 * transaction calls, how many PostgreSQL queries ran and for how long, and garbage collection.
 *
 * @param records raw records the enrichment handled ({@code bitbridge_connector_enrichment_records_total})
 * @param fetches fetch requests of the enrichment's consumer; with a backlog, about one batch each
 * @param commitNanos time in {@code commitTransaction} of the enrichment's producer
 * @param sendOffsetsNanos time in {@code sendOffsetsToTransaction}
 * @param committedNanos time the enrichment's consumer spent reading committed offsets (once per batch, ADR 11)
 * @param queries PostgreSQL queries of the reactive client, every channel
 * @param querySeconds their processing time in all
 * @param poolWaitSeconds time queries waited for a pooled connection
 * @param gcPauses garbage collection pauses
 * @param gcPauseSeconds their length in all
 * @param allocatedBytes memory allocated
 */
public record ConnectorCounters(double records, double fetches, double commitNanos, double sendOffsetsNanos,
        double committedNanos, double queries, double querySeconds, double poolWaitSeconds, double gcPauses,
        double gcPauseSeconds, double allocatedBytes) {

    static final String CONSUMER = "client_id=\"kafka-consumer-enrichment\"";
    static final String PRODUCER = "client_id=\"kafka-producer-enriched\"";

    /** @return the counters' growth between two scrapes ({@link ConnectorMetrics#parse}) */
    public static ConnectorCounters between(Map<String, Double> before, Map<String, Double> after) {
        return new ConnectorCounters(
                delta(before, after, "bitbridge_connector_enrichment_records_total", null),
                delta(before, after, "kafka_consumer_fetch_manager_fetch_total", CONSUMER),
                delta(before, after, "kafka_producer_txn_commit_time_ns_total", PRODUCER),
                delta(before, after, "kafka_producer_txn_send_offsets_time_ns_total", PRODUCER),
                delta(before, after, "kafka_consumer_committed_time_ns_total", CONSUMER),
                delta(before, after, "postgresql_processing_seconds_count", null),
                delta(before, after, "postgresql_processing_seconds_sum", null),
                delta(before, after, "sql_pool_queue_delay_seconds_sum", null),
                delta(before, after, "jvm_gc_pause_seconds_count", null),
                delta(before, after, "jvm_gc_pause_seconds_sum", null),
                delta(before, after, "jvm_gc_memory_allocated_bytes_total", null));
    }

    /** @return whether the metrics could be read at all */
    public boolean known() {
        return !Double.isNaN(records);
    }

    /** @return one line about a run of {@code events} raw events that took {@code seconds} */
    public String describe(long events, double seconds) {
        if (!known()) {
            return "metrics unavailable";
        }
        return String.format(Locale.ROOT, "%.0f raw records handled, %.1f per fetch (about one batch each); in "
                + "Kafka transaction calls %.2f s of %.1f s (commit %.2f s, send offsets %.2f s), reading committed "
                + "offsets %.2f s; %.1f PostgreSQL queries per push, %.1f ms each on average, %.2f s waiting for a "
                + "connection; GC %.0f pauses, %.2f s; %.0f KiB allocated per push", records,
                fetches > 0 ? records / fetches : Double.NaN, (commitNanos + sendOffsetsNanos) / 1e9, seconds,
                commitNanos / 1e9, sendOffsetsNanos / 1e9, committedNanos / 1e9, per(queries, events),
                queries > 0 ? querySeconds * 1000 / queries : Double.NaN, poolWaitSeconds, gcPauses, gcPauseSeconds,
                per(allocatedBytes, events) / 1024);
    }

    private static double per(double value, long events) {
        return events > 0 ? value / events : Double.NaN;
    }

    /** @return the growth of one metric, summed over its samples whose labels contain {@code label} (or all) */
    public static double delta(Map<String, Double> before, Map<String, Double> after, String name, String label) {
        if (after.isEmpty()) {
            return Double.NaN;
        }
        return sum(after, name, label) - sum(before, name, label);
    }

    private static double sum(Map<String, Double> samples, String name, String label) {
        return samples.entrySet().stream()
                .filter(e -> e.getKey().equals(name) || e.getKey().startsWith(name + "{"))
                .filter(e -> label == null || e.getKey().contains(label))
                .mapToDouble(Map.Entry::getValue).filter(v -> !Double.isNaN(v)).sum();
    }
}

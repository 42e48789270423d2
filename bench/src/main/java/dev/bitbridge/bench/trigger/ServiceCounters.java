package dev.bitbridge.bench.trigger;

import java.util.Locale;
import java.util.Map;

import static dev.bitbridge.bench.connector.ConnectorCounters.delta;

/**
 * What the two services' own metrics ({@code /q/metrics}) counted during a run: differences of their counters between
 * a scrape before and one after.
 *
 * @param analyzedRecords records the analyzer handled ({@code bitbridge_analyzer_records_total})
 * @param analyzerBatches fetch requests of its consumer, about one batch (one transaction) each
 * @param analyzerCommitNanos time its transactional producer spent in {@code commitTransaction}
 * @param analyzerGcSeconds the analyzer's garbage collection pauses
 * @param storedRequests build requests build-trigger stored as new ({@code bitbridge_trigger_requests_total})
 * @param dispatches builds it queued in Jenkins ({@code bitbridge_trigger_dispatches_total{outcome="queued"}})
 * @param triggerQueries PostgreSQL queries of its reactive client
 * @param triggerQuerySeconds their processing time in all
 * @param triggerPoolWaitSeconds time its queries waited for a pooled connection
 * @param triggerGcSeconds build-trigger's garbage collection pauses
 */
public record ServiceCounters(double analyzedRecords, double analyzerBatches, double analyzerCommitNanos,
        double analyzerGcSeconds, double storedRequests, double dispatches, double triggerQueries,
        double triggerQuerySeconds, double triggerPoolWaitSeconds, double triggerGcSeconds) {

    static final String ANALYZER_CONSUMER = "client_id=\"kafka-consumer-scm-events\"";
    static final String ANALYZER_PRODUCER = "client_id=\"kafka-producer-analysis\"";

    /** @return the growth of the counters between two scrapes of each service ({@code ConnectorMetrics.parse}) */
    public static ServiceCounters between(Map<String, Double> analyzerBefore, Map<String, Double> analyzerAfter,
            Map<String, Double> triggerBefore, Map<String, Double> triggerAfter) {
        return new ServiceCounters(
                delta(analyzerBefore, analyzerAfter, "bitbridge_analyzer_records_total", null),
                delta(analyzerBefore, analyzerAfter, "kafka_consumer_fetch_manager_fetch_total", ANALYZER_CONSUMER),
                delta(analyzerBefore, analyzerAfter, "kafka_producer_txn_commit_time_ns_total", ANALYZER_PRODUCER),
                delta(analyzerBefore, analyzerAfter, "jvm_gc_pause_seconds_sum", null),
                delta(triggerBefore, triggerAfter, "bitbridge_trigger_requests_total", "outcome=\"new\""),
                delta(triggerBefore, triggerAfter, "bitbridge_trigger_dispatches_total", "outcome=\"queued\""),
                delta(triggerBefore, triggerAfter, "postgresql_processing_seconds_count", null),
                delta(triggerBefore, triggerAfter, "postgresql_processing_seconds_sum", null),
                delta(triggerBefore, triggerAfter, "sql_pool_queue_delay_seconds_sum", null),
                delta(triggerBefore, triggerAfter, "jvm_gc_pause_seconds_sum", null));
    }

    /** @return one line about the analyzer, for a run of {@code events} pushes that took {@code seconds} */
    public String describeAnalyzer(double seconds) {
        if (Double.isNaN(analyzedRecords)) {
            return "metrics unavailable";
        }
        return String.format(Locale.ROOT, "%.0f records analysed in %.0f fetches (%.1f per batch); commitTransaction "
                + "%.2f s of %.1f s (%.1f ms per batch); GC pauses %.2f s", analyzedRecords, analyzerBatches,
                per(analyzedRecords, analyzerBatches), analyzerCommitNanos / 1e9, seconds,
                per(analyzerCommitNanos / 1e6, analyzerBatches), analyzerGcSeconds);
    }

    /** @return one line about build-trigger, for a run that dispatched {@code builds} builds */
    public String describeTrigger(long builds) {
        if (Double.isNaN(storedRequests)) {
            return "metrics unavailable";
        }
        return String.format(Locale.ROOT, "%.0f requests stored, %.0f builds queued in Jenkins; %.1f PostgreSQL "
                + "queries per build, %.2f ms each on average, %.2f s waiting for a pooled connection; GC pauses %.2f s",
                storedRequests, dispatches, per(triggerQueries, builds), per(triggerQuerySeconds * 1000, triggerQueries),
                triggerPoolWaitSeconds, triggerGcSeconds);
    }

    private static double per(double value, double count) {
        return count > 0 ? value / count : Double.NaN;
    }
}

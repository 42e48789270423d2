package dev.bitbridge.bench.connector;

import java.util.Map;

import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConnectorMetricsTest {

    static final String BEFORE = """
            # HELP bitbridge_connector_enrichment_records_total
            # TYPE bitbridge_connector_enrichment_records_total counter
            bitbridge_connector_enrichment_records_total 100.0
            kafka_consumer_fetch_manager_fetch_total{client_id="kafka-consumer-enrichment",kafka_version="4.1.1"} 10.0
            kafka_consumer_fetch_manager_fetch_total{client_id="kafka-consumer-accepted-webhooks",kafka_version="4.1.1"} 50.0
            kafka_producer_txn_commit_time_ns_total{client_id="kafka-producer-enriched",kafka_version="4.1.1"} 1.0E8
            kafka_producer_txn_commit_time_ns_total{client_id="kafka-producer-completed-files",kafka_version="4.1.1"} 7.0E9
            postgresql_processing_seconds_count{clientName="<default>",clientType="sql"} 400.0
            postgresql_processing_seconds_sum{clientName="<default>",clientType="sql"} 1.0
            jvm_gc_pause_seconds_count{action="end of minor GC",cause="G1 Evacuation Pause",gc="G1 Young Generation"} 3.0
            jvm_gc_pause_seconds_count{action="end of minor GC",cause="Metadata GC Threshold",gc="G1 Young Generation"} 1.0
            """;

    static final String AFTER = """
            bitbridge_connector_enrichment_records_total 300.0
            kafka_consumer_fetch_manager_fetch_total{client_id="kafka-consumer-enrichment",kafka_version="4.1.1"} 14.0
            kafka_consumer_fetch_manager_fetch_total{client_id="kafka-consumer-accepted-webhooks",kafka_version="4.1.1"} 90.0
            kafka_producer_txn_commit_time_ns_total{client_id="kafka-producer-enriched",kafka_version="4.1.1"} 3.0E8
            kafka_producer_txn_commit_time_ns_total{client_id="kafka-producer-completed-files",kafka_version="4.1.1"} 9.0E9
            postgresql_processing_seconds_count{clientName="<default>",clientType="sql"} 1400.0
            postgresql_processing_seconds_sum{clientName="<default>",clientType="sql"} 3.0
            jvm_gc_pause_seconds_count{action="end of minor GC",cause="G1 Evacuation Pause",gc="G1 Young Generation"} 5.0
            jvm_gc_pause_seconds_count{action="end of minor GC",cause="Metadata GC Threshold",gc="G1 Young Generation"} 1.0
            """;

    @Test
    void parsesPrometheusSamplesWithTheirLabels() {
        Map<String, Double> samples = ConnectorMetrics.parse(BEFORE);

        assertEquals(100.0, samples.get("bitbridge_connector_enrichment_records_total"));
        assertEquals(1.0E8, samples.get("kafka_producer_txn_commit_time_ns_total{client_id=\"kafka-producer-"
                + "enriched\",kafka_version=\"4.1.1\"}"));
        assertEquals(9, samples.size());
    }

    @Test
    void countsTheGrowthOfTheEnrichmentsOwnClientsOnly() {
        ConnectorCounters c = ConnectorCounters.between(ConnectorMetrics.parse(BEFORE),
                ConnectorMetrics.parse(AFTER));

        assertEquals(200, c.records());
        assertEquals(4, c.fetches(), "the enrichment's consumer, not the deliveries' one");
        assertEquals(2.0E8, c.commitNanos(), "the enrichment's producer, not the completed files'");
        assertEquals(1000, c.queries());
        assertEquals(2.0, c.querySeconds());
        assertEquals(2, c.gcPauses(), "summed over every cause");
        assertTrue(c.describe(200, 10).startsWith("200 raw records handled, 50.0 per fetch"), c.describe(200, 10));
        assertTrue(c.describe(200, 10).contains("5.0 PostgreSQL queries per push, 2.0 ms each"), c.describe(200,
                10));
    }

    @Test
    void unreadableMetricsAreUnknownNotZero() {
        ConnectorCounters c = ConnectorCounters.between(Map.of(), Map.of());

        assertFalse(c.known());
        assertEquals("metrics unavailable", c.describe(10, 1));
    }

    @Test
    void aRawRecordIsHandledOnceTheGroupCommittedPastIt() {
        TopicPartition p0 = new TopicPartition("bitbridge.webhooks.v1", 0);
        TopicPartition p3 = new TopicPartition("bitbridge.webhooks.v1", 3);

        assertTrue(KafkaProgress.handled(Map.of(p0, 4L, p3, 0L), Map.of(p0, 5L, p3, 1L)));
        assertFalse(KafkaProgress.handled(Map.of(p0, 4L), Map.of(p0, 4L)), "offset 4 is next, not done");
        assertFalse(KafkaProgress.handled(Map.of(p3, 0L), Map.of(p0, 9L)), "nothing committed on partition 3");
    }
}

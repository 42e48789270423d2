package dev.bitbridge.bench.connector;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

import dev.bitbridge.events.Topics;
import dev.bitbridge.testkit.bitbucket.Delivery;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class RawDeliveryTest {

    private static final byte[] BODY = """
            {"push": {"changes": []}, "repository": {"full_name": "bench-ws/load-07", "name": "load-07"},
             "actor": {"display_name": "Bench"}}""".getBytes(StandardCharsets.UTF_8);

    @Test
    void takesWhatTheIngressWouldFromASimulatorDelivery() {
        RawDelivery raw = RawDelivery.of(delivery("http://127.0.0.1:9/webhooks/bitbucket/bench"));

        assertEquals("bench", raw.integration());
        assertEquals("bench-ws/load-07", raw.repository());
        assertEquals("repo:push", raw.eventKey());
        assertEquals("req-1", raw.eventId());
        assertEquals("hook-1", raw.hookUuid());
        assertEquals(1, raw.attempt());
    }

    @Test
    void isPublishedWithTheIngresssKeyHeadersAndTheGivenTimestamp() {
        ProducerRecord<String, byte[]> record = RawPublisher.record(
                RawDelivery.of(delivery("http://127.0.0.1:9/webhooks/bitbucket/bench")), 1_800_000_000_000L);

        assertEquals(Topics.WEBHOOKS_V1, record.topic());
        assertEquals("bench:bench-ws/load-07", record.key());
        assertEquals(1_800_000_000_000L, record.timestamp());
        assertArrayEquals(BODY, record.value());
        assertEquals("req-1", header(record, "ce_id"));
        assertEquals("bench", header(record, "ce_bitbucketintegration"));
        assertEquals("cloud", header(record, "ce_bitbucketflavor"));
        assertEquals("repo:push", header(record, "ce_bitbucketeventkey"));
        assertEquals("bench-ws/load-07", header(record, "ce_subject"));
        assertEquals("1", header(record, "ce_bitbucketattempt"));
        assertEquals("2027-01-15T08:00Z", header(record, "ce_time"));
    }

    @Test
    void refusesADeliveryThatIsNoBitbridgeWebhook() {
        assertThrows(IllegalArgumentException.class, () -> RawDelivery.of(delivery("http://elsewhere/hook")));
    }

    private static String header(ProducerRecord<String, byte[]> record, String name) {
        Header h = record.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    private static Delivery delivery(String url) {
        return new Delivery("{hook-1}", url, "repo:push", "req-1", 1, -1,
                Map.of("X-Hook-UUID", List.of("hook-1"), "X-Attempt-Number", List.of("1")), BODY, 0L, 0L);
    }

    @Test
    void hasNoAttemptWhenTheDeliveryDidNotSayIt() {
        Delivery bare = new Delivery("h", "http://x/webhooks/bitbucket/bench", "repo:push", "r", 1, 202, Map.of(),
                BODY, 0L, 0L);
        assertNull(RawDelivery.of(bare).attempt());
        assertNull(RawDelivery.of(bare).hookUuid());
    }
}

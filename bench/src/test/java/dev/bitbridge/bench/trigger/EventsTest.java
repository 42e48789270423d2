package dev.bitbridge.bench.trigger;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.bitbridge.events.CloudEvents;
import dev.bitbridge.events.Topics;
import dev.bitbridge.events.build.BuildRequest;
import dev.bitbridge.events.build.BuildRequestIds;
import dev.bitbridge.events.scm.RefChangeEvent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The events a run publishes: as the connector and commit-analyzer write them, one commit each. */
class EventsTest {

    @Test
    void aBuildRequestIsWrittenAsTheAnalyzerWritesIt() throws Exception {
        BenchEvents events = new BenchEvents(20);
        String commit = events.nextCommit();
        BuildRequest request = events.request(21, commit, null, BenchEvents.at(1_700_000_000_000L));

        ProducerRecord<String, byte[]> record = EventPublisher.record(request, 1_700_000_000_123L);

        assertEquals(Topics.BUILD_REQUESTS_V1, record.topic());
        assertEquals("bench:bench/repo-01", record.key(), "the 22nd event goes to the second repository of 20");
        assertEquals(1_700_000_000_123L, record.timestamp());
        assertEquals("1.0", header(record, CloudEvents.HEADER_SPEC_VERSION));
        assertEquals(request.requestId(), header(record, CloudEvents.HEADER_ID));
        assertEquals(BuildRequestIds.of("bench", "bench/repo-01", commit, null, BuildRequestIds.COMMIT),
                request.requestId());
        assertEquals("/integrations/bench", header(record, CloudEvents.HEADER_SOURCE));
        assertEquals(BuildRequest.TYPE, header(record, CloudEvents.HEADER_TYPE));
        assertEquals("2023-11-14T22:13:20.123Z", header(record, CloudEvents.HEADER_TIME));
        assertEquals("bench/repo-01", header(record, CloudEvents.HEADER_SUBJECT));
        assertEquals("application/json", header(record, CloudEvents.HEADER_CONTENT_TYPE));
        JsonNode json = EventPublisher.JSON.readTree(record.value());
        assertEquals("2023-11-14T22:13:20Z", json.get("requestedAt").asText(), "dates as text, as Quarkus writes them");
        assertEquals("push", json.get("reason").asText());
        assertEquals("commit", json.get("kind").asText());
        assertEquals(commit, RequestWatcher.commitOf(record.value()));
        assertEquals(request, EventPublisher.JSON.readValue(record.value(), BuildRequest.class));
    }

    @Test
    void pushesChainTheirCommitsPerRepositoryAndAskForABuild() throws Exception {
        BenchEvents events = new BenchEvents(2);
        BenchEvents.Push first = events.push(BenchEvents.at(0));
        BenchEvents.Push second = events.push(BenchEvents.at(0));
        BenchEvents.Push third = events.push(BenchEvents.at(0));

        RefChangeEvent created = first.event();
        assertEquals(RefChangeEvent.CREATED, created.change());
        assertNull(created.oldHash());
        assertEquals("bench/repo-01", second.event().repository().fullName());
        RefChangeEvent updated = third.event();
        assertEquals("bench/repo-00", updated.repository().fullName());
        assertEquals(RefChangeEvent.UPDATED, updated.change());
        assertEquals(first.commit(), updated.oldHash());
        assertEquals(third.commit(), updated.newHash());
        assertEquals(java.util.List.of(third.commit()), updated.newCommits());
        assertTrue(updated.newCommitMessages().get(0).message().contains("#ci"));
        assertTrue(updated.newCommitMessages().get(0).message().startsWith("BENCH-3 "));
        assertTrue(third.id().endsWith("/ref/0"));
        assertEquals(updated.origin().eventId() + "/ref/0", third.id());

        ProducerRecord<String, byte[]> record = EventPublisher.record(updated, third.id(), 5);
        assertEquals(Topics.REFS_V1, record.topic());
        assertEquals("dev.bitbridge.ref.updated", header(record, CloudEvents.HEADER_TYPE));
        assertEquals(third.id(), header(record, CloudEvents.HEADER_ID));
        assertEquals(updated, EventPublisher.JSON.readValue(record.value(), RefChangeEvent.class));
    }

    @Test
    void everyCommitIsNew() {
        BenchEvents events = new BenchEvents(3);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String commit = i % 2 == 0 ? events.nextCommit() : events.push(BenchEvents.at(0)).commit();
            assertEquals(40, commit.length());
            assertTrue(seen.add(commit), commit);
        }
        assertNull(RequestWatcher.commitOf("not json".getBytes(StandardCharsets.UTF_8)));
        assertNull(RequestWatcher.commitOf(null));
    }

    @Test
    void theServicesGetTheirKeysAndTokens() {
        ServiceSettings settings = ServiceSettings.of("localhost:9092", "jdbc:postgresql://localhost:5/db",
                "postgresql://localhost:5/db");

        assertTrue(settings.triggerToken().length() >= 32, "the services refuse shorter admin tokens");
        assertTrue(settings.analyzerToken().length() >= 32);
        assertEquals(32, java.util.Base64.getDecoder().decode(settings.masterKey()).length);
        assertEquals("bench", settings.triggerProperties().get("bitbridge.credentials.active-master-key"));
        assertEquals(settings.masterKey(), settings.triggerProperties().get("bitbridge.credentials.master-keys.bench"));
        assertEquals("postgresql://localhost:5/db", settings.triggerProperties().get("quarkus.datasource.reactive.url"));
        assertEquals(settings.analyzerToken(), settings.analyzerProperties().get("bitbridge.analyzer.api.admin-token"));
        assertEquals("localhost:9092", settings.analyzerProperties().get("kafka.bootstrap.servers"));
    }

    private static String header(ProducerRecord<String, byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}

package dev.bitbridge.reporter.support;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.bitbridge.events.CloudEvents;
import dev.bitbridge.events.RecordKeys;
import dev.bitbridge.events.Topics;
import dev.bitbridge.events.build.BuildEvent;
import dev.bitbridge.events.build.BuildRequest;
import dev.bitbridge.events.build.BuildState;
import dev.bitbridge.events.build.PullRequestRef;
import dev.bitbridge.events.build.StatusKeys;
import dev.bitbridge.events.scm.Repository;
import dev.bitbridge.testkit.EmbeddedKafka;
import dev.bitbridge.testkit.TopicScanner;

/**
 * {@code bitbridge.builds.v1} as status-reporter's tests use it on the shared broker: build states sent as
 * build-trigger sends them (keyed by integration and repository, with their CloudEvents id and type), and its dead
 * letters read back.
 */
public final class BuildStates implements AutoCloseable {

    public static final String JENKINS = "https://jenkins.example.com";
    public static final String JOB = "Games/Client";
    public static final String JOB_URL = JENKINS + "/job/Games/job/Client/";

    private final KafkaProducer<String, byte[]> producer;
    private final TopicScanner topics = TopicScanner.ofSharedKafka();
    private final ObjectMapper json;

    public BuildStates(ObjectMapper json) {
        this.json = json;
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedKafka.shared().bootstrapServers());
        properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        this.producer = new KafkaProducer<>(properties);
    }

    /** A build of one commit on a branch, its states made one after another. */
    public static final class Build {
        final String integration;
        final String requestId = UUID.randomUUID().toString();
        final String commit;
        final String branch;
        final PullRequestRef pullRequest;
        final OffsetDateTime requestedAt;
        private long sequence;

        public Build(String integration, String commit, String branch, PullRequestRef pullRequest,
                OffsetDateTime requestedAt) {
            this.integration = integration;
            this.commit = commit;
            this.branch = branch;
            this.pullRequest = pullRequest;
            this.requestedAt = requestedAt;
        }

        public String requestId() {
            return requestId;
        }

        /** @return the build's next state */
        public BuildEvent next(BuildState state) {
            sequence++;
            boolean started = state != BuildState.QUEUED;
            Integer number = started ? 42 : null;
            String buildUrl = started ? JOB_URL + "42/" : null;
            String result = switch (state) {
                case SUCCESSFUL -> "SUCCESS";
                case FAILED -> "FAILURE";
                case STOPPED -> "ABORTED";
                default -> null;
            };
            return new BuildEvent(requestId, sequence, integration, "cloud",
                    new Repository("acme/game", "game", null, null), commit, branch, null, pullRequest,
                    JOB, StatusKeys.of(JOB, null), state, result == null ? null : "Jenkins: " + result, result,
                    JENKINS, JENKINS + "/queue/item/7/", buildUrl, number, state.isFinal() ? 93_000L : null,
                    pullRequest == null ? BuildRequest.PUSH : BuildRequest.PULL_REQUEST, null, List.of("GAME-12"),
                    OffsetDateTime.now(ZoneOffset.UTC), requestedAt, JOB_URL);
        }
    }

    /** Sends a state as build-trigger does. */
    public void send(BuildEvent event) throws Exception {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.BUILDS_V1,
                RecordKeys.of(event.integration(), event.repository().fullName()), json.writeValueAsBytes(event));
        record.headers().add(CloudEvents.HEADER_TYPE, event.type().getBytes(StandardCharsets.UTF_8));
        record.headers().add(CloudEvents.HEADER_ID, event.id().getBytes(StandardCharsets.UTF_8));
        producer.send(record).get();
    }

    /** Sends a record as it is (an unreadable one). */
    public void sendRaw(String key, byte[] value) throws Exception {
        producer.send(new ProducerRecord<>(Topics.BUILDS_V1, key, value)).get();
    }

    /** @return the dead letters of an integration */
    public List<ConsumerRecord<String, byte[]>> deadLetters(String integration) {
        return topics.readAll(Topics.STATUS_REPORTER_DEAD_LETTERS_V1).stream()
                .filter(r -> integration.equals(TopicScanner.header(r, "bitbridge-dlq-integration"))).toList();
    }

    @Override
    public void close() {
        producer.close();
    }
}

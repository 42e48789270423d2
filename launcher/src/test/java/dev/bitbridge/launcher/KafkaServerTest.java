package dev.bitbridge.launcher;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import dev.bitbridge.events.TopicSpec;
import dev.bitbridge.events.Topics;
import dev.bitbridge.testkit.FreePorts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The broker the launcher runs: formatted once, then restarted with its data, as {@code ./bitbridge down} and
 * {@code up} do; and the Bitbridge topics created with the settings their contracts need.
 */
class KafkaServerTest {

    private static final Duration START = Duration.ofSeconds(60);

    @Test
    void formatsOnceAndKeepsRecordsAcrossARestart() throws Exception {
        Path logDir = TestPaths.tempDir("kafka-").resolve("kafka");
        KafkaServer kafka = new KafkaServer(logDir, FreePorts.next(), FreePorts.next());
        assertThat(kafka.isFormatted()).isFalse();

        kafka.start(START);
        String clusterId;
        try {
            assertThat(kafka.isFormatted()).isTrue();
            clusterId = kafka.clusterId();
            try (Admin admin = admin(kafka)) {
                admin.createTopics(List.of(new NewTopic("restart-test", 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
            }
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                    ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer())) {
                producer.send(new ProducerRecord<>("restart-test", "demo/hello", "before the restart"))
                        .get(30, TimeUnit.SECONDS);
            }
        } finally {
            kafka.close();
        }
        assertThat(kafka.isRunning()).isFalse();

        // Same folder, same ports: what ./bitbridge up does the next morning.
        kafka.start(START);
        try {
            assertThat(kafka.clusterId()).as("not formatted again").isEqualTo(clusterId);
            assertThat(readAll(kafka, "restart-test"))
                    .extracting(ConsumerRecord::key, ConsumerRecord::value)
                    .containsExactly(tuple("demo/hello", "before the restart"));
        } finally {
            kafka.close();
        }
    }

    @Test
    void createsTheBitbridgeTopicsOnceWithTheirConfigsAndSingleNodeReplication() throws Exception {
        KafkaServer kafka = new KafkaServer(TestPaths.tempDir("kafka-").resolve("kafka"), FreePorts.next(),
                FreePorts.next());
        kafka.start(START);
        try (Admin admin = admin(kafka)) {
            TopicCreator creator = new TopicCreator(admin);

            assertThat(creator.createMissing(Topics.ALL))
                    .containsExactlyInAnyOrderElementsOf(Topics.ALL.stream().map(TopicSpec::name).toList());

            Config integrations = topicConfig(admin, Topics.INTEGRATIONS_V1);
            assertThat(integrations.get("cleanup.policy").value()).isEqualTo("compact");
            assertThat(integrations.get("min.compaction.lag.ms").value()).isEqualTo("0");
            var descriptions = admin.describeTopics(Topics.ALL.stream().map(TopicSpec::name).toList())
                    .allTopicNames().get(30, TimeUnit.SECONDS);
            assertThat(descriptions.get(Topics.WEBHOOKS_V1).partitions())
                    .hasSize(Topics.WEBHOOKS_V1_SPEC.partitions());
            assertThat(descriptions.get(Topics.INTEGRATIONS_V1).partitions()).hasSize(1);
            for (TopicSpec spec : Topics.ALL) {
                assertThat(descriptions.get(spec.name()).partitions()).as("replication factor of %s", spec.name())
                        .allSatisfy(p -> assertThat(p.replicas()).hasSize(1));
                // The broker's default is 1 as well, so the value alone would prove nothing: it must be set on the topic.
                ConfigEntry minIsr = topicConfig(admin, spec.name()).get("min.insync.replicas");
                assertThat(minIsr.value()).as("min.insync.replicas of %s", spec.name()).isEqualTo("1");
                assertThat(minIsr.source()).as("set on %s itself", spec.name())
                        .isEqualTo(ConfigEntry.ConfigSource.DYNAMIC_TOPIC_CONFIG);
            }

            assertThat(creator.createMissing(Topics.ALL)).as("second run creates nothing").isEmpty();
        } finally {
            kafka.close();
        }
    }

    @Test
    void raisesTheRecordLimitOfATopicCreatedBeforeItWasPartOfTheSpec() throws Exception {
        KafkaServer kafka = new KafkaServer(TestPaths.tempDir("kafka-").resolve("kafka"), FreePorts.next(),
                FreePorts.next());
        kafka.start(START);
        try (Admin admin = admin(kafka)) {
            // As an older launcher created it: the spec's partitions, Kafka's default record limit.
            admin.createTopics(List.of(new NewTopic(Topics.WEBHOOKS_V1, Topics.WEBHOOKS_V1_SPEC.partitions(), (short) 1)))
                    .all().get(30, TimeUnit.SECONDS);
            // Creating and altering are acknowledged once the controller has committed them; the broker applies them a
            // moment later and until then does not know the topic, or describes the old value.
            awaitTopicConfig(admin, Topics.WEBHOOKS_V1, "max.message.bytes", value -> true);
            TopicCreator creator = new TopicCreator(admin);
            // As the supervisor does: the missing topics are created with their limits, the older one is raised.
            List<String> created = creator.createMissing(Topics.ALL);
            assertThat(created).doesNotContain(Topics.WEBHOOKS_V1);
            List<TopicSpec> existing = Topics.ALL.stream().filter(t -> !created.contains(t.name())).toList();

            assertThat(creator.raiseRecordLimits(existing)).containsExactly(Topics.WEBHOOKS_V1);
            String raised = String.valueOf(Topics.WEBHOOKS_V1_MAX_RECORD_BYTES);
            assertThat(awaitTopicConfig(admin, Topics.WEBHOOKS_V1, "max.message.bytes", raised::equals))
                    .isEqualTo(raised);
            assertThat(creator.raiseRecordLimits(Topics.ALL)).as("nothing left to raise").isEmpty();
        } finally {
            kafka.close();
        }
    }

    private static Config topicConfig(Admin admin, String topic) throws Exception {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        return admin.describeConfigs(List.of(resource)).all().get(30, TimeUnit.SECONDS).get(resource);
    }

    /**
     * @return the topic's value of a config once the broker knows the topic and the value is {@code wanted}, or the
     *         last value seen (null if the topic stayed unknown) after 10 s
     */
    private static String awaitTopicConfig(Admin admin, String topic, String name, Predicate<String> wanted)
            throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        String value = null;
        while (true) {
            try {
                value = topicConfig(admin, topic).get(name).value();
                if (wanted.test(value)) {
                    return value;
                }
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
                    throw e;
                }
            }
            if (System.nanoTime() > deadline) {
                return value;
            }
            Thread.sleep(100);
        }
    }

    private static Admin admin(KafkaServer kafka) {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()));
    }

    private static List<ConsumerRecord<String, String>> readAll(KafkaServer kafka, String topic) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false"), new StringDeserializer(),
                new StringDeserializer())) {
            TopicPartition partition = new TopicPartition(topic, 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long end = consumer.endOffsets(List.of(partition)).get(partition);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (consumer.position(partition) < end && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }
}

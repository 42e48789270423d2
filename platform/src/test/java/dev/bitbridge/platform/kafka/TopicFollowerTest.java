package dev.bitbridge.platform.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.bitbridge.testkit.EmbeddedKafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A topic reader that dies or gets stuck says so, so that liveness can fail; one that merely waits out a Kafka outage
 * does not. Against a real broker.
 */
class TopicFollowerTest {

    private static final Duration RETRY = Duration.ofMillis(200);
    private final List<ConsumerRecord<String, byte[]>> read = new CopyOnWriteArrayList<>();
    private final AtomicReference<Error> fatal = new AtomicReference<>();
    private TopicFollower follower;

    @AfterEach
    void stop() throws InterruptedException {
        if (follower != null) {
            follower.stop();
        }
    }

    @Test
    void aHealthyReaderReadsAndReportsNoProblem() throws Exception {
        String topic = topicWith(3);
        follower = follower(EmbeddedKafka.shared(), topic, Duration.ofSeconds(15), read::add);

        follower.start();

        await().atMost(Duration.ofSeconds(20)).until(() -> read.size() == 3);
        assertThat(follower.problem()).isEmpty();
    }

    @Test
    void anErrorEndsTheReaderAndIsReportedAndHandedOn() throws Exception {
        String topic = topicWith(1);
        follower = follower(EmbeddedKafka.shared(), topic, Duration.ofSeconds(15), r -> {
            throw new OutOfMemoryError("injected");
        });

        follower.start();

        await().atMost(Duration.ofSeconds(20)).until(() -> follower.problem().isPresent());
        assertThat(follower.problem().get()).contains("has ended", "java.lang.OutOfMemoryError");
        assertThat(fatal.get()).isInstanceOf(OutOfMemoryError.class).hasMessage("injected");
    }

    @Test
    void aReaderStuckInItsHandlerIsReportedAsStalledUntilItMovesAgain() throws Exception {
        String topic = topicWith(1);
        CountDownLatch release = new CountDownLatch(1);
        follower = follower(EmbeddedKafka.shared(), topic, Duration.ofSeconds(2), r -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            read.add(r);
        });

        follower.start();

        await().atMost(Duration.ofSeconds(20)).until(() -> follower.problem().isPresent());
        assertThat(follower.problem().get()).contains("no progress");
        release.countDown();
        await().atMost(Duration.ofSeconds(10)).until(() -> follower.problem().isEmpty());
        assertThat(read).hasSize(1);
    }

    @Test
    void anInterruptNobodyAskedForEndsTheReaderAndIsReported() throws Exception {
        String topic = topicWith(1);
        follower = follower(EmbeddedKafka.shared(), topic, Duration.ofSeconds(15), read::add);
        follower.start();
        await().atMost(Duration.ofSeconds(20)).until(() -> read.size() == 1);

        Thread reader = Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals("follower-" + topic))
                .findFirst().orElseThrow();
        reader.interrupt();

        await().atMost(Duration.ofSeconds(10)).until(() -> follower.problem().isPresent());
        assertThat(follower.problem().get()).contains("has ended", "interrupted");
        assertThat(fatal.get()).isNull();
    }

    @Test
    void stoppingIsNotAProblem() throws Exception {
        String topic = topicWith(1);
        follower = follower(EmbeddedKafka.shared(), topic, Duration.ofSeconds(15), read::add);
        follower.start();
        await().atMost(Duration.ofSeconds(20)).until(() -> read.size() == 1);

        follower.stop();

        assertThat(follower.problem()).isEmpty();
    }

    @Test
    void waitingOutAKafkaOutageIsNotAProblem() throws Exception {
        EmbeddedKafka kafka = EmbeddedKafka.dedicated(Map.of());
        try {
            String topic = topicWith(kafka, 1);
            // Longer than any single Kafka call of the reader (10 s), as the service requires (stall-timeout >= 15 s).
            Duration stall = Duration.ofSeconds(12);
            follower = follower(kafka, topic, stall, read::add);
            follower.start();
            await().atMost(Duration.ofSeconds(20)).until(() -> read.size() == 1);

            kafka.stop();
            long until = System.nanoTime() + stall.plusSeconds(4).toNanos();
            while (System.nanoTime() < until) {
                assertThat(follower.problem()).as("while Kafka is away").isEmpty();
                Thread.sleep(500);
            }
            kafka.start();
            produce(kafka, topic, 1);

            await().atMost(Duration.ofSeconds(30)).until(() -> read.size() == 2);
            assertThat(follower.problem()).isEmpty();
        } finally {
            follower.stop();
            follower = null;
            kafka.stop();
        }
    }

    private TopicFollower follower(EmbeddedKafka kafka, String topic, Duration stall,
            Consumer<ConsumerRecord<String, byte[]>> handler) {
        TopicFollower.Reader reader = new TopicFollower.Reader() {
            @Override
            public void position(org.apache.kafka.clients.consumer.Consumer<String, byte[]> consumer,
                    List<TopicPartition> partitions) {
                consumer.seekToBeginning(partitions);
            }

            @Override
            public void accept(ConsumerRecord<String, byte[]> record) {
                handler.accept(record);
            }
        };
        Map<String, Object> config = Map.of("bootstrap.servers", kafka.bootstrapServers());
        return new TopicFollower(topic, "follower-" + topic, config, RETRY, stall, () -> true, reader, Map.of(),
                fatal::set);
    }

    private static String topicWith(int records) throws Exception {
        return topicWith(EmbeddedKafka.shared(), records);
    }

    private static String topicWith(EmbeddedKafka kafka, int records) throws Exception {
        String topic = "follower-test-" + Long.toHexString(System.nanoTime());
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        try (Admin admin = Admin.create(props)) {
            admin.createTopics(List.of(new NewTopic(topic, Optional.of(1), Optional.empty()))).all().get();
        }
        produce(kafka, topic, records);
        return topic;
    }

    private static void produce(EmbeddedKafka kafka, String topic, int records) throws Exception {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(props)) {
            for (int i = 0; i < records; i++) {
                producer.send(new ProducerRecord<>(topic, "k" + i, ("v" + i).getBytes(StandardCharsets.UTF_8))).get();
            }
        }
    }
}

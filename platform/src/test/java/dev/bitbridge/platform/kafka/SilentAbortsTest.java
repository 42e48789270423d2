package dev.bitbridge.platform.kafka;

import java.util.Map;
import java.util.Properties;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SilentAbortsTest {

    @Test
    void anAbortThatCompletedSinceTheTransactionBeganIsNoticed() {
        double[] abortNanos = { 0 };
        SilentAborts aborts = new SilentAborts(() -> abortNanos[0]);
        double before = aborts.before();
        assertThat(aborts.abortedSince(before)).isFalse();
        abortNanos[0] += 1_250_000;
        assertThat(aborts.abortedSince(before)).isTrue();
        assertThat(aborts.abortedSince(aborts.before())).isFalse();
    }

    @Test
    void theMetricIsTheOneARealTransactionalProducerKeeps() {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9"); // never contacted
        config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "silent-aborts-test");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(),
                new StringSerializer())) {
            assertThat(producer.metrics().keySet()).as("a rename in the Kafka client would blind the watch")
                    .anySatisfy(name -> {
                        assertThat(name.name()).isEqualTo(SilentAborts.ABORT_TIME);
                        assertThat(name.group()).isEqualTo("producer-metrics");
                    });
            SilentAborts aborts = SilentAborts.of(producer::metrics);
            assertThat(aborts.before()).isZero();
        }
    }

    @Test
    void withoutTheMetricNothingIsReportedAborted() {
        SilentAborts aborts = SilentAborts.of(Map::of);
        assertThat(aborts.abortedSince(aborts.before())).isFalse();
    }
}

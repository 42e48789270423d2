package dev.bitbridge.testkit;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

import static org.assertj.core.api.Assertions.assertThat;

class EmbeddedServersTest {

    @Test
    void kafkaKeepsItsDataAcrossAStopAndStart() throws Exception {
        EmbeddedKafka kafka = EmbeddedKafka.shared();
        Properties admin = new Properties();
        admin.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        try (Admin client = Admin.create(admin)) {
            client.createTopics(List.of(new NewTopic("testkit.restart", 1, (short) 1))).all().get();
        }
        try (KafkaCompanion companion = new KafkaCompanion(kafka.bootstrapServers())) {
            companion.produce(String.class, String.class)
                    .fromRecords(new ProducerRecord<>("testkit.restart", "k", "before"))
                    .awaitCompletion(Duration.ofSeconds(20));
        }

        kafka.stop();
        assertThat(kafka.isRunning()).isFalse();
        kafka.start();

        try (KafkaCompanion companion = new KafkaCompanion(kafka.bootstrapServers())) {
            companion.produce(String.class, String.class)
                    .fromRecords(new ProducerRecord<>("testkit.restart", "k", "after"))
                    .awaitCompletion(Duration.ofSeconds(20));
            ConsumerTask<String, String> records = companion
                    .consume(String.class, String.class)
                    .withProps(Map.of("auto.offset.reset", "earliest"))
                    .fromTopics("testkit.restart", 2)
                    .awaitCompletion(Duration.ofSeconds(20));
            assertThat(records.getRecords()).extracting(r -> r.value()).containsExactly("before", "after");
        }
    }

    @Test
    void postgresAnswersQueries() throws Exception {
        EmbeddedPostgres pg = EmbeddedPostgres.shared();

        try (Connection c = DriverManager.getConnection(pg.jdbcUrl(), pg.username(), "postgres");
                Statement s = c.createStatement()) {
            s.execute("create table if not exists testkit_probe(id int primary key)");
            s.execute("insert into testkit_probe values (42) on conflict do nothing");
            try (ResultSet rs = s.executeQuery("select id, current_setting('server_version_num')::int from testkit_probe")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getInt(1)).isEqualTo(42);
                assertThat(rs.getInt(2)).isGreaterThanOrEqualTo(170000);
            }
        }
    }
}

package dev.bitbridge.ingress.kafka;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.bitbridge.events.Topics;
import dev.bitbridge.ingress.config.TestConfigs;
import dev.bitbridge.testkit.EmbeddedKafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Topic provisioning against real brokers of its own: durability comes from the cluster unless configured, a refusal
 * says why (not "cannot reach Kafka") and is retried rather than ending the provisioning, and a raw topic too small
 * for the largest accepted body keeps the ingress from becoming ready.
 */
class TopicProvisionerTest {

    private EmbeddedKafka kafka;

    @AfterEach
    void stop() {
        if (kafka != null) {
            kafka.stop();
        }
    }

    @Test
    void createdTopicsInheritTheClustersDurabilityUnlessConfigured() throws Exception {
        kafka = EmbeddedKafka.dedicated(Map.of("min.insync.replicas", "1"));

        assertThat(provisioner(Map.of()).ensureTopics()).isTrue();

        Map<String, ConfigEntry> webhooks = topicConfig(Topics.WEBHOOKS_V1);
        assertThat(webhooks.get("min.insync.replicas").source()).isNotEqualTo(ConfigEntry.ConfigSource.DYNAMIC_TOPIC_CONFIG);
        assertThat(webhooks.get("max.message.bytes").value()).isEqualTo(String.valueOf(Topics.WEBHOOKS_V1_MAX_RECORD_BYTES));
    }

    @Test
    void configuredDurabilityIsSetOnTheTopics() throws Exception {
        kafka = EmbeddedKafka.dedicated(Map.of());

        assertThat(provisioner(Map.of("bitbridge.ingress.topics.min-insync-replicas", "1",
                "bitbridge.ingress.topics.replication-factor", "1")).ensureTopics()).isTrue();

        ConfigEntry minInsync = topicConfig(Topics.INTEGRATIONS_V1).get("min.insync.replicas");
        assertThat(minInsync.source()).isEqualTo(ConfigEntry.ConfigSource.DYNAMIC_TOPIC_CONFIG);
        assertThat(minInsync.value()).isEqualTo("1");
    }

    @Test
    void aReplicationFactorTheClusterCannotMeetIsExplainedAndRetried() throws Exception {
        kafka = EmbeddedKafka.dedicated(Map.of());
        TopicProvisioner provisioner = provisioner(Map.of("bitbridge.ingress.topics.replication-factor", "3"));

        assertThat(provisioner.ensureTopics()).isFalse();
        assertThat(provisioner.ensureTopics()).as("tried again, still refused").isFalse();

        assertThat(provisioner.provisioned()).isFalse();
        assertThat(provisioner.waitingFor()).hasValueSatisfying(reason -> assertThat(reason)
                .contains("refused the settings", "create topic bitbridge.webhooks.v1", "replication-factor")
                .doesNotContain("cannot reach"));
    }

    @Test
    void aTopicPolicyRefusalIsExplained() throws Exception {
        kafka = EmbeddedKafka.dedicated(Map.of("create.topic.policy.class.name", RefusingTopicPolicy.class.getName()));
        TopicProvisioner provisioner = provisioner(Map.of());

        assertThat(provisioner.ensureTopics()).isFalse();

        assertThat(provisioner.waitingFor()).hasValueSatisfying(reason -> assertThat(reason)
                .contains("topic policy refused", "platform portal", "create-topics=false")
                .doesNotContain("cannot reach"));
    }

    @Test
    void theRefusalsTopicIsNotNeededToServeWebhooks() throws Exception {
        kafka = EmbeddedKafka.dedicated(Map.of("create.topic.policy.class.name",
                RefusingRefusalsTopicPolicy.class.getName()));
        TopicProvisioner provisioner = provisioner(Map.of());

        assertThat(provisioner.ensureTopics()).as("refused diagnostics topic, provisioned anyway").isTrue();

        assertThat(provisioner.waitingFor()).isEmpty();
        try (Admin admin = Admin.create(adminProperties())) {
            assertThat(admin.listTopics().names().get()).contains(Topics.WEBHOOKS_V1, Topics.INTEGRATIONS_V1)
                    .doesNotContain(Topics.WEBHOOK_REFUSALS_V1);
        }
    }

    @Test
    void withRefusalReportsOffTheirTopicIsNotCreated() throws Exception {
        kafka = EmbeddedKafka.dedicated(Map.of());

        assertThat(provisioner(Map.of("bitbridge.ingress.refusals.enabled", "false")).ensureTopics()).isTrue();

        try (Admin admin = Admin.create(adminProperties())) {
            assertThat(admin.listTopics().names().get()).contains(Topics.WEBHOOKS_V1)
                    .doesNotContain(Topics.WEBHOOK_REFUSALS_V1);
        }
    }

    @Test
    void aDeclaredRawTopicTooSmallForTheLargestBodyKeepsTheIngressUnready() throws Exception {
        kafka = EmbeddedKafka.dedicated(Map.of());
        try (Admin admin = Admin.create(adminProperties())) {
            admin.createTopics(List.of(
                    new NewTopic(Topics.WEBHOOKS_V1, Optional.of(1), Optional.empty()),
                    new NewTopic(Topics.INTEGRATIONS_V1, Optional.of(1), Optional.empty())
                            .configs(Map.of("cleanup.policy", "compact"))))
                    .all().get();
        }
        TopicProvisioner provisioner = provisioner(Map.of("bitbridge.ingress.create-topics", "false"));

        assertThat(provisioner.ensureTopics()).isFalse();
        assertThat(provisioner.waitingFor()).hasValueSatisfying(reason -> assertThat(reason)
                .contains("max.message.bytes", "bitbridge.ingress.max-body-size"));

        assertThat(provisioner(Map.of("bitbridge.ingress.create-topics", "false",
                "bitbridge.ingress.max-body-size", "512K")).ensureTopics()).as("a smaller limit fits").isTrue();
    }

    @Test
    void kafkaOutOfReachIsSaidSo() throws Exception {
        kafka = EmbeddedKafka.dedicated(Map.of());
        kafka.stop();
        TopicProvisioner provisioner = provisioner(Map.of());

        assertThat(provisioner.ensureTopics()).isFalse();

        assertThat(provisioner.waitingFor()).hasValueSatisfying(reason -> assertThat(reason).contains("cannot reach Kafka"));
    }

    private TopicProvisioner provisioner(Map<String, String> properties) {
        Map<String, Object> kafkaConfig = new HashMap<>();
        kafkaConfig.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        return new TopicProvisioner(TestConfigs.ingress(properties), kafkaConfig, null);
    }

    /** @return the topic's settings, once a new client sees the topic (metadata reaches clients shortly after) */
    private Map<String, ConfigEntry> topicConfig(String topic) throws Exception {
        try (Admin admin = Admin.create(adminProperties())) {
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
            Config config = await().atMost(Duration.ofSeconds(10)).ignoreExceptions()
                    .until(() -> admin.describeConfigs(List.of(resource)).all().get().get(resource), c -> c != null);
            Map<String, ConfigEntry> entries = new HashMap<>();
            config.entries().forEach(e -> entries.put(e.name(), e));
            return entries;
        }
    }

    private Properties adminProperties() {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        return props;
    }
}

package dev.bitbridge.ingress;

import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

import dev.bitbridge.events.Topics;
import dev.bitbridge.testkit.EmbeddedKafka;
import dev.bitbridge.testkit.KafkaTestResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The broker in tests does not auto-create topics: the ingress creates its own, with the settings their contracts need,
 * and leaves durability (replication, min.insync.replicas) to the cluster.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
class TopicProvisioningTest extends ReadyIngress {

    @Test
    void topicsExistWithTheirPartitionsAndTheIntegrationsTopicIsCompacted() throws Exception {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedKafka.shared().bootstrapServers());
        try (Admin admin = Admin.create(props)) {
            Map<String, TopicDescription> topics = admin
                    .describeTopics(List.of(Topics.WEBHOOKS_V1, Topics.INTEGRATIONS_V1)).allTopicNames().get();
            assertThat(topics.get(Topics.WEBHOOKS_V1).partitions()).hasSize(Topics.WEBHOOKS_V1_SPEC.partitions());
            assertThat(topics.get(Topics.INTEGRATIONS_V1).partitions()).hasSize(Topics.INTEGRATIONS_V1_SPEC.partitions());

            ConfigResource refusals = new ConfigResource(ConfigResource.Type.TOPIC, Topics.WEBHOOK_REFUSALS_V1);
            assertThat(admin.describeTopics(List.of(Topics.WEBHOOK_REFUSALS_V1)).allTopicNames().get()
                    .get(Topics.WEBHOOK_REFUSALS_V1).partitions()).hasSize(Topics.WEBHOOK_REFUSALS_V1_SPEC.partitions());
            Config refusalSettings = admin.describeConfigs(List.of(refusals)).all().get().get(refusals);
            assertThat(refusalSettings.get("cleanup.policy").value()).isEqualTo("delete");
            assertThat(refusalSettings.get("retention.ms").value()).isEqualTo("604800000");

            ConfigResource integrations = new ConfigResource(ConfigResource.Type.TOPIC, Topics.INTEGRATIONS_V1);
            ConfigResource webhooks = new ConfigResource(ConfigResource.Type.TOPIC, Topics.WEBHOOKS_V1);
            Map<ConfigResource, Config> configs = admin.describeConfigs(List.of(integrations, webhooks)).all().get();
            assertThat(configs.get(integrations).get("cleanup.policy").value()).isEqualTo("compact");
            assertThat(configs.get(webhooks).get("cleanup.policy").value()).isEqualTo("delete");
            assertThat(configs.get(webhooks).get("retention.ms").value()).isEqualTo("604800000");
            // Durability is the cluster's: nothing set on the topics themselves.
            for (ConfigResource topic : List.of(integrations, webhooks)) {
                assertThat(configs.get(topic).get("min.insync.replicas").source())
                        .as("min.insync.replicas of %s", topic.name())
                        .isNotEqualTo(ConfigEntry.ConfigSource.DYNAMIC_TOPIC_CONFIG);
            }
        }
    }
}

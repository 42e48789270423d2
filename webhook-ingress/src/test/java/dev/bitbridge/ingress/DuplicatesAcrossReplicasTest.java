package dev.bitbridge.ingress;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;

import jakarta.inject.Inject;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

import dev.bitbridge.events.CloudEvents;
import dev.bitbridge.events.Topics;
import dev.bitbridge.ingress.publish.RecentDeliveries;
import dev.bitbridge.testkit.EmbeddedKafka;
import dev.bitbridge.testkit.KafkaTestResource;
import dev.bitbridge.testkit.TopicScanner;

import static dev.bitbridge.ingress.Webhooks.cloud;
import static dev.bitbridge.ingress.Webhooks.newId;
import static dev.bitbridge.ingress.Webhooks.path;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * With {@code duplicates-from-topic} (off by default, on here), a redelivery that reaches another replica than the
 * first delivery did, or arrives after a restart, is still a duplicate: every replica learns the published ids from the
 * topic. Here "another replica" writes its record straight to the topic, with the headers an ingress writes, and each
 * test waits until the ingress has learnt that very id.
 */
@QuarkusTest
@TestProfile(DuplicatesAcrossReplicasTest.FollowerOn.class)
@QuarkusTestResource(KafkaTestResource.class)
class DuplicatesAcrossReplicasTest extends ReadyIngress {

    /** The follower switched on, as a multi-replica deployment would run. */
    public static class FollowerOn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("bitbridge.ingress.duplicates-from-topic", "true");
        }
    }

    @Inject
    RecentDeliveries recent;

    @Test
    void anIdPublishedByAnotherReplicaIsADuplicateHere() throws Exception {
        String id = newId();

        publishAsAnotherReplica("cloud-plain", id, System.currentTimeMillis());
        awaitLearnt("cloud-plain", id);

        cloud(id, "repo:push").body(Webhooks.CLOUD_PUSH).post(path("cloud-plain"))
                .then().statusCode(202)
                .body("duplicate", equalTo(true));
        assertThat(TopicScanner.ofSharedKafka().readWithHeader(Topics.WEBHOOKS_V1, CloudEvents.HEADER_ID, id)).hasSize(1);
    }

    @Test
    void theSameIdOfAnotherIntegrationIsNotADuplicate() throws Exception {
        String id = newId();

        publishAsAnotherReplica("dc-plain", id, System.currentTimeMillis());
        awaitLearnt("dc-plain", id);

        cloud(id, "repo:push").body(Webhooks.CLOUD_PUSH).post(path("cloud-plain"))
                .then().statusCode(202)
                .body("duplicate", equalTo(false));
    }

    @Test
    void anIdWhoseRecordIsOlderThanTheWindowIsNotRemembered() throws Exception {
        String old = newId();
        String marker = newId();
        long twoHoursAgo = System.currentTimeMillis() - Duration.ofHours(2).toMillis();

        // Same key, so same partition: once the marker is learnt, the older record before it has been read too.
        publishAsAnotherReplica("cloud-plain", old, twoHoursAgo);
        publishAsAnotherReplica("cloud-plain", marker, System.currentTimeMillis());
        awaitLearnt("cloud-plain", marker);

        assertThat(recent.remembers(RecentDeliveries.identity("cloud-plain", old)))
                .as("a record outside the 1 h window, by its own timestamp").isFalse();
        cloud(old, "repo:push").body(Webhooks.CLOUD_PUSH).post(path("cloud-plain"))
                .then().statusCode(202)
                .body("duplicate", equalTo(false));
    }

    private void awaitLearnt(String integration, String id) {
        await().atMost(Duration.ofSeconds(15))
                .until(() -> recent.remembers(RecentDeliveries.identity(integration, id)));
    }

    private static void publishAsAnotherReplica(String integration, String id, long timestamp) throws Exception {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedKafka.shared().bootstrapServers());
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(props)) {
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.WEBHOOKS_V1, null, timestamp,
                    integration + ":acme/widgets", Webhooks.CLOUD_PUSH.getBytes(StandardCharsets.UTF_8));
            record.headers().add(CloudEvents.HEADER_ID, id.getBytes(StandardCharsets.UTF_8));
            record.headers().add("ce_bitbucketintegration", integration.getBytes(StandardCharsets.UTF_8));
            producer.send(record).get();
        }
    }
}

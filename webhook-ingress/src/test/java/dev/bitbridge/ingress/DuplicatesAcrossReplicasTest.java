package dev.bitbridge.ingress;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

import dev.bitbridge.events.CloudEvents;
import dev.bitbridge.events.Topics;
import dev.bitbridge.testkit.EmbeddedKafka;
import dev.bitbridge.testkit.KafkaTestResource;
import dev.bitbridge.testkit.TopicScanner;

import static dev.bitbridge.ingress.Webhooks.cloud;
import static dev.bitbridge.ingress.Webhooks.newId;
import static dev.bitbridge.ingress.Webhooks.path;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * A redelivery that reaches another replica than the first delivery did, or arrives after a restart, is still a
 * duplicate: every replica learns the published ids from the topic. Here "another replica" writes its record
 * straight to the topic, with the headers an ingress writes.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
class DuplicatesAcrossReplicasTest extends ReadyIngress {

    @Test
    void anIdPublishedByAnotherReplicaIsADuplicateHere() throws Exception {
        String id = newId();
        double readBefore = idsRead();

        publishAsAnotherReplica("cloud-plain", id);
        await().atMost(Duration.ofSeconds(10)).until(() -> idsRead() > readBefore);

        cloud(id, "repo:push").body(Webhooks.CLOUD_PUSH).post(path("cloud-plain"))
                .then().statusCode(202)
                .body("duplicate", equalTo(true));
        assertThat(TopicScanner.ofSharedKafka().readWithHeader(Topics.WEBHOOKS_V1, CloudEvents.HEADER_ID, id)).hasSize(1);
    }

    @Test
    void theSameIdOfAnotherIntegrationIsNotADuplicate() throws Exception {
        String id = newId();
        double readBefore = idsRead();

        publishAsAnotherReplica("dc-plain", id);
        await().atMost(Duration.ofSeconds(10)).until(() -> idsRead() > readBefore);

        cloud(id, "repo:push").body(Webhooks.CLOUD_PUSH).post(path("cloud-plain"))
                .then().statusCode(202)
                .body("duplicate", equalTo(false));
    }

    private static void publishAsAnotherReplica(String integration, String id) throws Exception {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedKafka.shared().bootstrapServers());
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(props)) {
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.WEBHOOKS_V1, integration + ":acme/widgets",
                    Webhooks.CLOUD_PUSH.getBytes(StandardCharsets.UTF_8));
            record.headers().add(CloudEvents.HEADER_ID, id.getBytes(StandardCharsets.UTF_8));
            record.headers().add("ce_bitbucketintegration", integration.getBytes(StandardCharsets.UTF_8));
            producer.send(record).get();
        }
    }

    private static double idsRead() {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher m = Pattern.compile("^bitbridge_ingress_published_ids_read_total ([0-9.Ee+-]+)$", Pattern.MULTILINE)
                .matcher(metrics);
        return m.find() ? Double.parseDouble(m.group(1)) : 0.0;
    }
}

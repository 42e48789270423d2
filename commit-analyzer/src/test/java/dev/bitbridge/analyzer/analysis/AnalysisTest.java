package dev.bitbridge.analyzer.analysis;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import dev.bitbridge.analyzer.api.SettingsApiTest;
import dev.bitbridge.events.CloudEvents;
import dev.bitbridge.events.DeadLetters;
import dev.bitbridge.events.RecordKeys;
import dev.bitbridge.events.Topics;
import dev.bitbridge.events.analysis.TaskLinkEvent;
import dev.bitbridge.events.build.BuildRequest;
import dev.bitbridge.events.scm.Account;
import dev.bitbridge.events.scm.CommitEvent;
import dev.bitbridge.events.scm.CommitMessage;
import dev.bitbridge.events.scm.Origin;
import dev.bitbridge.events.scm.Person;
import dev.bitbridge.events.scm.RefChangeEvent;
import dev.bitbridge.events.scm.Repository;
import dev.bitbridge.testkit.EmbeddedKafka;
import dev.bitbridge.testkit.TopicScanner;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The analyzer against a real broker: enriched events in, as the connector writes them; task links, build requests
 * and dead letters out, read as a {@code read_committed} consumer reads them.
 */
@QuarkusTest
@QuarkusTestResource(InputTopicsResource.class)
class AnalysisTest {

    private static final Account JANE = new Account("557058:jane", "{jane}", "jane", "Jane Doe", null);
    private static KafkaProducer<String, byte[]> producer;

    @Inject
    ObjectMapper json;

    private final TopicScanner topics = TopicScanner.ofSharedKafka();

    @BeforeAll
    static void inputTopics() {
        String servers = EmbeddedKafka.shared().bootstrapServers();
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers);
        properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        producer = new KafkaProducer<>(properties);
    }

    @AfterAll
    static void close() {
        producer.close();
    }

    @Test
    void aTaggedPushGivesOneBuildRequestAndItsCommitsTaskLinks() throws Exception {
        Repository repo = repository();
        String head = hash();
        String earlier = hash();
        RefChangeEvent push = new RefChangeEvent("acme", "cloud", repo, "feature/GAME-12-particles",
                RefChangeEvent.BRANCH, RefChangeEvent.CREATED, false, null, head, List.of(head, earlier), List.of(),
                null, JANE, OffsetDateTime.now(), origin(), List.of(CommitMessage.of(head, "GAME-456: new animations #ci"),
                        CommitMessage.of(earlier, "GAME-455 start #jenkins:Games/Client")));
        send(Topics.COMMITS_V1, repo, CommitEvent.TYPE_NEW, commit(repo, earlier, "GAME-455 start #jenkins:Games/Client"));
        send(Topics.COMMITS_V1, repo, CommitEvent.TYPE_NEW, commit(repo, head, "GAME-456: new animations #ci"));
        send(Topics.REFS_V1, repo, push.type(), push);

        List<BuildRequest> requests = await().atMost(Duration.ofSeconds(30))
                .until(() -> recordsOf(Topics.BUILD_REQUESTS_V1, repo, BuildRequest.class), r -> r.size() >= 2);
        assertThat(requests).extracting(BuildRequest::job).containsExactlyInAnyOrder(null, "Games/Client");
        assertThat(requests).allSatisfy(request -> {
            assertThat(request.commit()).isEqualTo(head);
            assertThat(request.taskKeys()).containsExactly("GAME-12", "GAME-456", "GAME-455");
        });
        List<TaskLinkEvent> links = await().atMost(Duration.ofSeconds(10))
                .until(() -> recordsOf(Topics.TASK_LINKS_V1, repo, TaskLinkEvent.class), l -> l.size() >= 3);
        assertThat(links).extracting(TaskLinkEvent::key, TaskLinkEvent::foundIn).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("GAME-455", TaskLinkEvent.COMMIT_MESSAGE),
                org.assertj.core.groups.Tuple.tuple("GAME-456", TaskLinkEvent.COMMIT_MESSAGE),
                org.assertj.core.groups.Tuple.tuple("GAME-12", TaskLinkEvent.BRANCH_NAME));
        ConsumerRecord<String, byte[]> first = topics.readCommitted(Topics.BUILD_REQUESTS_V1).stream()
                .filter(r -> r.key().equals(RecordKeys.of("acme", repo.fullName()))).findFirst().orElseThrow();
        assertThat(TopicScanner.header(first, CloudEvents.HEADER_TYPE)).isEqualTo(BuildRequest.TYPE);
        assertThat(TopicScanner.header(first, CloudEvents.HEADER_SOURCE)).isEqualTo("/integrations/acme");
    }

    @Test
    void aRepositorysRulesSetThroughTheApiApply() throws Exception {
        Repository repo = repository();
        String path = "/api/v1/integrations/acme/repositories/" + repo.fullName() + "/analysis-settings";
        given().auth().oauth2(SettingsApiTest.TOKEN).contentType(ContentType.JSON)
                .body("{\"defaultJob\": \"App\", \"rules\": [{\"id\": \"main\", \"events\": [\"push\"],"
                        + " \"branches\": [\"main\"], \"trigger\": \"always\"}]}")
                .put(path).then().statusCode(200);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> given().auth().oauth2(SettingsApiTest.TOKEN).get(path).statusCode() == 200);
        String head = hash();
        RefChangeEvent push = new RefChangeEvent("acme", "cloud", repo, "main", RefChangeEvent.BRANCH,
                RefChangeEvent.UPDATED, false, hash(), head, List.of(head), List.of(), null, JANE,
                OffsetDateTime.now(), origin(), List.of(CommitMessage.of(head, "No tags here")));

        send(Topics.REFS_V1, repo, push.type(), push);

        List<BuildRequest> requests = await().atMost(Duration.ofSeconds(30))
                .until(() -> recordsOf(Topics.BUILD_REQUESTS_V1, repo, BuildRequest.class), r -> !r.isEmpty());
        assertThat(requests).singleElement().satisfies(request -> {
            assertThat(request.job()).isEqualTo("App");
            assertThat(request.triggers()).extracting(BuildRequest.Trigger::name).containsExactly("main");
        });
    }

    @Test
    void anUnreadableRecordGoesToTheDeadLettersWithTheReasonAndTheRestGoesOn() throws Exception {
        Repository repo = repository();
        String key = RecordKeys.of("acme", repo.fullName());
        producer.send(new ProducerRecord<>(Topics.REFS_V1, key, "{not json".getBytes(StandardCharsets.UTF_8))).get();
        producer.send(new ProducerRecord<>(Topics.REFS_V1, key, "{\"integration\":\"acme\"}"
                .getBytes(StandardCharsets.UTF_8))).get();
        String head = hash();
        send(Topics.REFS_V1, repo, "dev.bitbridge.ref.updated", new RefChangeEvent("acme", "cloud", repo, "x",
                RefChangeEvent.BRANCH, RefChangeEvent.UPDATED, false, hash(), head, List.of(head), List.of(), null,
                JANE, OffsetDateTime.now(), origin(), List.of(CommitMessage.of(head, "#ci"))));

        List<ConsumerRecord<String, byte[]>> dead = await().atMost(Duration.ofSeconds(30)).until(
                () -> topics.readCommitted(Topics.COMMIT_ANALYZER_DEAD_LETTERS_V1).stream()
                        .filter(r -> key.equals(r.key())).toList(),
                d -> d.size() >= 2);
        assertThat(dead).extracting(r -> TopicScanner.header(r, DeadLetters.HEADER_REASON))
                .containsExactly("unparseable", "incomplete");
        assertThat(TopicScanner.header(dead.get(1), DeadLetters.HEADER_DETAIL)).contains("repository.fullName");
        assertThat(TopicScanner.header(dead.get(0), DeadLetters.HEADER_SERVICE)).isEqualTo("commit-analyzer");
        assertThat(new String(dead.get(0).value(), StandardCharsets.UTF_8)).isEqualTo("{not json");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> recordsOf(Topics.BUILD_REQUESTS_V1, repo, BuildRequest.class), r -> r.size() == 1);
    }

    private <T> List<T> recordsOf(String topic, Repository repo, Class<T> type) {
        String key = RecordKeys.of("acme", repo.fullName());
        return topics.readCommitted(topic).stream().filter(r -> key.equals(r.key())).map(r -> {
            try {
                return json.readValue(r.value(), type);
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    private void send(String topic, Repository repo, String type, Object value) throws Exception {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, RecordKeys.of("acme", repo.fullName()),
                json.writeValueAsBytes(value));
        record.headers().add(CloudEvents.HEADER_TYPE, type.getBytes(StandardCharsets.UTF_8));
        record.headers().add(CloudEvents.HEADER_ID, UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
        producer.send(record).get();
    }

    private static CommitEvent commit(Repository repo, String hash, String message) {
        Person jane = new Person("Jane Doe <jane@acme.example>", "Jane Doe", "jane@acme.example", JANE);
        return new CommitEvent("acme", "cloud", repo, hash, message, jane, null, OffsetDateTime.now(), null,
                List.of(), List.of("feature/GAME-12-particles"), List.of(), false, null, origin());
    }

    private static Repository repository() {
        String slug = "game-" + UUID.randomUUID().toString().substring(0, 8);
        return new Repository("acme/" + slug, slug, null, null);
    }

    private static Origin origin() {
        return new Origin(UUID.randomUUID().toString(), "repo:push", OffsetDateTime.now());
    }

    private static String hash() {
        return (UUID.randomUUID().toString() + UUID.randomUUID()).replace("-", "").substring(0, 40);
    }
}

package dev.bitbridge.events.scm;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shipped schemas of the enriched topics describe exactly what the records serialize to: every record component
 * (nested ones included) is a schema property and the reverse, required properties are always written, enums hold
 * the values the code writes, and dates keep their offsets. A field added to a record without its schema fails here.
 */
class ScmEventSchemasTest {

    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    static final OffsetDateTime AT = OffsetDateTime.parse("2026-11-23T10:15:30+03:00");
    static final Repository REPO = new Repository("acme/game", "game", "{1}", "https://bitbucket.org/acme/game");
    static final Account JANE = new Account("557058:1", "{2}", "jane", "Jane Doe", null);
    static final Origin ORIGIN = new Origin("d1", "repo:push", AT);

    static Stream<Arguments> records() {
        Person author = new Person("Jane Doe <jane@example.com>", "Jane Doe", "jane@example.com", JANE);
        FileChange renamed = new FileChange("b.txt", FileChange.ChangeType.RENAMED, "a.txt");
        RefChangeEvent ref = new RefChangeEvent("acme", "cloud", REPO, "feature/x", "branch", "updated", true, "a1",
                "b2", List.of("b2"), List.of("c3"), "tag message", JANE, AT, ORIGIN);
        RefChangeEvent minimalRef = new RefChangeEvent("acme", "datacenter", REPO, "main", "branch", "deleted", false,
                "a1", null, List.of(), List.of(), null, null, null, ORIGIN);
        CommitEvent commit = new CommitEvent("acme", "cloud", REPO, "b2", "GAME-1: x", author, author, AT, AT,
                List.of("a1"), List.of("feature/x"), List.of(renamed), false, "https://x", ORIGIN);
        CommitEvent minimalCommit = new CommitEvent("acme", "cloud", REPO, "b2", null, null, null, null, null,
                List.of(), List.of(), List.of(), true, null, ORIGIN);
        PullRequestEvent.Endpoint side = new PullRequestEvent.Endpoint("feature/x", "b2", REPO);
        PullRequestEvent pr = new PullRequestEvent("acme", "cloud", REPO, "opened", 7, "T", "D", "OPEN", JANE, side,
                side, "a1", List.of(new PullRequestEvent.Reviewer(JANE, "REVIEWER", "approved")), JANE, "m1",
                new PullRequestEvent.Comment(3, "text"), List.of("b2"), List.of(renamed), false, "https://pr", AT,
                ORIGIN);
        PullRequestEvent minimalPr = new PullRequestEvent("acme", "datacenter", REPO, "approved", 7, null, null, null,
                null, null, null, null, List.of(), null, null, null, null, null, false, null, null, ORIGIN);
        return Stream.of(Arguments.of("bitbridge.refs.v1", ref, minimalRef),
                Arguments.of("bitbridge.commits.v1", commit, minimalCommit),
                Arguments.of("bitbridge.pullrequests.v1", pr, minimalPr));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("records")
    void everyComponentIsDescribedAndEveryPropertyIsAComponent(String topic, Record full, Record minimal)
            throws IOException {
        JsonNode schema = schema(topic);
        assertThat(names(schema.path("properties"))).containsExactlyInAnyOrderElementsOf(components(full.getClass()));
        Map<String, Class<?>> nested = Map.of("repository", Repository.class, "account", Account.class, "person",
                Person.class, "fileChange", FileChange.class, "origin", Origin.class, "endpoint",
                PullRequestEvent.Endpoint.class, "reviewer", PullRequestEvent.Reviewer.class, "comment",
                PullRequestEvent.Comment.class);
        for (String def : names(schema.path("$defs"))) {
            assertThat(names(schema.path("$defs").path(def).path("properties"))).as("$defs/%s", def)
                    .containsExactlyInAnyOrderElementsOf(components(nested.get(def)));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("records")
    void whatTheRecordsWriteFitsTheSchema(String topic, Record full, Record minimal) throws IOException {
        JsonNode schema = schema(topic);
        for (Record record : List.of(full, minimal)) {
            JsonNode written = JSON.readTree(JSON.writeValueAsBytes(record));
            for (JsonNode required : schema.path("required")) {
                assertThat(written.has(required.asText())).as("%s writes required %s", topic, required.asText())
                        .isTrue();
            }
            assertThat(names(schema.path("properties"))).containsAll(names(written));
            written.fields().forEachRemaining(field -> {
                JsonNode enums = schema.path("properties").path(field.getKey()).path("enum");
                if (enums.isArray()) {
                    assertThat(values(enums)).as("%s.%s", topic, field.getKey()).contains(field.getValue().asText());
                }
            });
        }
        JsonNode written = JSON.readTree(JSON.writeValueAsBytes(full));
        written.findValues("change").forEach(v -> assertThat(v.asText()).isIn("added", "modified", "removed",
                "renamed", "copied", "created", "updated", "deleted"));
        assertThat(written.toString()).as("dates keep their offset").contains("2026-11-23T10:15:30+03:00");
    }

    private static JsonNode schema(String topic) throws IOException {
        try (InputStream in = ScmEventSchemasTest.class.getResourceAsStream("/schemas/" + topic + ".json")) {
            assertThat(in).as("schema of %s", topic).isNotNull();
            return JSON.readTree(in);
        }
    }

    private static List<String> components(Class<?> type) {
        return Stream.of(type.getRecordComponents()).map(RecordComponent::getName).toList();
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> i = object.fieldNames(); i.hasNext();) {
            names.add(i.next());
        }
        return names;
    }

    private static List<String> values(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }
}

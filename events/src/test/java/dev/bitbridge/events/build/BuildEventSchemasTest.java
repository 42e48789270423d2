package dev.bitbridge.events.build;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.bitbridge.events.Contract;
import dev.bitbridge.events.JsonSchemas;
import dev.bitbridge.events.RecordContractTest;
import dev.bitbridge.events.RecordSchemaShape;
import dev.bitbridge.events.Sample;
import dev.bitbridge.events.Topics;
import dev.bitbridge.events.build.BuildRequest.Trigger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code bitbridge.build-requests.v1} and {@code bitbridge.builds.v1}, written as commit-analyzer and build-trigger
 * write them ({@link BuildSamples}), against their shipped schemas ({@link RecordContractTest}); the status keys and
 * request ids the helpers make are what the schemas allow; the enumerations are the records' constants.
 */
class BuildEventSchemasTest extends RecordContractTest {

    static final Contract BUILD_REQUESTS = new Contract(Topics.BUILD_REQUESTS_V1, BuildRequest.class,
            BuildSamples::requests);
    static final Contract BUILDS = new Contract(Topics.BUILDS_V1, BuildEvent.class, BuildSamples::builds);

    @Override
    protected List<Contract> contracts() {
        return List.of(BUILD_REQUESTS, BUILDS);
    }

    @Test
    void theSamplesReachEveryStateAndEachBuildEndsInAFinalOne() {
        Set<BuildState> states = EnumSet.noneOf(BuildState.class);
        Map<String, BuildEvent> last = new HashMap<>();
        for (Sample sample : BUILDS.samples()) {
            BuildEvent build = (BuildEvent) sample.record();
            states.add(build.state());
            last.merge(build.requestId(), build, (a, b) -> a.sequence() > b.sequence() ? a : b);
        }

        assertThat(states).containsExactlyInAnyOrder(BuildState.values());
        assertThat(last.values()).allSatisfy(b -> assertThat(b.state().isFinal()).as(b.id()).isTrue());
    }

    @Test
    void theCloudEventsTypeAndIdAreTheDocumentedOnes() {
        for (Sample sample : BUILDS.samples()) {
            BuildEvent build = (BuildEvent) sample.record();

            assertThat(build.type()).isEqualTo("dev.bitbridge.build." + build.state().name().toLowerCase());
            assertThat(build.id()).isEqualTo(build.requestId() + "/" + build.sequence());
        }
        assertThat(BuildRequest.TYPE).isEqualTo("dev.bitbridge.build.requested");
        assertThat(BUILDS.schema().get("description").asText())
                .contains("'dev.bitbridge.build.<state in lower case>' (queued, inprogress, successful, failed, "
                        + "stopped)", "'<requestId>/<sequence>'");
    }

    @Test
    void theDocumentedEnumerationsAreTheRecordsConstants() {
        List<String> reasons = List.of(BuildRequest.PUSH, BuildRequest.PULL_REQUEST, BuildRequest.TAG,
                BuildRequest.MANUAL, BuildRequest.SCHEDULE);

        assertThat(texts(BUILD_REQUESTS.schema().at("/properties/reason/enum"))).isEqualTo(reasons);
        assertThat(texts(BUILDS.schema().at("/properties/requestReason/enum"))).isEqualTo(reasons);
        assertThat(texts(BUILD_REQUESTS.schema().at("/$defs/trigger/properties/type/enum")))
                .containsExactly(Trigger.TAG, Trigger.RULE, Trigger.MANUAL, Trigger.SCHEDULE);
        assertThat(texts(BUILDS.schema().at("/properties/state/enum")))
                .isEqualTo(Arrays.stream(BuildState.values()).map(Enum::name).toList());
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "Games/Client", "Spiele/Veröffentlichung", "工作/构建", "a b:c", "x" })
    void everyStatusKeyStatusKeysMakesIsOneTheSchemasAllow(String job) {
        List<String> keys = new ArrayList<>();
        for (String name : List.of(job, job + "/" + "long-folder-name/".repeat(12) + "job")) {
            keys.add(StatusKeys.of(name.isEmpty() ? null : name, null));
            keys.add(StatusKeys.of(name.isEmpty() ? null : name, 1234567L));
        }

        for (String key : keys) {
            ObjectNode request = BUILD_REQUESTS.first().put("statusKey", key);
            ObjectNode build = BUILDS.first().put("statusKey", key);

            assertThat(JsonSchemas.errors(BUILD_REQUESTS.schema(), request)).as(key).isEmpty();
            assertThat(JsonSchemas.errors(BUILDS.schema(), build)).as(key).isEmpty();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "Games/Client", "a-key-that-is-one-character-too-long-x041", "Games Client", "" })
    void aStatusKeyBitbucketWouldNotTakeIsRefused(String key) {
        ObjectNode build = BUILDS.first().put("statusKey", key);

        assertThat(JsonSchemas.errors(BUILDS.schema(), build)).singleElement().asString().contains("/statusKey");
    }

    @Test
    void everyRequestIdIsALowerCaseUuidAndAnythingElseIsRefused() {
        for (String id : List.of(BuildRequestIds.of("i", "w/r", "abc", null, BuildRequestIds.COMMIT),
                UUID.randomUUID().toString())) {
            assertThat(JsonSchemas.errors(BUILDS.schema(), BUILDS.first().put("requestId", id))).isEmpty();
        }
        for (String id : List.of(UUID.randomUUID().toString().toUpperCase(), "build-42", "")) {
            assertThat(JsonSchemas.errors(BUILD_REQUESTS.schema(), BUILD_REQUESTS.first().put("requestId", id)))
                    .as(id).isNotEmpty().allSatisfy(e -> assertThat(e).contains("/requestId"));
        }
    }

    @Test
    void aSequenceBelowOneIsRefused() {
        assertThat(JsonSchemas.errors(BUILDS.schema(), BUILDS.first().put("sequence", 0))).singleElement()
                .asString().contains("/sequence");
    }

    @Test
    void aMapDocumentedWithoutTheTypeOfItsValuesIsFound() {
        ObjectNode schema = BUILD_REQUESTS.schema().deepCopy();
        ((ObjectNode) schema.at("/properties/parameters")).remove("additionalProperties");
        ((ObjectNode) schema.at("/properties/requestedAt")).remove("format");

        assertThat(RecordSchemaShape.problems(BuildRequest.class, schema)).containsExactlyInAnyOrder(
                "$.parameters: a map is documented without the type of its values (additionalProperties)",
                "$.requestedAt: a date is documented without format date-time");
    }

    @Test
    void aStateTheEnumDoesNotHaveIsFound() {
        ObjectNode schema = BUILDS.schema().deepCopy();
        ((ObjectNode) schema.at("/properties/state")).putArray("enum").add("QUEUED").add("DONE");

        assertThat(RecordSchemaShape.problems(BuildEvent.class, schema)).singleElement().asString()
                .startsWith("$.state: the enumeration is [FAILED, INPROGRESS, QUEUED, STOPPED, SUCCESSFUL]");
    }

    @Test
    void parametersAreTextOnly() {
        ObjectNode request = BUILD_REQUESTS.first();
        request.putObject("parameters").put("RETRIES", 3);

        assertThat(JsonSchemas.errors(BUILD_REQUESTS.schema(), request)).singleElement().asString()
                .contains("/parameters/RETRIES");
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(t -> texts.add(t.asText()));
        return texts;
    }
}

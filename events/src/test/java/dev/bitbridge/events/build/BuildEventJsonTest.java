package dev.bitbridge.events.build;

import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.bitbridge.events.RecordJsonTest;
import dev.bitbridge.events.Sample;

import static dev.bitbridge.events.JsonSchemas.JSON;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * How build requests and build states are written and read back ({@link RecordJsonTest}): dates keep their offsets,
 * a state is written as its name, and lists and parameters are written even when empty.
 */
class BuildEventJsonTest extends RecordJsonTest {

    @Override
    protected Stream<Sample> samples() {
        return Stream.of(BuildSamples.requests(), BuildSamples.builds()).flatMap(List::stream);
    }

    @Test
    void requestedAtKeepsItsOffsetThroughARoundTrip() throws Exception {
        BuildRequest request = (BuildRequest) BuildSamples.requests().get(0).record();

        byte[] written = JSON.writeValueAsBytes(request);
        BuildRequest read = JSON.readValue(written, BuildRequest.class);

        assertThat(JSON.readTree(written).get("requestedAt").asText()).isEqualTo("2026-11-22T10:40:01.5+09:00");
        assertThat(read.requestedAt().getOffset()).isEqualTo(ZoneOffset.ofHours(9));
        assertThat(read.origin().receivedAt().getOffset()).isEqualTo(ZoneOffset.ofHours(9));
    }

    @Test
    void occurredAtKeepsItsOffsetThroughARoundTrip() throws Exception {
        BuildEvent build = (BuildEvent) BuildSamples.builds().get(3).record();

        BuildEvent read = JSON.readValue(JSON.writeValueAsBytes(build), BuildEvent.class);

        assertThat(read.occurredAt()).isEqualTo(build.occurredAt());
        assertThat(read.occurredAt().getOffset()).isEqualTo(ZoneOffset.ofHours(-5));
    }

    @Test
    void aStateIsWrittenAsItsNameAndWhatIsNotKnownYetIsLeftOut() {
        JsonNode queued = JSON.valueToTree(BuildSamples.builds().get(1).record());

        assertThat(queued.get("state").asText()).isEqualTo("QUEUED");
        assertThat(queued.has("buildNumber")).isFalse();
        assertThat(queued.has("result")).isFalse();
        assertThat(queued.has("durationMillis")).isFalse();
    }

    @Test
    void emptyListsAndParametersAreWrittenAndReadBack() throws Exception {
        BuildRequest request = new BuildRequest("3b0f6c2e-8d4a-4f1b-9c7e-2a5d8e1f4b6c", "acme", "cloud",
                dev.bitbridge.events.scm.ScmSamples.BARE_REPO, "abc", "main", null, null, BuildRequest.MANUAL, null,
                null, null, null, "jenkins", null, null, null, null, BuildRequest.MANUAL);

        JsonNode json = JSON.valueToTree(request);

        assertThat(json.get("triggers").isArray()).isTrue();
        assertThat(json.get("parameters").isObject()).isTrue();
        assertThat(json.get("parameters").size()).isZero();
        assertThat(JSON.treeToValue(json, BuildRequest.class)).isEqualTo(request);
    }

    @Test
    void parametersReadBackAsWritten() throws Exception {
        BuildRequest manual = (BuildRequest) BuildSamples.requests().get(2).record();

        BuildRequest read = JSON.readValue(JSON.writeValueAsBytes(manual), BuildRequest.class);

        assertThat(read.parameters()).isEqualTo(Map.of("DEPLOY_TO", "staging", "NOTE", "für QA ✓"));
        assertThat(read.manual()).isTrue();
    }
}

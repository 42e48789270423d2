package dev.bitbridge.events.analysis;

import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.bitbridge.events.RecordJsonTest;
import dev.bitbridge.events.Sample;

import static dev.bitbridge.events.JsonSchemas.JSON;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * How task links and analysis settings are written and read back ({@link RecordJsonTest}): a task link's date keeps
 * its offset, settings are stamped in UTC, and what inherits is left out.
 */
class AnalysisEventJsonTest extends RecordJsonTest {

    @Override
    protected Stream<Sample> samples() {
        return Stream.of(AnalysisSamples.taskLinks(), AnalysisSamples.settings()).flatMap(List::stream);
    }

    @Test
    void occurredAtKeepsItsOffsetThroughARoundTrip() throws Exception {
        TaskLinkEvent link = (TaskLinkEvent) AnalysisSamples.taskLinks().get(2).record();

        byte[] written = JSON.writeValueAsBytes(link);
        TaskLinkEvent read = JSON.readValue(written, TaskLinkEvent.class);

        assertThat(JSON.readTree(written).get("occurredAt").asText()).isEqualTo("2026-11-22T09:59:00+04:00");
        assertThat(read.occurredAt().getOffset()).isEqualTo(ZoneOffset.ofHours(4));
        assertThat(read.origin().receivedAt().getOffset()).isEqualTo(ZoneOffset.ofHours(9));
    }

    @Test
    void anIntegrationsSettingsLeaveOutTheRepositoryAndWriteNoRules() {
        JsonNode json = JSON.valueToTree(AnalysisSamples.settings().get(1).record());

        assertThat(json.has("repository")).isFalse();
        assertThat(json.get("rules").isArray()).isTrue();
        assertThat(json.get("rules").size()).isZero();
        assertThat(json.get("updatedAt").asText()).isEqualTo("2026-11-20T08:30:00.250Z");
    }

    @Test
    void whatARepositoryInheritsIsLeftOut() {
        JsonNode json = JSON.valueToTree(AnalysisSamples.settings().get(2).record());

        assertThat(json.has("projectKeys")).isFalse();
        assertThat(json.has("linkTemplate")).isFalse();
        assertThat(json.has("defaultJob")).isFalse();
        assertThat(json.at("/rules/0/targetBranches").isArray()).as("an empty list is written").isTrue();
    }
}

package dev.bitbridge.events.scm;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import dev.bitbridge.events.RecordJsonTest;
import dev.bitbridge.events.Sample;

import static dev.bitbridge.events.JsonSchemas.JSON;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * How the enriched records are written and read back ({@link RecordJsonTest}): what is not known is left out (never
 * {@code null}), at the top and in every nested record, and dates keep their offsets both ways,
 * {@code origin.receivedAt} included.
 */
class ScmEventJsonTest extends RecordJsonTest {

    @Override
    protected Stream<Sample> samples() {
        return Stream.of(ScmSamples.refs(), ScmSamples.commits(), ScmSamples.pullRequests()).flatMap(List::stream);
    }

    @Test
    void aNestedRecordLeavesOutWhatIsNotKnown() {
        Account dataCenter = new Account("101", null, "jdoe", "Jane Doe", "jane.doe@acme.example");
        Person unlinked = new Person(null, "omar", "omar@laptop.local", null);

        assertThat(JSON.valueToTree(dataCenter).toString())
                .isEqualTo("{\"id\":\"101\",\"name\":\"jdoe\",\"displayName\":\"Jane Doe\","
                        + "\"email\":\"jane.doe@acme.example\"}");
        assertThat(JSON.valueToTree(unlinked).toString())
                .isEqualTo("{\"name\":\"omar\",\"email\":\"omar@laptop.local\"}");
        assertThat(JSON.valueToTree(new FileChange("a.txt", FileChange.ChangeType.ADDED, null)).toString())
                .isEqualTo("{\"path\":\"a.txt\",\"change\":\"added\"}");
    }

    @Test
    void originReceivedAtKeepsANonUtcOffsetThroughARoundTrip() throws Exception {
        OffsetDateTime tokyo = OffsetDateTime.parse("2026-11-22T10:15:30.123+09:00");
        Origin origin = new Origin("9c1f3a2e-5b7d-4e8f-a1b2-c3d4e5f60718", "repo:push", tokyo);

        byte[] written = JSON.writeValueAsBytes(origin);
        Origin read = JSON.readValue(written, Origin.class);

        assertThat(JSON.readTree(written).get("receivedAt").asText()).isEqualTo("2026-11-22T10:15:30.123+09:00");
        assertThat(read.receivedAt()).isEqualTo(tokyo);
        assertThat(read.receivedAt().getOffset()).isEqualTo(ZoneOffset.ofHours(9));
        assertThat(JSON.readValue("\"2026-11-22T10:15:30.123+09:00\"", OffsetDateTime.class).getOffset())
                .as("without the annotation, the mapper would have moved it to UTC").isEqualTo(ZoneOffset.UTC);
    }

    @Test
    void everyDateOfAnEventKeepsItsOffsetThroughARoundTrip() throws Exception {
        CommitEvent commit = (CommitEvent) ScmSamples.commits().get(1).record();

        CommitEvent read = JSON.readValue(JSON.writeValueAsBytes(commit), CommitEvent.class);

        assertThat(read.authorDate().getOffset()).isEqualTo(ZoneOffset.ofHours(1));
        assertThat(read.committerDate().getOffset()).isEqualTo(ZoneOffset.ofHours(-5));
        assertThat(read.origin().receivedAt().getOffset()).isEqualTo(ZoneOffset.ofHours(-5));
    }
}

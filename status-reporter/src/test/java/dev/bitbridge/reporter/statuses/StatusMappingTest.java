package dev.bitbridge.reporter.statuses;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.bitbridge.events.build.BuildEvent;
import dev.bitbridge.events.build.BuildState;
import dev.bitbridge.events.scm.Repository;

import static org.assertj.core.api.Assertions.assertThat;

class StatusMappingTest {

    static final String JENKINS = "https://ci.example.com";
    static final String JOB_URL = JENKINS + "/job/Games/job/Client/";
    static final StatusMapping MAPPING = new StatusMapping(Optional.empty());

    @ParameterizedTest
    @CsvSource({ "QUEUED,INPROGRESS", "INPROGRESS,INPROGRESS", "SUCCESSFUL,SUCCESSFUL", "FAILED,FAILED",
            "STOPPED,STOPPED" })
    void jenkinsMdsMapping(BuildState state, String bitbucket) {
        assertThat(StatusMapping.stateOf(state)).isEqualTo(bitbucket);
        assertThat(MAPPING.of(event(state, "Games/Client", JOB_URL + "3/", JOB_URL, JENKINS, "main", null, "x"))
                .orElseThrow().state()).isEqualTo(bitbucket);
    }

    @Test
    void theLinkIsTheBuildsPageThenTheJobsThenJenkins() {
        assertThat(MAPPING.of(event(BuildState.INPROGRESS, "J", JOB_URL + "3/", JOB_URL, JENKINS, "main", null, null))
                .orElseThrow().url()).isEqualTo(JOB_URL + "3/");
        assertThat(MAPPING.of(event(BuildState.QUEUED, "J", null, JOB_URL, JENKINS, "main", null, null)).orElseThrow()
                .url()).isEqualTo(JOB_URL);
        assertThat(MAPPING.of(event(BuildState.QUEUED, "J", null, null, JENKINS, "main", null, null)).orElseThrow()
                .url()).isEqualTo(JENKINS);
    }

    @Test
    void aLinkBitbucketWouldRefuseIsNeverPosted() {
        String tooLong = JOB_URL + "a".repeat(StatusMapping.MAX_URL) + "/3/";
        assertThat(MAPPING.of(event(BuildState.SUCCESSFUL, "J", tooLong, JOB_URL, JENKINS, "main", null, null))
                .orElseThrow().url()).as("over 450 characters: the job's page instead").isEqualTo(JOB_URL);
        assertThat(MAPPING.of(event(BuildState.FAILED, null, null, null, null, "main", null, "no target")))
                .as("no page at all and none configured: nothing Bitbucket would take").isEmpty();
        assertThat(MAPPING.of(event(BuildState.FAILED, null, null, null, "jenkins.local/ci", "main", null, "x")))
                .as("not an absolute URL").isEmpty();
        assertThat(MAPPING.of(event(BuildState.QUEUED, "J", null, null, "https://bot:s3cret@ci.example.com", "main",
                null, null))).as("a link with a credential in it").isEmpty();
        assertThat(new StatusMapping(Optional.of("https://bitbridge.example/builds/{requestId}"))
                .of(event(BuildState.FAILED, null, null, null, null, "main", null, "no target")).orElseThrow().url())
                .isEqualTo("https://bitbridge.example/builds/r-1");
    }

    @Test
    void textsAreCutTo255CharactersWithoutSplittingACharacter() {
        String reason = "x".repeat(253) + "\uD83D\uDE00" + "tail";
        WantedStatus status = MAPPING.of(event(BuildState.FAILED, "J", JOB_URL + "3/", JOB_URL, JENKINS, "main",
                null, reason)).orElseThrow();
        assertThat(status.description()).hasSizeLessThanOrEqualTo(StatusMapping.MAX_TEXT).endsWith("…");
        assertThat(Character.isHighSurrogate(status.description().charAt(status.description().length() - 2)))
                .isFalse();
    }

    @Test
    void aTagBuildNamesTheTagNotABranch() {
        WantedStatus status = MAPPING.of(event(BuildState.SUCCESSFUL, "J", JOB_URL + "3/", JOB_URL, JENKINS, null,
                "v1.2", null)).orElseThrow();
        assertThat(status.tag()).isEqualTo("v1.2");
        assertThat(status.branch()).isNull();
    }

    @Test
    void theDescriptionSaysWhatHappened() {
        assertThat(MAPPING.of(event(BuildState.STOPPED, "J", JOB_URL + "3/", JOB_URL, JENKINS, "main", null,
                "cancelled by jdoe")).orElseThrow().description()).isEqualTo("cancelled by jdoe");
        assertThat(MAPPING.of(event(BuildState.INPROGRESS, "J", JOB_URL + "3/", JOB_URL, JENKINS, "main", null,
                null)).orElseThrow().description()).isEqualTo("Building #3");
    }

    private static BuildEvent event(BuildState state, String job, String buildUrl, String jobUrl, String jenkins,
            String branch, String tag, String reason) {
        Integer number = buildUrl == null ? null : 3;
        return new BuildEvent("r-1", 1, "acme", "cloud", new Repository("acme/game", "game", null, null),
                "0123456789abcdef0123456789abcdef01234567", branch, tag, null, job, "Games-Client", state, reason,
                null, jenkins, null, buildUrl, number, state.isFinal() ? 5_000L : null, "push", null, List.of(),
                OffsetDateTime.now(), null, jobUrl);
    }
}

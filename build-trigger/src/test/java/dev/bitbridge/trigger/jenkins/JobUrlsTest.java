package dev.bitbridge.trigger.jenkins;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Job URLs as jenkins.md describes them, independently of the simulator's encoder. */
class JobUrlsTest {

    @Test
    void foldersNest() {
        assertThat(JobUrls.job("https://ci.example.com/", "Games/Client"))
                .isEqualTo("https://ci.example.com/job/Games/job/Client/");
        assertThat(JobUrls.job("https://ci.example.com/jenkins", "app")).isEqualTo("https://ci.example.com/jenkins/job/app/");
    }

    @Test
    void segmentsAreEncoded() {
        assertThat(JobUrls.job("https://ci", "Nightly Build/Spiel-Ü")).isEqualTo(
                "https://ci/job/Nightly%20Build/job/Spiel-%C3%9C/");
    }

    @Test
    void branchJobsAreEncodedTwice() {
        assertThat(JobUrls.branchJobName("feature/foo")).isEqualTo("feature%2Ffoo");
        assertThat(JobUrls.branchJob("https://ci", "repo", "feature/foo"))
                .isEqualTo("https://ci/job/repo/job/feature%252Ffoo/");
        assertThat(JobUrls.branchJobName("release/1.2")).isEqualTo("release%2F1.2");
        assertThat(JobUrls.branchJobName("a#b?c[d]e\\f%g")).isEqualTo("a%23b%3Fc%5Bd%5De%5Cf%25g");
        assertThat(JobUrls.branchJobName(".")).isEqualTo("%2E");
        assertThat(JobUrls.branchJobName("..")).isEqualTo("%2E.");
    }
}

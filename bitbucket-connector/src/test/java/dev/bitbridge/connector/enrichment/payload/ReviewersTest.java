package dev.bitbridge.connector.enrichment.payload;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReviewersTest {

    @Test
    void onlyTheRolesTheSchemaHasComeOut() {
        assertThat(Reviewers.role("REVIEWER", Reviewers.PARTICIPANT)).isEqualTo("REVIEWER");
        assertThat(Reviewers.role("participant", Reviewers.REVIEWER)).isEqualTo("PARTICIPANT");
        assertThat(Reviewers.role("AUTHOR", Reviewers.PARTICIPANT)).as("Data Center's author among participants")
                .isEqualTo("PARTICIPANT");
        assertThat(Reviewers.role(null, Reviewers.REVIEWER)).isEqualTo("REVIEWER");
        assertThat(Reviewers.role("OWNER", Reviewers.REVIEWER)).as("a role Bitbucket adds later").isEqualTo("REVIEWER");
    }

    @Test
    void bothFlavorsWordsForApprovalMeanTheSame() {
        assertThat(Reviewers.state("APPROVED", null)).isEqualTo("approved");
        assertThat(Reviewers.state("NEEDS_WORK", null)).isEqualTo("changes_requested");
        assertThat(Reviewers.state("changes_requested", null)).isEqualTo("changes_requested");
        assertThat(Reviewers.state(null, true)).isEqualTo("approved");
        assertThat(Reviewers.state("UNAPPROVED", false)).isEqualTo("none");
    }
}

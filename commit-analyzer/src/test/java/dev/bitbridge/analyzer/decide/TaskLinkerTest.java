package dev.bitbridge.analyzer.decide;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.bitbridge.analyzer.rules.EffectiveSettings;
import dev.bitbridge.events.analysis.TaskLinkEvent;
import dev.bitbridge.events.scm.CommitEvent;
import dev.bitbridge.events.scm.Person;
import dev.bitbridge.events.scm.RefChangeEvent;

import static dev.bitbridge.analyzer.decide.Events.AT;
import static dev.bitbridge.analyzer.decide.Events.JANE;
import static dev.bitbridge.analyzer.decide.Events.REPO;
import static dev.bitbridge.analyzer.decide.Events.hash;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class TaskLinkerTest {

    private static final EffectiveSettings JIRA = new EffectiveSettings(Set.of("GAME", "OPS"),
            "https://example.atlassian.net/browse/{key}", null, List.of());
    private final TaskLinker linker = new TaskLinker();

    @Test
    void aNewCommitLinksItsKeysWithWhereAndWhoWroteThem() {
        Person author = new Person("Jane <jane@acme.example>", "Jane", "jane@acme.example", JANE);
        CommitEvent commit = new CommitEvent("acme", "cloud", REPO, hash(3), "Fix UTF-8 in the menu\n\nGAME-12, OPS-4",
                author, null, AT, null, List.of(hash(2)), List.of("main"), List.of(), true, null, Events.origin("p"));

        List<TaskLinkEvent> links = linker.forCommit(commit, CommitEvent.TYPE_NEW, JIRA);

        assertThat(links).extracting(TaskLinkEvent::key, TaskLinkEvent::link, TaskLinkEvent::line,
                TaskLinkEvent::offset).containsExactly(
                        tuple("GAME-12", "https://example.atlassian.net/browse/GAME-12", 3, 23),
                        tuple("OPS-4", "https://example.atlassian.net/browse/OPS-4", 3, 32));
        assertThat(links.get(0).author()).isEqualTo(author);
        assertThat(links.get(0).foundIn()).isEqualTo(TaskLinkEvent.COMMIT_MESSAGE);
        assertThat(links.get(0).id()).isEqualTo("p/task/commit-message/" + hash(3) + "/GAME-12");
        assertThat(linker.forCommit(commit, CommitEvent.TYPE_FILES, JIRA)).as("the files follow-up").isEmpty();
    }

    @Test
    void aNewBranchLinksTheKeyInItsName() {
        RefChangeEvent created = new RefChangeEvent("acme", "cloud", REPO, "feature/game-12-particles",
                RefChangeEvent.BRANCH, RefChangeEvent.CREATED, false, null, hash(5), List.of(), List.of(hash(5)), null,
                JANE, AT, Events.origin("c"), List.of());

        assertThat(linker.forRef(created, JIRA)).singleElement().satisfies(link -> {
            assertThat(link.key()).isEqualTo("GAME-12");
            assertThat(link.branch()).isEqualTo("feature/game-12-particles");
            assertThat(link.commit()).isEqualTo(hash(5));
            assertThat(link.foundIn()).isEqualTo(TaskLinkEvent.BRANCH_NAME);
        });
        assertThat(linker.forRef(Events.push("feature/GAME-12-x", "no keys"), JIRA))
                .as("an update of an existing branch links its commits, not its name again").isEmpty();
    }

    @Test
    void aPullRequestLinksEachKeyOnceWhereItFirstAppears() {
        List<TaskLinkEvent> links = linker.forPullRequest(Events.pullRequest("opened", "feature/OPS-1-x", "main",
                hash(9), "GAME-7 Particles", "Also GAME-7 and GAME-8", Events.REPO), JIRA);

        assertThat(links).extracting(TaskLinkEvent::key, TaskLinkEvent::foundIn).containsExactly(
                tuple("GAME-7", TaskLinkEvent.PULL_REQUEST_TITLE),
                tuple("GAME-8", TaskLinkEvent.PULL_REQUEST_DESCRIPTION),
                tuple("OPS-1", TaskLinkEvent.BRANCH_NAME));
        assertThat(links).allSatisfy(link -> {
            assertThat(link.pullRequestId()).isEqualTo(42L);
            assertThat(link.commit()).isEqualTo(hash(9));
        });
        assertThat(links.get(2).id()).isEqualTo("pr-opened/task/branch-name/feature/OPS-1-x/OPS-1");
        assertThat(linker.forPullRequest(Events.pullRequest("merged", "f", "main", hash(9), "GAME-7", null), JIRA))
                .isEmpty();
    }

    @Test
    void withoutATemplateLinksHaveNoUrl() {
        assertThat(linker.forPullRequest(Events.pullRequest("opened", "f", "main", hash(9), "GAME-7", null),
                EffectiveSettings.NONE)).singleElement().satisfies(link -> assertThat(link.link()).isNull());
    }
}

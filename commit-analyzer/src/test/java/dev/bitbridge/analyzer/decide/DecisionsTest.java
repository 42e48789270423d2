package dev.bitbridge.analyzer.decide;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.bitbridge.analyzer.rules.EffectiveSettings;
import dev.bitbridge.events.analysis.AnalysisSettings;
import dev.bitbridge.events.analysis.BranchRule;
import dev.bitbridge.events.build.BuildRequest;
import dev.bitbridge.events.build.BuildRequest.Trigger;
import dev.bitbridge.events.build.BuildRequestIds;
import dev.bitbridge.events.scm.PullRequestEvent;
import dev.bitbridge.events.scm.RefChangeEvent;

import static dev.bitbridge.analyzer.decide.Events.FORK;
import static dev.bitbridge.analyzer.decide.Events.hash;
import static dev.bitbridge.analyzer.decide.Events.pullRequest;
import static dev.bitbridge.analyzer.decide.Events.push;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** Branch rules, trigger tags, coalescing and request ids, from enriched events to build requests. */
class DecisionsTest {

    private final RequestFactory factory = new RequestFactory();
    private final PushDecider pushes = new PushDecider(factory);
    private final PullRequestDecider pullRequests = new PullRequestDecider(factory);

    @Test
    void aTaggedCommitBuildsTheDefaultJobOnceWithItsTaskKey() {
        List<BuildRequest> requests = pushes.decide(push("feature/x", "GAME-456: new animations #ci"), none());

        assertThat(requests).singleElement().satisfies(request -> {
            assertThat(request.job()).isNull();
            assertThat(request.commit()).isEqualTo(hash(101));
            assertThat(request.branch()).isEqualTo("feature/x");
            assertThat(request.reason()).isEqualTo(BuildRequest.PUSH);
            assertThat(request.taskKeys()).containsExactly("GAME-456");
            assertThat(request.statusKey()).isEqualTo("jenkins");
            assertThat(request.triggers()).containsExactly(new Trigger(Trigger.TAG, "#ci", hash(101)));
            assertThat(request.requestId()).isEqualTo(
                    BuildRequestIds.of("acme", "acme/game", hash(101), null, BuildRequestIds.COMMIT));
        });
    }

    @Test
    void theRepositorysDefaultJobIsWhatCiBuilds() {
        List<BuildRequest> requests = pushes.decide(push("main", "Fix #build"), settings("Games/Client"));

        assertThat(requests).extracting(BuildRequest::job).containsExactly("Games/Client");
        assertThat(requests.get(0).statusKey()).isEqualTo("Games-Client");
    }

    @Test
    void jenkinsBuildsTheJenkinsDefaultEvenWhenTheRepositoryHasOne() {
        assertThat(pushes.decide(push("main", "Fix #jenkins"), settings("Games/Client")))
                .extracting(BuildRequest::job).containsExactly((String) null);
    }

    @Test
    void severalTaggedCommitsOfOnePushForOneJobAreOneBuildAtTheHead() {
        RefChangeEvent push = push("feature/x", "GAME-3 polish", "GAME-2 more #jenkins:Client", "GAME-1 start #ci",
                "OPS-9 unrelated #jenkins:Client");

        List<BuildRequest> requests = pushes.decide(push, none());

        assertThat(requests).extracting(BuildRequest::job, BuildRequest::commit, BuildRequest::commits).containsExactly(
                tuple("Client", hash(104), List.of(hash(104), hash(103), hash(101))),
                tuple(null, hash(104), List.of(hash(104), hash(102))));
        assertThat(requests).allSatisfy(request -> assertThat(request.taskKeys())
                .containsExactly("GAME-3", "GAME-2", "GAME-1", "OPS-9"));
        assertThat(requests.get(0).triggers()).extracting(Trigger::commit).containsExactly(hash(101), hash(103));
    }

    @Test
    void skipInTheHeadBuildsNothingNotEvenRules() {
        RefChangeEvent push = push("main", "Docs [skip ci]", "Earlier #ci");

        assertThat(pushes.decide(push, withRules(rule("main", List.of(BranchRule.PUSH), List.of("main"),
                List.of("App"), BranchRule.ALWAYS, false)))).isEmpty();
    }

    @Test
    void skipInAnEarlierCommitSilencesOnlyThatCommit() {
        List<BuildRequest> requests = pushes.decide(push("main", "Head #jenkins:A", "Earlier #ci #skip-ci"), none());

        assertThat(requests).extracting(BuildRequest::job).containsExactly("A");
    }

    @Test
    void branchRulesBuildWithoutATagOnMatchingBranchesOnly() {
        EffectiveSettings settings = withRules(
                rule("main", List.of(BranchRule.PUSH), List.of("main"), List.of("App"), BranchRule.ALWAYS, false),
                rule("releases", List.of(BranchRule.PUSH), List.of("release/*"), List.of("App", "Installer"),
                        BranchRule.ALWAYS, false));

        assertThat(pushes.decide(push("main", "Fix"), settings)).extracting(BuildRequest::job).containsExactly("App");
        assertThat(pushes.decide(push("release/1.2", "Fix"), settings)).extracting(BuildRequest::job)
                .containsExactly("App", "Installer");
        assertThat(pushes.decide(push("release/1.2/hotfix", "Fix"), settings)).isEmpty();
        assertThat(pushes.decide(push("feature/x", "Fix"), settings)).isEmpty();
    }

    @Test
    void aRuleAndATagForTheSameJobAreOneBuildListingBoth() {
        EffectiveSettings settings = withRules(
                rule("main", List.of(BranchRule.PUSH), List.of("main"), List.of("App"), BranchRule.ALWAYS, false));

        List<BuildRequest> requests = pushes.decide(push("main", "Fix #jenkins:App"), settings);

        assertThat(requests).singleElement().satisfies(request -> assertThat(request.triggers())
                .extracting(Trigger::type).containsExactly(Trigger.RULE, Trigger.TAG));
    }

    @Test
    void taggedRulesDecideWhatCiBuildsWhereTheyMatch() {
        EffectiveSettings settings = withRules(rule("release-ci", List.of(BranchRule.PUSH), List.of("release/**"),
                List.of("Build", "Verify"), BranchRule.TAGGED, false));

        assertThat(pushes.decide(push("release/2", "Fix"), settings)).isEmpty();
        assertThat(pushes.decide(push("release/2", "Fix #ci"), settings)).extracting(BuildRequest::job)
                .containsExactly("Build", "Verify");
        assertThat(pushes.decide(push("feature/y", "Fix #ci"), settings)).extracting(BuildRequest::job)
                .containsExactly((String) null);
    }

    @Test
    void aPushAndAPullRequestOfTheSameCommitAreOneBuild() {
        EffectiveSettings settings = withRules(
                rule("features", List.of(BranchRule.PUSH, BranchRule.PR_OPENED), List.of("feature/**"),
                        List.of("App"), BranchRule.ALWAYS, false));
        RefChangeEvent push = push("feature/x", "Fix");

        BuildRequest fromPush = pushes.decide(push, settings).get(0);
        BuildRequest fromPr = pullRequests.decide(
                pullRequest("opened", "feature/x", "main", push.newHash(), "Fix", null), settings).get(0);

        assertThat(fromPr.requestId()).isEqualTo(fromPush.requestId());
        assertThat(fromPr.statusKey()).isEqualTo(fromPush.statusKey());
        assertThat(fromPr.pullRequest().id()).isEqualTo(42);
        assertThat(fromPr.reason()).isEqualTo(BuildRequest.PULL_REQUEST);
    }

    @Test
    void aRuleCanBuildPullRequestsSeparatelyUnderTheirOwnStatusKey() {
        EffectiveSettings settings = withRules(
                rule("main", List.of(BranchRule.PUSH), List.of("**"), List.of("App"), BranchRule.ALWAYS, false),
                rule("prs", List.of(BranchRule.PR_OPENED, BranchRule.PR_UPDATED), List.of("**"), List.of("App"),
                        BranchRule.ALWAYS, true));
        RefChangeEvent push = push("feature/x", "Fix");

        BuildRequest fromPush = pushes.decide(push, settings).get(0);
        BuildRequest fromPr = pullRequests.decide(
                pullRequest("updated", "feature/x", "main", push.newHash(), "Fix", null), settings).get(0);

        assertThat(fromPr.requestId()).isNotEqualTo(fromPush.requestId());
        assertThat(fromPr.statusKey()).isEqualTo("App-pr42");
        assertThat(fromPush.statusKey()).isEqualTo("App");
    }

    @Test
    void pullRequestRulesMatchTheSourceAndOptionallyTheTarget() {
        BranchRule intoMain = new BranchRule("into-main", List.of(BranchRule.PR_OPENED), List.of("feature/**"),
                List.of("main"), List.of("App"), BranchRule.ALWAYS, false);
        EffectiveSettings settings = withRules(intoMain);

        assertThat(pullRequests.decide(pullRequest("opened", "feature/x", "main", hash(5), "T", null), settings))
                .hasSize(1);
        assertThat(pullRequests.decide(pullRequest("opened", "feature/x", "develop", hash(5), "T", null), settings))
                .isEmpty();
        assertThat(pullRequests.decide(pullRequest("opened", "bugfix/x", "main", hash(5), "T", null), settings))
                .isEmpty();
        assertThat(pullRequests.decide(pullRequest("updated", "feature/x", "main", hash(5), "T", null), settings))
                .isEmpty();
    }

    @Test
    void tagsInAPullRequestsTitleOrDescriptionBuildItsHead() {
        List<BuildRequest> requests = pullRequests.decide(
                pullRequest("opened", "feature/GAME-7-x", "main", hash(9), "GAME-7 Particles #ci", "Also #jenkins:Docs"),
                none());

        assertThat(requests).extracting(BuildRequest::job, BuildRequest::commit)
                .containsExactly(tuple(null, hash(9)), tuple("Docs", hash(9)));
        assertThat(requests.get(0).taskKeys()).containsExactly("GAME-7");
    }

    @Test
    void aPullRequestSayingSkipBuildsNothing() {
        EffectiveSettings settings = withRules(rule("prs", List.of(BranchRule.PR_OPENED), List.of("**"),
                List.of("App"), BranchRule.ALWAYS, false));

        assertThat(pullRequests.decide(pullRequest("opened", "f", "main", hash(9), "WIP [skip ci]", null), settings))
                .isEmpty();
    }

    @Test
    void aForkIsNotBuiltWhateverItsTitleSays() {
        EffectiveSettings settings = withRules(rule("prs", List.of(BranchRule.PR_OPENED), List.of("**"),
                List.of("App"), BranchRule.ALWAYS, false));

        PullRequestEvent fromFork = pullRequest("opened", "main", "main", hash(9), "Harmless #ci", null, FORK);

        assertThat(pullRequests.decide(fromFork, settings)).isEmpty();
    }

    @Test
    void otherPullRequestTransitionsBuildNothing() {
        EffectiveSettings settings = withRules(rule("prs", List.of(BranchRule.PR_OPENED, BranchRule.PR_UPDATED),
                List.of("**"), List.of("App"), BranchRule.ALWAYS, false));

        for (String action : List.of("approved", "merged", "declined", "comment_created")) {
            assertThat(pullRequests.decide(pullRequest(action, "f", "main", hash(9), "#ci", null), settings))
                    .as(action).isEmpty();
        }
    }

    @Test
    void aTagBuildsItsRulesAsABuildOfItsOwn() {
        EffectiveSettings settings = withRules(rule("releases", List.of(BranchRule.TAG_CREATED), List.of("v*"),
                List.of("Release"), BranchRule.ALWAYS, false));

        List<BuildRequest> requests = pushes.decide(Events.tagCreated("v1.2.0", "Release 1.2.0"), settings);

        assertThat(requests).singleElement().satisfies(request -> {
            assertThat(request.tag()).isEqualTo("v1.2.0");
            assertThat(request.branch()).isNull();
            assertThat(request.reason()).isEqualTo(BuildRequest.TAG);
            assertThat(request.requestId()).isEqualTo(BuildRequestIds.of("acme", "acme/game", hash(7), "Release",
                    BuildRequestIds.tag("v1.2.0")));
        });
        assertThat(pushes.decide(Events.tagCreated("nightly", null), settings)).isEmpty();
        assertThat(pushes.decide(Events.tagCreated("nightly", "Nightly #jenkins:Nightly"), settings))
                .extracting(BuildRequest::job).containsExactly("Nightly");
    }

    @Test
    void aDeletedBranchBuildsNothing() {
        assertThat(pushes.decide(Events.deleted("main"), withRules(rule("all", List.of(BranchRule.PUSH),
                List.of("**"), List.of(), BranchRule.ALWAYS, false)))).isEmpty();
    }

    @Test
    void theSameEventDecidedTwiceGivesTheSameRequests() {
        RefChangeEvent push = push("main", "GAME-1 #ci #jenkins:A");

        assertThat(pushes.decide(push, none())).isEqualTo(pushes.decide(push, none()));
    }

    @Test
    void aProjectListKeepsUtf8OutOfTheTaskKeys() {
        EffectiveSettings settings = new EffectiveSettings(Set.of("GAME"), null, null, List.of());

        assertThat(pushes.decide(push("main", "GAME-1 UTF-8 files #ci"), settings).get(0).taskKeys())
                .containsExactly("GAME-1");
    }

    private static EffectiveSettings none() {
        return EffectiveSettings.NONE;
    }

    private static EffectiveSettings settings(String defaultJob) {
        return EffectiveSettings.of(null, new AnalysisSettings("acme", "acme/game", null, null, defaultJob, null,
                null, null));
    }

    private static EffectiveSettings withRules(BranchRule... rules) {
        return EffectiveSettings.of(null, new AnalysisSettings("acme", "acme/game", null, null, null,
                List.of(rules), null, null));
    }

    private static BranchRule rule(String id, List<String> events, List<String> branches, List<String> jobs,
            String trigger, boolean separate) {
        return new BranchRule(id, events, branches, List.of(), jobs, trigger, separate);
    }
}

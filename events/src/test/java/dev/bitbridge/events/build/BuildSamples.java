package dev.bitbridge.events.build;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import dev.bitbridge.events.Sample;
import dev.bitbridge.events.build.BuildRequest.Trigger;
import dev.bitbridge.events.scm.Origin;

import static dev.bitbridge.events.scm.ScmSamples.BARE_REPO;
import static dev.bitbridge.events.scm.ScmSamples.CLOUD_JANE;
import static dev.bitbridge.events.scm.ScmSamples.CLOUD_NAME_ONLY;
import static dev.bitbridge.events.scm.ScmSamples.CLOUD_PUSH;
import static dev.bitbridge.events.scm.ScmSamples.CLOUD_REPO;
import static dev.bitbridge.events.scm.ScmSamples.CLOUD_UUID_ONLY;
import static dev.bitbridge.events.scm.ScmSamples.DC_JANE;
import static dev.bitbridge.events.scm.ScmSamples.DC_PUSH;
import static dev.bitbridge.events.scm.ScmSamples.DC_REPO;
import static dev.bitbridge.events.scm.ScmSamples.H1;
import static dev.bitbridge.events.scm.ScmSamples.H2;
import static dev.bitbridge.events.scm.ScmSamples.H3;
import static dev.bitbridge.events.scm.ScmSamples.H4;
import static dev.bitbridge.events.scm.ScmSamples.H5;

/**
 * Build requests as commit-analyzer (and a person, and a schedule) write them, and the states build-trigger writes for
 * them: ids from {@link BuildRequestIds}, status keys from {@link StatusKeys}, every {@link BuildState}. Together they
 * write every documented property and leave out every optional one at least once.
 */
public final class BuildSamples {

    public static final String JENKINS = "https://jenkins.acme.example";
    static final String CLIENT = "Games/Client";
    static final String PR_URL = "https://bitbucket.org/acme-games/particle-engine/pull-requests/17";
    static final Origin CLOUD_PR_UPDATED = new Origin("0a1b2c3d-4e5f-4a6b-8c7d-8e9f0a1b2c3d", "pullrequest:updated",
            OffsetDateTime.parse("2026-11-22T10:40:00.250+09:00"));
    static final Origin DC_PR_OPENED = new Origin("f0e1d2c3-b4a5-4968-8778-695a4b3c2d1e", "pr:opened",
            OffsetDateTime.parse("2026-11-22T10:20:00-05:00"));

    /** A pull request whose rule builds it separately from pushes, on Cloud. */
    static final PullRequestRef CLOUD_PR = new PullRequestRef(17, "feature/GAME-12-particles", "main", PR_URL);
    /** A Data Center pull request built as its commit's push is: same request id, same status key. */
    static final PullRequestRef DC_PR = new PullRequestRef(8, "feature/GAME-7", "main", null);

    static final String SEPARATE_PR_ID = BuildRequestIds.of("acme-cloud", CLOUD_REPO.fullName(), H2, CLIENT,
            BuildRequestIds.pullRequest(17));
    static final String DC_COMMIT_ID = BuildRequestIds.of("acme-dc", DC_REPO.fullName(), H3, null,
            BuildRequestIds.COMMIT);
    /** A person's request: a random UUID, new each time. */
    static final String MANUAL_ID = "3b0f6c2e-8d4a-4f1b-9c7e-2a5d8e1f4b6c";
    static final String SCHEDULE_ID = BuildRequestIds.of("acme-cloud", CLOUD_REPO.fullName(), H1, null,
            BuildRequestIds.schedule("nightly", "2026-11-22T02:00Z"));
    static final String TAG_JOB = "Spiele/Veröffentlichung";
    static final String TAG_ID = BuildRequestIds.of("acme-cloud", CLOUD_REPO.fullName(), H4, TAG_JOB,
            BuildRequestIds.tag("v1.2.0-größer"));
    static final String PUSH_ID = BuildRequestIds.of("acme-cloud", BARE_REPO.fullName(), H5, null,
            BuildRequestIds.COMMIT);

    private BuildSamples() {
    }

    public static List<Sample> requests() {
        return List.of(
                new Sample("a Cloud pull request built separately, asked for by a trigger tag and a rule",
                        new BuildRequest(SEPARATE_PR_ID, "acme-cloud", "cloud", CLOUD_REPO, H2,
                                "feature/GAME-12-particles", null, CLIENT, BuildRequest.PULL_REQUEST,
                                List.of(new Trigger(Trigger.TAG, "#jenkins:Games/Client", H3),
                                        new Trigger(Trigger.RULE, "pr-builds", null)),
                                List.of(H2, H3), List.of("GAME-12", "GAME-13"), CLOUD_PR,
                                StatusKeys.of(CLIENT, 17L), CLOUD_JANE, Map.of(),
                                OffsetDateTime.parse("2026-11-22T10:40:01.5+09:00"), CLOUD_PR_UPDATED,
                                BuildRequestIds.pullRequest(17))),
                new Sample("a Data Center pull request built as its commit's push (default job, no url)",
                        new BuildRequest(DC_COMMIT_ID, "acme-dc", "datacenter", DC_REPO, H3, "feature/GAME-7", null,
                                null, BuildRequest.PULL_REQUEST, List.of(new Trigger(Trigger.RULE, "all-prs", null)),
                                List.of(H3), List.of("GAME-7"), DC_PR, StatusKeys.of(null, null), CLOUD_UUID_ONLY,
                                Map.of(), OffsetDateTime.parse("2026-11-22T10:20:02-05:00"), DC_PR_OPENED,
                                BuildRequestIds.COMMIT)),
                new Sample("a manual build with parameters and no origin",
                        new BuildRequest(MANUAL_ID, "acme-dc", "datacenter", DC_REPO, H1, "release/2.0", null,
                                "Games/Server", BuildRequest.MANUAL, List.of(new Trigger(Trigger.MANUAL, "jdoe", null)),
                                List.of(H1), List.of(), null, StatusKeys.of("Games/Server", null), DC_JANE,
                                Map.of("DEPLOY_TO", "staging", "NOTE", "für QA ✓"),
                                OffsetDateTime.parse("2026-11-22T11:00:00-05:00"), null, BuildRequest.MANUAL)),
                new Sample("a scheduled build with no requestedBy",
                        new BuildRequest(SCHEDULE_ID, "acme-cloud", "cloud", CLOUD_REPO, H1, "main", null, null,
                                BuildRequest.SCHEDULE, List.of(new Trigger(Trigger.SCHEDULE, "nightly", null)),
                                List.of(H1), List.of(), null, StatusKeys.of(null, null), null, Map.of(),
                                OffsetDateTime.parse("2026-11-22T02:00:00Z"), null,
                                BuildRequestIds.schedule("nightly", "2026-11-22T02:00Z"))),
                new Sample("a tag build with non-ASCII tag and job, asked for by the annotated tag's trigger tag",
                        new BuildRequest(TAG_ID, "acme-cloud", "cloud", CLOUD_REPO, H4, null, "v1.2.0-größer",
                                TAG_JOB, BuildRequest.TAG, List.of(new Trigger(Trigger.TAG,
                                        "#jenkins:Spiele/Veröffentlichung", null)),
                                List.of(H4), List.of("GAME-12"), null, StatusKeys.of(TAG_JOB, null), CLOUD_NAME_ONLY,
                                Map.of(), OffsetDateTime.parse("2026-11-22T10:15:31+09:00"), CLOUD_PUSH,
                                BuildRequestIds.tag("v1.2.0-größer"))),
                new Sample("a push built with the default job, tagged commits coalesced, pusher not named",
                        new BuildRequest(PUSH_ID, "acme-cloud", "cloud", BARE_REPO, H5, "main", null, null,
                                BuildRequest.PUSH,
                                List.of(new Trigger(Trigger.TAG, "#ci", H5), new Trigger(Trigger.TAG, "#build", H2)),
                                List.of(H5, H2), List.of(), null, StatusKeys.of(null, null), null, Map.of(),
                                OffsetDateTime.parse("2026-11-22T10:15:30.9+09:00"), CLOUD_PUSH, BuildRequestIds.COMMIT)),
                new Sample("a Data Center push, minimal: default job, one rule, one commit, pusher not named",
                        new BuildRequest(BuildRequestIds.of("acme-dc", DC_REPO.fullName(), H2, null,
                                BuildRequestIds.COMMIT), "acme-dc", "datacenter", DC_REPO, H2, "main", null, null,
                                BuildRequest.PUSH, List.of(new Trigger(Trigger.RULE, "main-builds", null)),
                                List.of(H2), null, null, StatusKeys.of(null, null), null, null,
                                OffsetDateTime.parse("2026-11-22T10:15:32-05:00"), DC_PUSH, BuildRequestIds.COMMIT)));
    }

    public static List<Sample> builds() {
        String clientKey = StatusKeys.of(CLIENT, 17L);
        String clientJob = JENKINS + "/job/Games/job/Client/";
        List<String> keys = List.of("GAME-12", "GAME-13");
        return List.of(
                new Sample("SUCCESSFUL, every field set",
                        new BuildEvent(SEPARATE_PR_ID, 3, "acme-cloud", "cloud", CLOUD_REPO, H2,
                                "feature/GAME-12-particles", null, CLOUD_PR, CLIENT, clientKey, BuildState.SUCCESSFUL,
                                "Jenkins: SUCCESS", "SUCCESS", JENKINS, JENKINS + "/queue/item/812/",
                                clientJob + "42/", 42, 93_250L, BuildRequest.PULL_REQUEST, CLOUD_JANE, keys,
                                OffsetDateTime.parse("2026-11-22T10:43:05.125+09:00"),
                                OffsetDateTime.parse("2026-11-22T10:40:01.5+09:00"), clientJob)),
                new Sample("QUEUED: dispatched, waiting in Jenkins' queue",
                        new BuildEvent(SEPARATE_PR_ID, 1, "acme-cloud", "cloud", CLOUD_REPO, H2,
                                "feature/GAME-12-particles", null, CLOUD_PR, CLIENT, clientKey, BuildState.QUEUED,
                                null, null, JENKINS, JENKINS + "/queue/item/812/", null, null, null,
                                BuildRequest.PULL_REQUEST, CLOUD_JANE, keys,
                                OffsetDateTime.parse("2026-11-22T10:40:02+09:00"))),
                new Sample("INPROGRESS: running, with its number",
                        new BuildEvent(SEPARATE_PR_ID, 2, "acme-cloud", "cloud", CLOUD_REPO, H2,
                                "feature/GAME-12-particles", null, CLOUD_PR, CLIENT, clientKey, BuildState.INPROGRESS,
                                null, null, JENKINS, JENKINS + "/queue/item/812/", clientJob + "42/", 42, null,
                                BuildRequest.PULL_REQUEST, CLOUD_JANE, keys,
                                OffsetDateTime.parse("2026-11-22T10:41:32+09:00"))),
                new Sample("FAILED: Jenkins refused the dispatch, no queue item, no build number",
                        new BuildEvent(DC_COMMIT_ID, 1, "acme-dc", "datacenter", DC_REPO, H3, "feature/GAME-7", null,
                                DC_PR, "Games/Default", StatusKeys.of(null, null), BuildState.FAILED,
                                "Jenkins refused the build (HTTP 404 for job 'Games/Default'): check that the job "
                                        + "exists and that the Jenkins credential may build it",
                                null, JENKINS, null, null, null, null, BuildRequest.PULL_REQUEST, CLOUD_UUID_ONLY,
                                List.of("GAME-7"), OffsetDateTime.parse("2026-11-22T10:20:03-05:00"))),
                new Sample("FAILED: finished UNSTABLE",
                        new BuildEvent(MANUAL_ID, 3, "acme-dc", "datacenter", DC_REPO, H1, "release/2.0", null, null,
                                "Games/Server", StatusKeys.of("Games/Server", null), BuildState.FAILED,
                                "Jenkins: UNSTABLE (test failures)", "UNSTABLE", JENKINS,
                                JENKINS + "/queue/item/815/", JENKINS + "/job/Games/job/Server/7/", 7, 610_000L,
                                BuildRequest.MANUAL, DC_JANE, List.of(),
                                OffsetDateTime.parse("2026-11-22T11:12:00-05:00"))),
                new Sample("STOPPED: the queue item was cancelled, no result",
                        new BuildEvent(SCHEDULE_ID, 2, "acme-cloud", "cloud", CLOUD_REPO, H1, "main", null, null,
                                "Build/Nightly", StatusKeys.of(null, null), BuildState.STOPPED,
                                "cancelled in Jenkins' queue by jdoe", null, JENKINS, JENKINS + "/queue/item/820/",
                                null, null, null, BuildRequest.SCHEDULE, null, List.of(),
                                OffsetDateTime.parse("2026-11-22T02:05:00Z"))),
                new Sample("STOPPED: a tag build ABORTED, non-ASCII job",
                        new BuildEvent(TAG_ID, 3, "acme-cloud", "cloud", CLOUD_REPO, H4, null, "v1.2.0-größer", null,
                                TAG_JOB, StatusKeys.of(TAG_JOB, null), BuildState.STOPPED, "Jenkins: ABORTED by Jörg",
                                "ABORTED", JENKINS, JENKINS + "/queue/item/813/",
                                JENKINS + "/job/Spiele/job/Ver%C3%B6ffentlichung/5/", 5, 1_000L, BuildRequest.TAG,
                                CLOUD_NAME_ONLY, List.of("GAME-12"), OffsetDateTime.parse("2026-11-22T10:20:00+09:00"))),
                new Sample("STOPPED: NOT_BUILT, for a push whose pusher was not named",
                        new BuildEvent(PUSH_ID, 3, "acme-cloud", "cloud", BARE_REPO, H5, "main", null, null,
                                "Build/All", StatusKeys.of(null, null), BuildState.STOPPED, "Jenkins: NOT_BUILT",
                                "NOT_BUILT", JENKINS, JENKINS + "/queue/item/816/", JENKINS + "/job/Build/job/All/3/",
                                3, 0L, BuildRequest.PUSH, null, null, OffsetDateTime.parse("2026-11-22T10:16:00Z"))),
                new Sample("FAILED before a job was chosen: no Jenkins target for the repository",
                        new BuildEvent(PUSH_ID, 1, "acme-cloud", "cloud", BARE_REPO, H5, "main", null, null, null,
                                StatusKeys.of(null, null), BuildState.FAILED, "No Jenkins target is configured for"
                                        + " acme-cloud:acme-games/bare; add one",
                                null, null, null, null, null, null,
                                BuildRequest.PUSH, null, null, OffsetDateTime.parse("2026-11-22T10:16:00Z"))));
    }
}

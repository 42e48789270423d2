package dev.bitbridge.events.scm;

import java.time.OffsetDateTime;
import java.util.List;

import dev.bitbridge.events.Sample;
import dev.bitbridge.events.scm.FileChange.ChangeType;
import dev.bitbridge.events.scm.PullRequestEvent.Comment;
import dev.bitbridge.events.scm.PullRequestEvent.Endpoint;
import dev.bitbridge.events.scm.PullRequestEvent.Reviewer;

/**
 * Records as bitbucket-connector builds them from Cloud and Data Center payloads (its {@code payload} readers, the push
 * and pull-request enrichers): Cloud accounts without e-mail, Data Center ones without uuid, Cloud commits without
 * committer, Data Center commits without web page, and the sparse shapes the readers produce when a payload leaves
 * something out. Together they write every documented property and leave out every optional one at least once. The
 * shared shapes (repositories, accounts, origins) are reused by the samples of the topics built on these events.
 */
public final class ScmSamples {

    public static final String H1 = "9fceb02d0ae598e95dc970b74767f19372d61af8";
    public static final String H2 = "3c1e6a6b1f2d4e5f60718293a4b5c6d7e8f90a1b";
    public static final String H3 = "a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4";
    public static final String H4 = "0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c";
    public static final String H5 = "5d41402abc4b2a76b9719d911017c592ae5d4140";

    public static final Repository CLOUD_REPO = new Repository("acme-games/particle-engine", "Particle Engine",
            "{7f0c2f5e-3b7a-4c8e-9a47-0c3d1c2b9e11}", "https://bitbucket.org/acme-games/particle-engine");
    public static final Repository DC_REPO = new Repository("GAME/particle-engine", "particle-engine", "42",
            "https://bitbucket.acme.example/projects/GAME/repos/particle-engine/browse");
    public static final Repository DC_FORK = new Repository("~JDOE/particle-engine", "particle-engine", "57",
            "https://bitbucket.acme.example/users/jdoe/repos/particle-engine/browse");
    /** A payload that named the repository only. */
    public static final Repository BARE_REPO = new Repository("acme-games/sandbox", null, null, null);

    public static final Account CLOUD_JANE = new Account("712020:1b6f0a7c-1c1e-4d7b-9b8e-2f1a0c9d8e7f",
            "{d3c2b1a0-1111-4222-8333-944455556666}", "jdoe", "Jane Doe", null);
    public static final Account CLOUD_OMAR = new Account("5b10a2844c20165700ede21g", "{0a1b2c3d-4e5f-4061-8273-94a5b6c7d8e9}",
            "omar", "Omar Haddad", null);
    /** A Cloud user object with its uuid only: the id falls back to it. */
    public static final Account CLOUD_UUID_ONLY = new Account("{5e6f7081-92a3-4b4c-8d5e-6f708192a3b4}",
            "{5e6f7081-92a3-4b4c-8d5e-6f708192a3b4}", null, null, null);
    /** A Cloud user object with its display name only (no account id, uuid or nickname). */
    public static final Account CLOUD_NAME_ONLY = new Account(null, null, null, "Build Bot", null);
    public static final Account DC_JANE = new Account("101", null, "jdoe", "Jane Doe", "jane.doe@acme.example");
    public static final Account DC_OMAR = new Account("102", null, "ohaddad", "Omar Haddad", "omar.haddad@acme.example");

    public static final OffsetDateTime CLOUD_RECEIVED = OffsetDateTime.parse("2026-11-22T10:15:30.123+09:00");
    public static final OffsetDateTime DC_RECEIVED = OffsetDateTime.parse("2026-11-22T10:15:31-05:00");
    public static final Origin CLOUD_PUSH = new Origin("9c1f3a2e-5b7d-4e8f-a1b2-c3d4e5f60718", "repo:push", CLOUD_RECEIVED);
    public static final Origin DC_PUSH = new Origin("e5c37f1a-0b2d-4c6e-8f90-a1b2c3d4e5f6", "repo:refs_changed", DC_RECEIVED);

    private ScmSamples() {
    }

    public static List<Sample> refs() {
        return List.of(
                new Sample("a Cloud annotated tag moved by force, every field set",
                        new RefChangeEvent("acme-cloud", "cloud", CLOUD_REPO, "v1.2.0", RefChangeEvent.TAG,
                                RefChangeEvent.UPDATED, true, H1, H2, List.of(H2, H3), List.of(H4),
                                "Release 1.2.0\n\nParticles.", CLOUD_JANE, CLOUD_RECEIVED, CLOUD_PUSH,
                                List.of(new CommitMessage(H2, "GAME-12 Particles #ci", false),
                                        CommitMessage.of(H3,
                                                "GAME-13 Räder für 🚀\n\n" + "x".repeat(CommitMessage.MAX_LENGTH))))),
                new Sample("a Data Center branch created",
                        new RefChangeEvent("acme-dc", "datacenter", DC_REPO, "feature/GAME-12-particles",
                                RefChangeEvent.BRANCH, RefChangeEvent.CREATED, false, null, H5, List.of(H5),
                                List.of(H2), null, DC_JANE, DC_RECEIVED, DC_PUSH,
                                List.of(new CommitMessage(H5, "GAME-12 Emitter", false)))),
                new Sample("a Cloud lightweight tag created by a user known by display name only",
                        new RefChangeEvent("acme-cloud", "cloud", CLOUD_REPO, "nightly-2026-11-22", RefChangeEvent.TAG,
                                RefChangeEvent.CREATED, false, null, H3, List.of(), List.of(H3), null, CLOUD_NAME_ONLY,
                                CLOUD_RECEIVED, CLOUD_PUSH, List.of())),
                new Sample("a Cloud branch fast-forwarded by a user known by uuid only",
                        new RefChangeEvent("acme-cloud", "cloud", CLOUD_REPO, "main", RefChangeEvent.BRANCH,
                                RefChangeEvent.UPDATED, false, H1, H2, List.of(H2), List.of(), null, CLOUD_UUID_ONLY,
                                CLOUD_RECEIVED, CLOUD_PUSH, null)),
                new Sample("a Cloud branch deleted, nothing optional known",
                        new RefChangeEvent("acme-cloud", "cloud", BARE_REPO, "old-feature", RefChangeEvent.BRANCH,
                                RefChangeEvent.DELETED, false, H4, null, List.of(), List.of(), null, null,
                                CLOUD_RECEIVED, CLOUD_PUSH, null)));
    }

    public static List<Sample> commits() {
        Person jane = new Person("Jane Doe <jane@acme.example>", "Jane Doe", "jane@acme.example", CLOUD_JANE);
        Person ciBot = new Person("<ci@acme.example>", null, "ci@acme.example", CLOUD_NAME_ONLY);
        return List.of(
                new Sample("a Cloud commit (no committer, no committer date)",
                        new CommitEvent("acme-cloud", "cloud", CLOUD_REPO, H2, "GAME-12 Add the particle emitter",
                                jane, null, OffsetDateTime.parse("2026-11-22T09:59:00+04:00"), null, List.of(H1),
                                List.of("feature/GAME-12-particles"),
                                List.of(new FileChange("src/main/java/game/Emitter.java", ChangeType.ADDED, null),
                                        new FileChange("docs/emitters.md", ChangeType.COPIED, "docs/particles.md")),
                                false, "https://bitbucket.org/acme-games/particle-engine/commits/" + H2, CLOUD_PUSH)),
                new Sample("a Data Center commit (no raw person, no web page)",
                        new CommitEvent("acme-dc", "datacenter", DC_REPO, H3, "GAME-7 Faster collisions",
                                new Person(null, "Jane Doe", "jane.doe@acme.example", DC_JANE),
                                new Person(null, "omar", "omar@laptop.local", null),
                                OffsetDateTime.parse("2026-11-21T18:02:11+01:00"),
                                OffsetDateTime.parse("2026-11-22T09:40:00.250-05:00"), List.of(H1, H4), List.of("main"),
                                List.of(new FileChange("src/Grid.java", ChangeType.RENAMED, "src/Cells.java"),
                                        new FileChange("docs/old-design.md", ChangeType.REMOVED, null),
                                        new FileChange("README.md", ChangeType.MODIFIED, null)),
                                false, null, DC_PUSH)),
                new Sample("a Cloud root commit, files pending, nothing optional known",
                        new CommitEvent("acme-cloud", "cloud", BARE_REPO, H5, null, null, null, null, null, List.of(),
                                List.of(), List.of(), true, null, CLOUD_PUSH)),
                new Sample("the files of a deferred Cloud commit (raw without an e-mail, raw without a name, sparse "
                        + "accounts)",
                        new CommitEvent("acme-cloud", "cloud", BARE_REPO, H5, "Initial commit",
                                new Person("jane", "jane", null, CLOUD_UUID_ONLY), ciBot,
                                OffsetDateTime.parse("2026-11-22T10:00:00+09:00"), null, List.of(), List.of(),
                                List.of(new FileChange("README.md", ChangeType.ADDED, null)), false, null,
                                CLOUD_PUSH)));
    }

    public static List<Sample> pullRequests() {
        Endpoint cloudSource = new Endpoint("feature/GAME-12-particles", H2, CLOUD_REPO);
        Endpoint cloudDestination = new Endpoint("main", "9fceb02d0ae5", CLOUD_REPO);
        Endpoint dcSource = new Endpoint("feature/GAME-7", H3, DC_FORK);
        Endpoint dcDestination = new Endpoint("main", H1, DC_REPO);
        String cloudUrl = "https://bitbucket.org/acme-games/particle-engine/pull-requests/17";
        String dcUrl = "https://bitbucket.acme.example/projects/GAME/repos/particle-engine/pull-requests/8";
        return List.of(
                new Sample("a Cloud pull request opened, with commits and files",
                        new PullRequestEvent("acme-cloud", "cloud", CLOUD_REPO, "opened", 17, "GAME-12 Particles",
                                "Adds the emitter.\n\n- [x] tests", "OPEN", CLOUD_JANE, cloudSource, cloudDestination,
                                null,
                                List.of(new Reviewer(CLOUD_OMAR, "REVIEWER", "none"),
                                        new Reviewer(CLOUD_UUID_ONLY, "PARTICIPANT", "approved")),
                                CLOUD_JANE, null, null, List.of(H2, H3),
                                List.of(new FileChange("src/main/java/game/Emitter.java", ChangeType.ADDED, null),
                                        new FileChange("src/main/java/game/Particles.java", ChangeType.RENAMED,
                                                "src/main/java/game/Particle.java")),
                                false, cloudUrl, OffsetDateTime.parse("2026-11-22T10:15:29.500+01:00"),
                                new Origin("1d2e3f40-5162-4738-8495-a6b7c8d9e0f1", "pullrequest:created",
                                        CLOUD_RECEIVED))),
                new Sample("a Data Center fork pull request updated",
                        new PullRequestEvent("acme-dc", "datacenter", DC_REPO, "updated", 8,
                                "GAME-7 Faster collisions", "Uses a grid.", "OPEN", DC_JANE, dcSource, dcDestination,
                                H2, List.of(new Reviewer(DC_OMAR, "REVIEWER", "changes_requested")), DC_JANE, null,
                                null, List.of(H3, H2), List.of(new FileChange("src/Grid.java", ChangeType.MODIFIED,
                                        null)),
                                false, dcUrl, OffsetDateTime.parse("2026-11-22T10:20:00+01:00"),
                                new Origin("f0e1d2c3-b4a5-4968-8778-695a4b3c2d1e", "pr:from_ref_updated",
                                        DC_RECEIVED))),
                new Sample("a Cloud pull request updated while the budget ran low: files pending",
                        new PullRequestEvent("acme-cloud", "cloud", CLOUD_REPO, "updated", 17, "GAME-12 Particles",
                                null, "OPEN", CLOUD_JANE, cloudSource, cloudDestination, null, List.of(), CLOUD_JANE,
                                null, null, List.of(H4, H2, H3), List.of(), true, cloudUrl,
                                OffsetDateTime.parse("2026-11-22T10:40:00Z"),
                                new Origin("0a1b2c3d-4e5f-4a6b-8c7d-8e9f0a1b2c3d", "pullrequest:updated",
                                        CLOUD_RECEIVED))),
                new Sample("a Cloud pull request merged",
                        new PullRequestEvent("acme-cloud", "cloud", CLOUD_REPO, "merged", 17, "GAME-12 Particles",
                                null, "MERGED", CLOUD_JANE, new Endpoint("feature/GAME-12-particles", "3c1e6a6b1f2d",
                                        CLOUD_REPO),
                                cloudDestination, null, List.of(new Reviewer(CLOUD_OMAR, "REVIEWER", "approved")),
                                CLOUD_OMAR, "1a2b3c4d5e6f", null, null, null, false, cloudUrl,
                                OffsetDateTime.parse("2026-11-22T11:00:00-03:00"),
                                new Origin("2e3f4051-6273-4849-95a6-b7c8d9e0f112", "pullrequest:fulfilled",
                                        CLOUD_RECEIVED))),
                new Sample("a Data Center comment",
                        new PullRequestEvent("acme-dc", "datacenter", DC_REPO, "comment_created", 8,
                                "GAME-7 Faster collisions", "Uses a grid.", "OPEN", DC_JANE, dcSource, dcDestination,
                                null, List.of(), DC_OMAR, null, new Comment(3002, "Looks good, but see `Grid#cell`."),
                                null, null, false, dcUrl, OffsetDateTime.parse("2026-11-22T12:00:00+01:00"),
                                new Origin("3f405162-7384-495a-a6b7-c8d9e0f11223", "pr:comment:added", DC_RECEIVED))),
                new Sample("a Cloud comment without its text",
                        new PullRequestEvent("acme-cloud", "cloud", CLOUD_REPO, "comment_created", 17,
                                "GAME-12 Particles", null, "OPEN", CLOUD_JANE, cloudSource, cloudDestination, null,
                                List.of(), CLOUD_NAME_ONLY, null, new Comment(501, null), null, null, false, cloudUrl,
                                OffsetDateTime.parse("2026-11-22T12:30:00Z"),
                                new Origin("4a5b6c7d-8e9f-4a0b-9c1d-2e3f4a5b6c7d", "pullrequest:comment_created",
                                        CLOUD_RECEIVED))),
                new Sample("a pull request declined, nothing optional known",
                        new PullRequestEvent("acme-cloud", "cloud", BARE_REPO, "declined", 3, null, null, null, null,
                                new Endpoint("spike/renderer", null, BARE_REPO), new Endpoint("main", null, BARE_REPO),
                                null, List.of(), null, null, null, null, null, false, null,
                                OffsetDateTime.parse("2026-11-22T13:00:00Z"),
                                new Origin("40516273-8495-4a6b-b7c8-d9e0f1122334", "pullrequest:rejected",
                                        CLOUD_RECEIVED))));
    }
}

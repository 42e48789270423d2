package dev.bitbridge.events.analysis;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import dev.bitbridge.events.Sample;
import dev.bitbridge.events.scm.Origin;
import dev.bitbridge.events.scm.Person;

import static dev.bitbridge.events.scm.ScmSamples.BARE_REPO;
import static dev.bitbridge.events.scm.ScmSamples.CLOUD_JANE;
import static dev.bitbridge.events.scm.ScmSamples.CLOUD_NAME_ONLY;
import static dev.bitbridge.events.scm.ScmSamples.CLOUD_PUSH;
import static dev.bitbridge.events.scm.ScmSamples.CLOUD_REPO;
import static dev.bitbridge.events.scm.ScmSamples.CLOUD_UUID_ONLY;
import static dev.bitbridge.events.scm.ScmSamples.DC_JANE;
import static dev.bitbridge.events.scm.ScmSamples.DC_PUSH;
import static dev.bitbridge.events.scm.ScmSamples.DC_REPO;
import static dev.bitbridge.events.scm.ScmSamples.H2;
import static dev.bitbridge.events.scm.ScmSamples.H3;
import static dev.bitbridge.events.scm.ScmSamples.H5;

/**
 * Task links as commit-analyzer writes them, from every place a key can be found, and analysis settings at both
 * levels. Together they write every documented property and leave out every optional one at least once.
 */
public final class AnalysisSamples {

    static final String LINK = "https://acme.atlassian.net/browse/";
    static final Origin CLOUD_PR_CREATED = new Origin("1d2e3f40-5162-4738-8495-a6b7c8d9e0f1", "pullrequest:created",
            OffsetDateTime.parse("2026-11-22T10:15:29.5+01:00"));
    static final Origin CLOUD_PR_REJECTED = new Origin("40516273-8495-4a6b-b7c8-d9e0f1122334", "pullrequest:rejected",
            OffsetDateTime.parse("2026-11-22T13:00:00Z"));
    /** A commit message with letters outside ASCII and a character outside the BMP before the key. */
    static final String UMLAUT_MESSAGE = "Räder für 🚀\nGAME-13 schneller";

    private AnalysisSamples() {
    }

    public static List<Sample> taskLinks() {
        return List.of(
                new Sample("a key in a Cloud pull request's description, every field set",
                        new TaskLinkEvent("GAME-12", "GAME", LINK + "GAME-12", "acme-cloud", "cloud", CLOUD_REPO, H2,
                                17L, "feature/GAME-12-particles", TaskLinkEvent.PULL_REQUEST_DESCRIPTION, 10, 3,
                                new Person(null, null, null, CLOUD_JANE),
                                OffsetDateTime.parse("2026-11-22T10:15:29.5+01:00"), CLOUD_PR_CREATED)),
                new Sample("a key in a Data Center commit message",
                        new TaskLinkEvent("OPS-7", "OPS", LINK + "OPS-7", "acme-dc", "datacenter", DC_REPO, H3, null,
                                null, TaskLinkEvent.COMMIT_MESSAGE, 0, 1,
                                new Person(null, "Jane Doe", "jane.doe@acme.example", DC_JANE),
                                OffsetDateTime.parse("2026-11-21T18:02:11+01:00"), DC_PUSH)),
                new Sample("a key after non-ASCII text on a commit message's second line, no link template",
                        new TaskLinkEvent("GAME-13", "GAME", null, "acme-cloud", "cloud", CLOUD_REPO, H5, null, null,
                                TaskLinkEvent.COMMIT_MESSAGE, UMLAUT_MESSAGE.codePointCount(0,
                                        UMLAUT_MESSAGE.indexOf("GAME-13")),
                                2, new Person("Jörg Müller <jörg@acme.example>", "Jörg Müller", "jörg@acme.example",
                                        null),
                                OffsetDateTime.parse("2026-11-22T09:59:00+04:00"), CLOUD_PUSH)),
                new Sample("a key in the name of a branch a push created",
                        new TaskLinkEvent("GAME-12", "GAME", LINK + "GAME-12", "acme-cloud", "cloud", CLOUD_REPO, H5,
                                null, "feature/GAME-12-particles", TaskLinkEvent.BRANCH_NAME, 8, 1,
                                new Person(null, null, null, CLOUD_UUID_ONLY), CLOUD_PUSH.receivedAt(), CLOUD_PUSH)),
                new Sample("a key in a pull request's title, its author known by display name only",
                        new TaskLinkEvent("OPS-7", "OPS", LINK + "OPS-7", "acme-cloud", "cloud", CLOUD_REPO, H3, 17L,
                                "feature/GAME-12-particles", TaskLinkEvent.PULL_REQUEST_TITLE, 11, 1,
                                new Person(null, null, null, CLOUD_NAME_ONLY), CLOUD_PR_CREATED.receivedAt(),
                                CLOUD_PR_CREATED)),
                new Sample("a key in the title of a pull request whose head was not given, nothing optional known",
                        new TaskLinkEvent("GAME-1", "GAME", null, "acme-cloud", "cloud", BARE_REPO, null, 3L,
                                "spike/renderer", TaskLinkEvent.PULL_REQUEST_TITLE, 0, 1, null,
                                CLOUD_PR_REJECTED.receivedAt(), CLOUD_PR_REJECTED)));
    }

    public static List<Sample> settings() {
        return List.of(
                new Sample("a repository's settings with rules",
                        new AnalysisSettings("acme-cloud", CLOUD_REPO.fullName(), List.of("GAME", "OPS"),
                                LINK + "{key}", "Games/Client",
                                List.of(new BranchRule("main-builds", List.of(BranchRule.PUSH),
                                        List.of("main", "release/*"), List.of(), List.of("Games/Client", "Games/Server"),
                                        BranchRule.ALWAYS, false),
                                        new BranchRule("pr-builds", List.of(BranchRule.PR_OPENED, BranchRule.PR_UPDATED),
                                                List.of("**"), List.of("main", "release/**"), List.of(),
                                                BranchRule.TAGGED, true),
                                        new BranchRule("releases", List.of(BranchRule.TAG_CREATED), List.of("v?.*"),
                                                List.of(), List.of("Games/Release"), BranchRule.ALWAYS, false)),
                                Instant.parse("2026-11-22T09:00:00Z"), "jdoe")),
                new Sample("an integration's own settings",
                        new AnalysisSettings("acme-cloud", null, List.of("GAME"), LINK + "{key}", "Build/All", null,
                                Instant.parse("2026-11-20T08:30:00.250Z"), "platform-admin")),
                new Sample("a repository that inherits all but its rules, non-ASCII globs",
                        new AnalysisSettings("acme-dc", DC_REPO.fullName(), null, null, null,
                                List.of(new BranchRule("größen", List.of(BranchRule.PUSH, BranchRule.PR_OPENED),
                                        List.of("feature/größe-*"), List.of(), List.of(), BranchRule.ALWAYS, false)),
                                Instant.parse("2026-11-22T10:00:00Z"), "Jörg Müller")),
                new Sample("an integration that sets no project list, link template or default job",
                        new AnalysisSettings("acme-dc", null, null, null, null, List.of(),
                                Instant.parse("2026-11-22T10:05:00Z"), "jdoe")));
    }
}

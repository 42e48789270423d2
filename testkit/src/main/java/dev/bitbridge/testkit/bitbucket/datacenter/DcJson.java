package dev.bitbridge.testkit.bitbucket.datacenter;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.bitbridge.testkit.bitbucket.Account;
import dev.bitbridge.testkit.bitbucket.DcTimestamps;
import dev.bitbridge.testkit.bitbucket.FileChange;
import dev.bitbridge.testkit.bitbucket.http.Json;
import dev.bitbridge.testkit.bitbucket.http.UrlPaths;
import dev.bitbridge.testkit.bitbucket.model.Commit;
import dev.bitbridge.testkit.bitbucket.model.FileDiff;
import dev.bitbridge.testkit.bitbucket.model.Hook;
import dev.bitbridge.testkit.bitbucket.model.Owner;
import dev.bitbridge.testkit.bitbucket.model.Participant;
import dev.bitbridge.testkit.bitbucket.model.PullRequest;
import dev.bitbridge.testkit.bitbucket.model.Repo;

/**
 * Renders the model as Bitbucket Data Center 1.0 JSON, in the shapes of the real captures in
 * {@code shared/fixtures} (e.g. {@code woodpecker/datacenter/HookPush.json}): timestamps in epoch millis, links as
 * arrays of {@code {href}}.
 */
public final class DcJson {

    private static final DateTimeFormatter EVENT_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssZ");
    private static final DateTimeFormatter COMMIT_ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);
    /**
     * What Data Center puts where a ref did not exist: {@code fromHash} of a creation, {@code fromContentId} of an added file.
     */
    public static final String ZERO = "0000000000000000000000000000000000000000";

    private final String origin;

    public DcJson(String origin) {
        this.origin = origin;
    }

    /** @return an event's top-level {@code date}: ISO with a colon-less offset, {@code 2025-09-23T03:15:55+0300} */
    public static String eventDate(Instant instant, ZoneOffset offset) {
        return EVENT_DATE.format(instant.atOffset(offset));
    }

    /** @return an event date in UTC, {@code 2025-04-27T11:55:16+0000} */
    public static String eventDate(Instant instant) {
        return eventDate(instant, ZoneOffset.UTC);
    }

    private static ObjectNode links(String href) {
        ObjectNode links = Json.object();
        links.putArray("self").addObject().put("href", href);
        return links;
    }

    public ObjectNode user(Account a) {
        ObjectNode node = Json.object().put("name", a.name()).put("emailAddress", a.email()).put("active", true)
                .put("displayName", a.displayName()).put("id", a.numericId()).put("slug", a.name())
                .put("type", "NORMAL");
        node.set("links", links(origin + "/users/" + a.name()));
        return node;
    }

    public ObjectNode project(Owner o) {
        ObjectNode node = Json.object().put("key", o.key()).put("id", o.id()).put("name", o.name())
                .put("description", o.name()).put("public", false).put("type", "NORMAL");
        node.set("links", links(origin + "/projects/" + o.key()));
        return node;
    }

    public ObjectNode repository(Repo r) {
        ObjectNode node = Json.object().put("slug", r.slug()).put("id", r.id()).put("name", r.name())
                .put("hierarchyId", Long.toHexString(r.id() * 2654435761L)).put("scmId", "git")
                .put("state", "AVAILABLE").put("statusMessage", "Available").put("forkable", true);
        node.set("project", project(r.owner()));
        node.put("public", false).put("archived", false);
        if (r.forkOf() != null) {
            node.set("origin", repository(r.forkOf()));
        }
        ObjectNode links = links(origin + "/projects/" + r.owner().key() + "/repos/" + r.slug() + "/browse");
        links.putArray("clone").addObject().put("href", origin + "/scm/" + r.owner().key().toLowerCase() + "/"
                + r.slug() + ".git").put("name", "http");
        node.set("links", links);
        return node;
    }

    /** @return a commit as the REST API shows it, timestamps in epoch millis, parents as {@code {id, displayId}} */
    public ObjectNode commit(Commit c) {
        return commit(c, DcTimestamps.EPOCH_MILLIS);
    }

    /**
     * @return a commit with its parents as {@code {id, displayId}}; author and committer are users when linked
     *         ({@code woodpecker/datacenter/HookPush.json}), else a bare name and e-mail (the REST capture)
     */
    public ObjectNode commit(Commit c, DcTimestamps style) {
        ObjectNode node = Json.object().put("id", c.hash()).put("displayId", c.displayId());
        node.set("author", person(c.author(), c.linked()));
        timestamp(node, "authorTimestamp", c.authored().toInstant(), style);
        node.set("committer", person(c.committer(), c.linked()));
        timestamp(node, "committerTimestamp", c.committed().toInstant(), style);
        node.put("message", c.message().stripTrailing());
        node.putArray("parents").addAll(c.parents().stream().map(p -> Json.object().put("id", p)
                .put("displayId", p.substring(0, 11))).toList());
        return node;
    }

    /**
     * @return one change of a commit or pull request, shaped like {@code go-scm/server/changes.json}
     * @param commitId the commit the change's link names
     */
    public ObjectNode change(Repo repo, String commitId, FileDiff d) {
        String type = switch (d.type()) {
            case ADDED -> "ADD";
            case MODIFIED -> "MODIFY";
            case REMOVED -> "DELETE";
            case RENAMED -> "MOVE";
        };
        ObjectNode node = Json.object();
        node.put("contentId", (d.newVersion() != null ? d.newVersion() : d.oldVersion()).contentId());
        node.put("fromContentId", d.oldVersion() == null ? ZERO : d.oldVersion().contentId());
        node.set("path", path(d.path()));
        if (d.newVersion() != null) {
            node.put("executable", false);
        }
        boolean pureRename = d.oldVersion() != null && d.newVersion() != null
                && d.oldVersion().contentId().equals(d.newVersion().contentId());
        // Git's similarity index is not modelled: a pure rename is 100, anything else "not computed" (-1).
        node.put("percentUnchanged", pureRename ? 100 : -1);
        node.put("type", type).put("nodeType", "FILE");
        if (d.type() == FileChange.Type.RENAMED) {
            node.set("srcPath", path(d.oldPath()));
        }
        if (d.oldVersion() != null) {
            node.put("srcExecutable", false);
        }
        node.set("links", links(origin + "/projects/" + repo.owner().key() + "/repos/" + repo.slug() + "/commits/"
                + commitId + "#" + UrlPaths.encodePath(d.path())));
        node.putObject("properties").put("gitChangeType", "MOVE".equals(type) ? "RENAME" : type);
        return node;
    }

    private static ObjectNode path(String path) {
        ObjectNode node = Json.object();
        String[] parts = path.split("/");
        node.putArray("components").addAll(java.util.Arrays.stream(parts).map(Json.MAPPER.getNodeFactory()::textNode)
                .toList());
        String name = parts[parts.length - 1];
        node.put("parent", path.contains("/") ? path.substring(0, path.lastIndexOf('/')) : "").put("name", name);
        if (name.contains(".")) {
            node.put("extension", name.substring(name.lastIndexOf('.') + 1));
        }
        return node.put("toString", path);
    }

    private ObjectNode person(Account a, boolean linked) {
        return linked ? user(a) : Json.object().put("name", a.displayName()).put("emailAddress", a.email());
    }

    private static void timestamp(ObjectNode node, String field, Instant when, DcTimestamps style) {
        if (style == DcTimestamps.ISO_8601) {
            node.put(field, COMMIT_ISO.format(when));
        } else {
            node.put(field, when.toEpochMilli());
        }
    }

    private static void date(ObjectNode node, String field, Instant when, DcTimestamps style) {
        if (style == DcTimestamps.ISO_8601) {
            node.put(field, eventDate(when));
        } else {
            node.put(field, when.toEpochMilli());
        }
    }

    public ObjectNode ref(Repo repo, String branch, String hash) {
        ObjectNode node = Json.object().put("id", "refs/heads/" + branch).put("displayId", branch)
                .put("latestCommit", hash).put("type", "BRANCH");
        node.set("repository", repository(repo));
        return node;
    }

    /** @return a pull request as the REST API shows it, dates in epoch millis */
    public ObjectNode pullRequest(PullRequest pr) {
        return pullRequest(pr, DcTimestamps.EPOCH_MILLIS);
    }

    public ObjectNode pullRequest(PullRequest pr, DcTimestamps style) {
        ObjectNode node = Json.object().put("id", pr.id).put("version", pr.version).put("title", pr.title)
                .put("description", pr.description).put("state", pr.state).put("open", "OPEN".equals(pr.state))
                .put("closed", !"OPEN".equals(pr.state));
        date(node, "createdDate", pr.createdOn, style);
        date(node, "updatedDate", pr.updatedOn, style);
        node.set("fromRef", ref(pr.source, pr.sourceBranch, pr.sourceHash()));
        node.set("toRef", ref(pr.destination, pr.destinationBranch, pr.destinationHash()));
        node.put("locked", false);
        if (pr.mergeCommit != null) {
            // As in go-scm/server/pr_merged.json: the merge commit under properties, once merged.
            node.putObject("properties").putObject("mergeCommit").put("displayId", pr.mergeCommit.substring(0, 11))
                    .put("id", pr.mergeCommit);
        }
        ObjectNode author = node.putObject("author");
        author.set("user", user(pr.author));
        author.put("role", "AUTHOR").put("approved", false).put("status", "UNAPPROVED");
        node.putArray("reviewers").addAll(pr.participants.stream().filter(p -> "REVIEWER".equals(p.role))
                .map(this::participant).toList());
        node.putArray("participants").addAll(pr.participants.stream().filter(p -> !"REVIEWER".equals(p.role))
                .map(this::participant).toList());
        node.set("links", links(origin + "/projects/" + pr.destination.owner().key() + "/repos/"
                + pr.destination.slug() + "/pull-requests/" + pr.id));
        return node;
    }

    public ObjectNode participant(Participant p) {
        ObjectNode node = Json.object();
        node.set("user", user(p.account));
        return node.put("role", p.role).put("approved", p.approved()).put("status", p.status);
    }

    /** @return a webhook as the REST API shows it; the secret is not shown */
    public ObjectNode hook(Hook h) {
        ObjectNode node = Json.object().put("id", Long.parseLong(h.id)).put("name", h.description)
                .put("createdDate", h.createdAt.toEpochMilli()).put("updatedDate", h.updatedAt.toEpochMilli());
        node.putArray("events").addAll(h.events.stream().map(Json.MAPPER.getNodeFactory()::textNode).toList());
        node.putObject("configuration");
        return node.put("url", h.url).put("active", h.active).put("scopeType", "repository")
                .put("sslVerificationRequired", h.sslVerificationRequired);
    }
}

package dev.bitbridge.testkit.bitbucket.datacenter;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.bitbridge.testkit.bitbucket.Account;
import dev.bitbridge.testkit.bitbucket.http.Json;
import dev.bitbridge.testkit.bitbucket.model.Commit;
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

    private static final DateTimeFormatter EVENT_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssZ")
            .withZone(ZoneOffset.UTC);

    private final String origin;

    public DcJson(String origin) {
        this.origin = origin;
    }

    /** @return an event's top-level {@code date}: ISO with a colon-less offset, {@code 2025-04-27T11:55:16+0000} */
    public static String eventDate(Instant instant) {
        return EVENT_DATE.format(instant);
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
                .put("public", false).put("type", "NORMAL");
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

    /** @return a commit with its parents as {@code {id, displayId}} */
    public ObjectNode commit(Commit c) {
        ObjectNode node = Json.object().put("id", c.hash()).put("displayId", c.displayId());
        ObjectNode person = Json.object().put("name", c.author().displayName()).put("emailAddress", c.author()
                .email());
        node.set("author", person);
        node.put("authorTimestamp", c.date().toEpochMilli());
        node.set("committer", person.deepCopy());
        node.put("committerTimestamp", c.date().toEpochMilli());
        node.put("message", c.message().stripTrailing());
        node.putArray("parents").addAll(c.parents().stream().map(p -> Json.object().put("id", p)
                .put("displayId", p.substring(0, 11))).toList());
        return node;
    }

    public ObjectNode ref(Repo repo, String branch, String hash) {
        ObjectNode node = Json.object().put("id", "refs/heads/" + branch).put("displayId", branch)
                .put("latestCommit", hash).put("type", "BRANCH");
        node.set("repository", repository(repo));
        return node;
    }

    public ObjectNode pullRequest(PullRequest pr) {
        ObjectNode node = Json.object().put("id", pr.id).put("version", pr.version).put("title", pr.title)
                .put("description", pr.description).put("state", pr.state).put("open", "OPEN".equals(pr.state))
                .put("closed", !"OPEN".equals(pr.state)).put("createdDate", pr.createdOn.toEpochMilli())
                .put("updatedDate", pr.updatedOn.toEpochMilli());
        node.set("fromRef", ref(pr.source, pr.sourceBranch, pr.sourceHash()));
        node.set("toRef", ref(pr.destination, pr.destinationBranch, pr.destinationHash()));
        node.put("locked", false);
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

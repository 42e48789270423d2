package dev.bitbridge.testkit.bitbucket.cloud;

import java.util.List;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.bitbridge.testkit.bitbucket.Account;
import dev.bitbridge.testkit.bitbucket.http.Json;
import dev.bitbridge.testkit.bitbucket.http.UrlPaths;
import dev.bitbridge.testkit.bitbucket.model.Commit;
import dev.bitbridge.testkit.bitbucket.model.Participant;
import dev.bitbridge.testkit.bitbucket.model.PullRequest;
import dev.bitbridge.testkit.bitbucket.model.RefChange;
import dev.bitbridge.testkit.bitbucket.model.Repo;

/**
 * Cloud webhook bodies: {@code repo:push} (shaped like the captures {@code go-scm/cloud/push.json},
 * {@code jenkins-bbs/cloud/multipleChangesPayload.json} and {@code signed_payload.json}) and {@code pullrequest:*}.
 */
public final class CloudPayloads {

    /**
     * A push lists at most this many commits per change; {@code truncated} says when there were more (both captures
     * agree: 5 commits and {@code truncated: false} in {@code signed_payload.json}, whose branch has exactly 5; 5 and
     * {@code truncated: true} in {@code multipleChangesPayload.json}).
     */
    public static final int MAX_PUSH_COMMITS = 5;

    private final CloudJson json;

    public CloudPayloads(CloudJson json) {
        this.json = json;
    }

    /**
     * @return the body of {@code repo:push}: one change per ref, each with the ref before and after, flags and up to
     *         {@value #MAX_PUSH_COMMITS} commits (none, and no {@code commits} field, for tags, as in the captured
     *         tag creation)
     */
    public ObjectNode push(Repo repo, Account actor, List<RefChange> changes) {
        ObjectNode body = Json.object();
        ArrayNode out = body.putObject("push").putArray("changes");
        for (RefChange c : changes) {
            ObjectNode change = out.addObject();
            change.set("old", c.oldHash() == null ? null
                    : json.ref(repo, c.type(), c.name(), repo.commit(c.oldHash()),
                            c.oldTag()));
            change.set("new", c.newHash() == null ? null
                    : json.ref(repo, c.type(), c.name(), repo.commit(c.newHash()),
                            c.newTag()));
            List<Commit> commits = c.commits(repo);
            change.put("truncated", commits.size() > MAX_PUSH_COMMITS);
            change.put("created", c.oldHash() == null).put("forced", c.forced()).put("closed", c.newHash() == null);
            change.set("links", changeLinks(repo, c));
            if (c.branch()) {
                ArrayNode list = change.putArray("commits");
                commits.stream().limit(MAX_PUSH_COMMITS).forEach(commit -> list.add(json.commit(repo, commit)));
            }
        }
        body.set("repository", json.repository(repo, null));
        body.set("actor", json.account(actor));
        return body;
    }

    /** @return {@code {pullrequest, repository, actor}}, the body of every {@code pullrequest:*} event */
    public ObjectNode pullRequest(PullRequest pr, Account actor) {
        ObjectNode body = Json.object();
        body.set("repository", json.repository(pr.destination, null));
        body.set("actor", json.account(actor));
        body.set("pullrequest", pullRequestJson(pr));
        return body;
    }

    /** @return the body of {@code pullrequest:approved}/{@code :unapproved}: with {@code approval} */
    public ObjectNode approval(PullRequest pr, Account actor, java.time.Instant when) {
        ObjectNode body = pullRequest(pr, actor);
        body.putObject("approval").put("date", CloudJson.timestamp(when)).set("user", json.account(actor));
        return body;
    }

    public ObjectNode pullRequestJson(PullRequest pr) {
        String self = json.apiBase() + "/repositories/" + pr.destination.fullName() + "/pullrequests/" + pr.id;
        ObjectNode node = Json.object().put("type", "pullrequest").put("id", pr.id).put("title", pr.title)
                .put("description", pr.description);
        ObjectNode rendered = node.putObject("rendered");
        rendered.set("description", rendered(pr.description));
        rendered.set("title", rendered(pr.title));
        node.set("summary", rendered(pr.description));
        node.put("state", pr.state).put("draft", false);
        node.set("author", json.account(pr.author));
        node.set("source", end(pr.source, pr.sourceBranch, pr.sourceHash()));
        node.set("destination", end(pr.destination, pr.destinationBranch, pr.destinationHash()));
        if (pr.mergeCommit == null) {
            node.putNull("merge_commit");
        } else {
            node.putObject("merge_commit").put("hash", pr.mergeCommit.substring(0, 12));
        }
        node.put("comment_count", 0).put("task_count", 0).put("close_source_branch", false);
        node.set("closed_by", pr.closedBy == null ? null : json.account(pr.closedBy));
        node.put("reason", "").put("created_on", CloudJson.timestamp(pr.createdOn))
                .put("updated_on", CloudJson.timestamp(pr.updatedOn));
        ArrayNode reviewers = node.putArray("reviewers");
        ArrayNode participants = node.putArray("participants");
        for (Participant p : pr.participants) {
            if ("REVIEWER".equals(p.role)) {
                reviewers.add(json.account(p.account));
            }
            ObjectNode participant = participants.addObject().put("type", "participant");
            participant.set("user", json.account(p.account));
            participant.put("role", p.role).put("approved", p.approved());
            participant.put("state", "APPROVED".equals(p.status) ? "approved"
                    : "NEEDS_WORK".equals(p.status) ? "changes_requested" : null);
            participant.put("participated_on", p.participatedOn == null ? null : CloudJson.timestamp(p.participatedOn));
        }
        ObjectNode links = node.putObject("links");
        links.set("self", Json.href(self));
        links.set("html", Json.href(json.apiBase().replace("/2.0", "") + "/" + pr.destination.fullName()
                + "/pull-requests/" + pr.id));
        for (String rel : List.of("commits", "approve", "request-changes", "comments", "activity", "merge", "decline",
                "statuses")) {
            links.set(rel, Json.href(self + "/" + rel));
        }
        links.set("diff", Json.href(comparison(pr, "diff")));
        links.set("diffstat", Json.href(comparison(pr, "diffstat")));
        return node;
    }

    /**
     * @return where Cloud's pull-request {@code diff} and {@code diffstat} links point, and where
     *         {@code GET .../pullrequests/{id}/diffstat} redirects: the repository's endpoint with the spec
     *         {@code {source repo}:{source hash}%0D{destination hash}}, {@code from_pullrequest_id} and
     *         {@code topic=true} (links in real pull requests, e.g. {@code go-scm/cloud/pr.json}; {@code topic} in
     *         newer captures)
     */
    public String comparison(PullRequest pr, String endpoint) {
        return json.apiBase() + "/repositories/" + pr.destination.fullName() + "/" + endpoint + "/"
                + pr.source.fullName() + ":" + shortHash(pr.sourceHash()) + "%0D" + shortHash(pr.destinationHash())
                + "?from_pullrequest_id=" + pr.id + "&topic=true";
    }

    private static String shortHash(String hash) {
        return hash == null ? "" : hash.substring(0, 12);
    }

    private static ObjectNode rendered(String text) {
        return Json.object().put("type", "rendered").put("raw", text).put("markup", "markdown")
                .put("html", text.isEmpty() ? "" : "<p>" + text + "</p>");
    }

    private ObjectNode end(Repo repo, String branch, String hash) {
        ObjectNode node = Json.object();
        node.putObject("branch").put("name", branch);
        node.putObject("commit").put("type", "commit").put("hash", hash == null ? null : hash.substring(0, 12))
                .set("links", json.commitLinks(repo, hash));
        node.set("repository", json.repositoryMini(repo));
        return node;
    }

    private ObjectNode changeLinks(Repo repo, RefChange c) {
        String api = json.apiBase() + "/repositories/" + repo.fullName();
        String web = json.apiBase().replace("/2.0", "") + "/" + repo.fullName();
        ObjectNode links = Json.object();
        if (c.newHash() != null && c.oldHash() != null) {
            links.set("commits", Json.href(api + "/commits?include=" + c.newHash() + "&exclude=" + c.oldHash()));
            links.set("html", Json.href(web + "/branches/compare/" + c.newHash() + ".." + c.oldHash()));
            links.set("diff", Json.href(api + "/diff/" + c.newHash() + ".." + c.oldHash()));
        } else if (c.newHash() != null) {
            links.set("commits", Json.href(api + "/commits?include=" + c.newHash()));
            if (c.branch()) {
                links.set("html", Json.href(web + "/branch/" + UrlPaths.encodePath(c.name())));
            }
        }
        return links;
    }
}

package dev.bitbridge.testkit.bitbucket;

import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.bitbridge.testkit.bitbucket.cloud.CloudJson;
import dev.bitbridge.testkit.bitbucket.delivery.EventSink;
import dev.bitbridge.testkit.bitbucket.model.Commit;
import dev.bitbridge.testkit.bitbucket.model.Model;
import dev.bitbridge.testkit.bitbucket.model.Participant;
import dev.bitbridge.testkit.bitbucket.model.PullRequest;
import dev.bitbridge.testkit.bitbucket.model.Repo;

/**
 * Pull-request scenarios and the events they deliver: Cloud {@code pullrequest:created/updated/approved/unapproved/
 * changes_request_created/fulfilled/rejected}, Data Center {@code pr:opened/modified/reviewer:approved/
 * reviewer:unapproved/reviewer:needs_work/merged/declined}.
 */
final class PullRequests {

    private final Model model;
    private final EventSink events;
    private final ScenarioEngine engine;

    PullRequests(Model model, EventSink events, ScenarioEngine engine) {
        this.model = model;
        this.events = events;
        this.engine = engine;
    }

    int open(RepoRef source, String sourceBranch, RepoRef destination, String destinationBranch, Account author,
            String title, String description, List<Account> reviewers) {
        synchronized (model) {
            Repo from = model.require(source);
            Repo to = model.require(destination);
            if (from.branch(sourceBranch) == null || to.branch(destinationBranch) == null) {
                throw new IllegalArgumentException("Both branches must exist: " + sourceBranch + ", "
                        + destinationBranch);
            }
            PullRequest pr = new PullRequest(model.nextPullRequestId(to), from, sourceBranch, to, destinationBranch,
                    author, title, description, model.clock().now());
            reviewers.forEach(r -> pr.participant(r, "REVIEWER"));
            to.pullRequests().add(pr);
            send(pr, author, "pullrequest:created", "pr:opened");
            return pr.id;
        }
    }

    void update(RepoRef repo, int id, Account actor, String title, String description) {
        synchronized (model) {
            PullRequest pr = find(repo, id);
            String previousTitle = pr.title;
            String previousDescription = pr.description;
            pr.title = title;
            pr.description = description;
            touch(pr);
            if (model.flavor() == Flavor.CLOUD) {
                events.emit(pr.destination, "pullrequest:updated", engine.cloud().pullRequest(pr, actor));
            } else {
                ObjectNode body = engine.dc().pullRequest("pr:modified", pr, actor, model.clock().now());
                body.put("previousTitle", previousTitle).put("previousDescription", previousDescription);
                body.set("previousTarget", body.path("pullRequest").path("toRef").deepCopy());
                events.emit(pr.destination, "pr:modified", body);
            }
        }
    }

    /** @param status {@code APPROVED}, {@code UNAPPROVED} or {@code NEEDS_WORK} */
    void review(RepoRef repo, int id, Account reviewer, String status) {
        synchronized (model) {
            PullRequest pr = find(repo, id);
            Participant p = pr.participant(reviewer, "PARTICIPANT");
            String previous = p.status;
            p.status = status;
            p.participatedOn = model.clock().now();
            touch(pr);
            if (model.flavor() == Flavor.CLOUD) {
                String key = switch (status) {
                    case "APPROVED" -> "pullrequest:approved";
                    case "NEEDS_WORK" -> "pullrequest:changes_request_created";
                    default -> "NEEDS_WORK".equals(previous) ? "pullrequest:changes_request_removed"
                            : "pullrequest:unapproved";
                };
                ObjectNode body = engine.cloud().pullRequest(pr, reviewer);
                String field = key.contains("changes_request") ? "changes_request" : "approval";
                body.putObject(field).put("date", CloudJson.timestamp(p.participatedOn))
                        .set("user", body.get("actor").deepCopy());
                events.emit(pr.destination, key, body);
            } else {
                String key = switch (status) {
                    case "APPROVED" -> "pr:reviewer:approved";
                    case "NEEDS_WORK" -> "pr:reviewer:needs_work";
                    default -> "pr:reviewer:unapproved";
                };
                ObjectNode body = engine.dc().pullRequest(key, pr, reviewer, model.clock().now());
                body.set("participant", participantJson(pr, p));
                body.put("previousStatus", previous);
                events.emit(pr.destination, key, body);
            }
        }
    }

    /** Merges with a merge commit (parents: destination head, source head) on the destination branch. */
    String merge(RepoRef repo, int id, Account actor) {
        synchronized (model) {
            PullRequest pr = find(repo, id);
            Commit merge = model.merge(pr.destination, pr.destinationHash(), pr.source, pr.sourceHash(),
                    NewCommit.by(actor, "Merged in " + pr.sourceBranch + " (pull request #" + pr.id + ")"));
            pr.destination.branches().put(pr.destinationBranch, merge.hash());
            pr.closedSourceHash = pr.sourceHash();
            pr.state = "MERGED";
            pr.mergeCommit = merge.hash();
            pr.closedBy = actor;
            touch(pr);
            send(pr, actor, "pullrequest:fulfilled", "pr:merged");
            return merge.hash();
        }
    }

    void decline(RepoRef repo, int id, Account actor) {
        synchronized (model) {
            PullRequest pr = find(repo, id);
            pr.closedSourceHash = pr.sourceHash();
            pr.state = "DECLINED";
            pr.closedBy = actor;
            touch(pr);
            send(pr, actor, "pullrequest:rejected", "pr:declined");
        }
    }

    private ObjectNode participantJson(PullRequest pr, Participant p) {
        return engine.dc().json().participant(p);
    }

    private void send(PullRequest pr, Account actor, String cloudKey, String dcKey) {
        if (model.flavor() == Flavor.CLOUD) {
            events.emit(pr.destination, cloudKey, engine.cloud().pullRequest(pr, actor));
        } else {
            events.emit(pr.destination, dcKey, engine.dc().pullRequest(dcKey, pr, actor, model.clock().now()));
        }
    }

    private void touch(PullRequest pr) {
        pr.updatedOn = model.clock().now();
        pr.version++;
    }

    private PullRequest find(RepoRef repo, int id) {
        return model.require(repo).pullRequests().stream().filter(pr -> pr.id == id).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No pull request #" + id + " in " + repo));
    }
}

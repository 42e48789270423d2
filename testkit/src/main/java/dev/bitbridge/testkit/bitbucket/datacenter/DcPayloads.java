package dev.bitbridge.testkit.bitbucket.datacenter;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.bitbridge.testkit.bitbucket.Account;
import dev.bitbridge.testkit.bitbucket.http.Json;
import dev.bitbridge.testkit.bitbucket.model.Commit;
import dev.bitbridge.testkit.bitbucket.model.PullRequest;
import dev.bitbridge.testkit.bitbucket.model.Repo;

/**
 * Data Center webhook bodies: {@code repo:refs_changed} in the newer shape with {@code commits} (at most 5) and
 * {@code toCommit} (like {@code woodpecker/datacenter/HookPush.json}), {@code pr:*}, and {@code diagnostics:ping}.
 */
public final class DcPayloads {

    public static final int MAX_PUSH_COMMITS = 5;
    /** The hash Data Center puts in {@code fromHash} of a created ref and {@code toHash} of a deleted one. */
    public static final String ZERO = "0000000000000000000000000000000000000000";

    /**
     * One ref a push updated.
     *
     * @param type {@code BRANCH} or {@code TAG}
     * @param name the short name
     * @param fromHash the old commit, {@code null} when created
     * @param toHash the new commit, {@code null} when deleted
     * @param commits new commits, newest first
     */
    public record Change(String type, String name, String fromHash, String toHash, List<Commit> commits) {
    }

    private final DcJson json;

    public DcPayloads(DcJson json) {
        this.json = json;
    }

    /** @return the renderer the payloads use */
    public DcJson json() {
        return json;
    }

    public ObjectNode refsChanged(Repo repo, Account actor, Instant when, List<Change> changes) {
        ObjectNode body = header("repo:refs_changed", actor, when);
        body.set("repository", json.repository(repo));
        ArrayNode out = body.putArray("changes");
        for (Change c : changes) {
            ObjectNode change = out.addObject();
            String refId = ("TAG".equals(c.type) ? "refs/tags/" : "refs/heads/") + c.name;
            change.putObject("ref").put("id", refId).put("displayId", c.name).put("type", c.type);
            change.put("refId", refId).put("fromHash", c.fromHash == null ? ZERO : c.fromHash)
                    .put("toHash", c.toHash == null ? ZERO : c.toHash)
                    .put("type", c.fromHash == null ? "ADD" : c.toHash == null ? "DELETE" : "UPDATE");
        }
        List<Commit> commits = changes.stream().flatMap(c -> c.commits.stream()).toList();
        ArrayNode list = body.putArray("commits");
        commits.stream().limit(MAX_PUSH_COMMITS).forEach(c -> list.add(json.commit(c)));
        if (!commits.isEmpty()) {
            Commit tip = commits.get(0);
            ObjectNode toCommit = json.commit(tip);
            ArrayNode parents = toCommit.putArray("parents");
            tip.parents().forEach(p -> parents.add(repo.commit(p) == null ? Json.object().put("id", p)
                    : json.commit(repo.commit(p))));
            body.set("toCommit", toCommit);
        }
        return body;
    }

    /** @return {@code {eventKey, date, actor, pullRequest}}, the body of every {@code pr:*} event */
    public ObjectNode pullRequest(String eventKey, PullRequest pr, Account actor, Instant when) {
        ObjectNode body = header(eventKey, actor, when);
        body.set("pullRequest", json.pullRequest(pr));
        return body;
    }

    /** @return the body of {@code diagnostics:ping}, sent by "Test connection" */
    public static ObjectNode ping() {
        return Json.object().put("test", true);
    }

    private ObjectNode header(String eventKey, Account actor, Instant when) {
        ObjectNode body = Json.object().put("eventKey", eventKey).put("date", DcJson.eventDate(when));
        body.set("actor", json.user(actor));
        return body;
    }
}

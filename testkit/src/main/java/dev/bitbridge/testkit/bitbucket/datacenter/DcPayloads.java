package dev.bitbridge.testkit.bitbucket.datacenter;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.bitbridge.testkit.bitbucket.Account;
import dev.bitbridge.testkit.bitbucket.DcPushPayload;
import dev.bitbridge.testkit.bitbucket.http.Json;
import dev.bitbridge.testkit.bitbucket.model.Commit;
import dev.bitbridge.testkit.bitbucket.model.PullRequest;
import dev.bitbridge.testkit.bitbucket.model.RefChange;
import dev.bitbridge.testkit.bitbucket.model.Repo;

/**
 * Data Center webhook bodies: {@code repo:refs_changed} in the classic shape ({@code changes} only,
 * {@code go-scm/server/push.json}) or the newer one adding {@code commits} (at most 5) and {@code toCommit}
 * ({@code woodpecker/datacenter/HookPush.json}, {@code jenkins-bbs/server/pushPayload_v10.json}), {@code pr:*}, and
 * {@code diagnostics:ping}; timestamps as the {@link DcPayloadStyle} says.
 */
public final class DcPayloads {

    public static final int MAX_PUSH_COMMITS = 5;

    private final DcJson json;
    private final DcPayloadStyle style;

    public DcPayloads(DcJson json, DcPayloadStyle style) {
        this.json = json;
        this.style = style;
    }

    /** @return the renderer the payloads use */
    public DcJson json() {
        return json;
    }

    /**
     * @return the body of {@code repo:refs_changed}. An annotated tag's {@code fromHash}/{@code toHash} is the tag
     *         object's id, not the commit's. The newer shape lists the commits of all branch changes (each change's
     *         {@code git log to ^from}; a created branch's whole history) up to 5, and {@code toCommit}: the commit the
     *         first non-deleted ref now points at, with its parents in full
     */
    public ObjectNode refsChanged(Repo repo, Account actor, Instant when, List<RefChange> changes) {
        ObjectNode body = header("repo:refs_changed", actor, when);
        body.set("repository", json.repository(repo));
        ArrayNode out = body.putArray("changes");
        for (RefChange c : changes) {
            ObjectNode change = out.addObject();
            String type = c.branch() ? "BRANCH" : "TAG";
            String refId = (c.branch() ? "refs/heads/" : "refs/tags/") + c.name();
            change.putObject("ref").put("id", refId).put("displayId", c.name()).put("type", type);
            String from = c.oldTag() != null ? c.oldTag().hash() : c.oldHash();
            String to = c.newTag() != null ? c.newTag().hash() : c.newHash();
            change.put("refId", refId).put("fromHash", from == null ? DcJson.ZERO : from)
                    .put("toHash", to == null ? DcJson.ZERO : to)
                    .put("type", c.oldHash() == null ? "ADD" : c.newHash() == null ? "DELETE" : "UPDATE");
        }
        if (style.push() == DcPushPayload.WITH_COMMITS) {
            Map<String, Commit> commits = new LinkedHashMap<>();
            changes.forEach(c -> c.commits(repo).forEach(commit -> commits.putIfAbsent(commit.hash(), commit)));
            ArrayNode list = body.putArray("commits");
            commits.values().stream().limit(MAX_PUSH_COMMITS).forEach(c -> list.add(json.commit(c, style
                    .timestamps())));
            changes.stream().filter(c -> c.newHash() != null).findFirst().ifPresent(c -> {
                Commit tip = repo.commit(c.newHash());
                ObjectNode toCommit = json.commit(tip, style.timestamps());
                ArrayNode parents = toCommit.putArray("parents");
                tip.parents().forEach(p -> parents.add(json.commit(repo.commit(p), style.timestamps())));
                body.set("toCommit", toCommit);
            });
        }
        return body;
    }

    /** @return {@code {eventKey, date, actor, pullRequest}}, the body of every {@code pr:*} event */
    public ObjectNode pullRequest(String eventKey, PullRequest pr, Account actor, Instant when) {
        ObjectNode body = header(eventKey, actor, when);
        body.set("pullRequest", json.pullRequest(pr, style.timestamps()));
        return body;
    }

    /** @return the body of {@code diagnostics:ping}, sent by "Test connection" */
    public static ObjectNode ping() {
        return Json.object().put("test", true);
    }

    private ObjectNode header(String eventKey, Account actor, Instant when) {
        ObjectNode body = Json.object().put("eventKey", eventKey).put("date", DcJson.eventDate(when, style
                .eventOffset()));
        body.set("actor", json.user(actor));
        return body;
    }
}

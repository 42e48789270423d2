package dev.bitbridge.connector.enrichment.payload;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

import dev.bitbridge.connector.enrichment.payload.Ignored.Reason;
import dev.bitbridge.connector.enrichment.payload.PullRequestNotice.Action;
import dev.bitbridge.events.webhook.BitbucketFlavor;

/**
 * What each flavor's {@code X-Event-Key} means for enrichment. Keys are compared trimmed and lower-cased; a key of the
 * other flavor is unknown.
 */
final class EventKeys {

    /** What to do with a key: read a push, read a pull request with {@link #action()}, or ignore for {@link #reason()}. */
    record Route(Kind kind, Action action, Reason reason) {

        enum Kind {
            PUSH,
            PULL_REQUEST,
            IGNORE
        }

        static final Route PUSH = new Route(Kind.PUSH, null, null);

        static Route pullRequest(Action action) {
            return new Route(Kind.PULL_REQUEST, action, null);
        }

        static Route ignore(Reason reason) {
            return new Route(Kind.IGNORE, null, reason);
        }
    }

    static final String CLOUD_PUSH = "repo:push";
    static final String DATACENTER_PUSH = "repo:refs_changed";

    private static final Map<String, Action> CLOUD_PULL_REQUESTS = Map.of(
            "pullrequest:created", Action.OPENED,
            "pullrequest:updated", Action.UPDATED,
            "pullrequest:approved", Action.APPROVED,
            "pullrequest:unapproved", Action.UNAPPROVED,
            "pullrequest:changes_request_created", Action.CHANGES_REQUESTED,
            "pullrequest:fulfilled", Action.MERGED,
            "pullrequest:rejected", Action.DECLINED,
            "pullrequest:comment_created", Action.COMMENT_CREATED);

    private static final Set<String> CLOUD_STATUS_ECHOES = Set.of(
            "repo:commit_status_created", "repo:commit_status_updated");

    private static final Set<String> CLOUD_NO_WORK = Set.of(
            "repo:updated", "repo:fork", "repo:transfer", "repo:created", "repo:deleted", "repo:imported",
            "repo:commit_comment_created", "issue:created", "issue:updated", "issue:comment_created",
            "pullrequest:changes_request_removed", "pullrequest:comment_updated", "pullrequest:comment_deleted",
            "pullrequest:comment_resolved", "pullrequest:comment_reopened");

    private static final Map<String, Action> DATACENTER_PULL_REQUESTS = Map.of(
            "pr:opened", Action.OPENED,
            "pr:from_ref_updated", Action.UPDATED,
            "pr:modified", Action.UPDATED,
            "pr:reviewer:approved", Action.APPROVED,
            "pr:reviewer:unapproved", Action.UNAPPROVED,
            "pr:reviewer:needs_work", Action.CHANGES_REQUESTED,
            // Not a key Data Center documents (it refuses it on hook creation), accepted in case a version sends it.
            "pr:reviewer:changes_requested", Action.CHANGES_REQUESTED,
            "pr:merged", Action.MERGED,
            "pr:declined", Action.DECLINED,
            "pr:comment:added", Action.COMMENT_CREATED);

    private static final Set<String> DATACENTER_NO_WORK = Set.of(
            "repo:modified", "repo:forked", "repo:comment:added", "repo:comment:edited", "repo:comment:deleted",
            "repo:secret_detected", "mirror:repo_synchronized", "project:modified", "pr:deleted",
            "pr:comment:edited", "pr:comment:deleted", "pr:reviewer:updated");

    private EventKeys() {
    }

    /** @return the route for a key; {@link Reason#UNKNOWN_KEY} for anything not listed here */
    static Route route(BitbucketFlavor flavor, String eventKey) {
        String key = eventKey == null ? "" : eventKey.trim().toLowerCase(Locale.ROOT);
        return flavor == BitbucketFlavor.CLOUD ? cloud(key) : dataCenter(key);
    }

    private static Route cloud(String key) {
        if (key.equals(CLOUD_PUSH)) {
            return Route.PUSH;
        }
        Action action = CLOUD_PULL_REQUESTS.get(key);
        if (action != null) {
            return Route.pullRequest(action);
        }
        if (CLOUD_STATUS_ECHOES.contains(key)) {
            return Route.ignore(Reason.OWN_STATUS_ECHO);
        }
        return Route.ignore(CLOUD_NO_WORK.contains(key) ? Reason.NO_WORK : Reason.UNKNOWN_KEY);
    }

    private static Route dataCenter(String key) {
        if (key.equals(DATACENTER_PUSH)) {
            return Route.PUSH;
        }
        Action action = DATACENTER_PULL_REQUESTS.get(key);
        if (action != null) {
            return Route.pullRequest(action);
        }
        if (key.equals("diagnostics:ping")) {
            return Route.ignore(Reason.PING);
        }
        return Route.ignore(DATACENTER_NO_WORK.contains(key) ? Reason.NO_WORK : Reason.UNKNOWN_KEY);
    }
}

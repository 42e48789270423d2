package dev.bitbridge.connector.webhooks;

import java.util.List;
import java.util.Set;

import dev.bitbridge.events.webhook.BitbucketFlavor;

/**
 * The hook Bitbridge wants on a repository: where Bitbucket delivers, with which secret, for which events.
 *
 * @param name the hook's description (Cloud) or name (Data Center), e.g. {@code Bitbridge (acme-cloud)}
 * @param url the ingress URL with the integration's token
 * @param secret the secret Bitbucket signs deliveries with
 * @param events the event keys to subscribe to
 */
public record HookSpec(String name, String url, String secret, Set<String> events) {

    /** Push, and every pull-request transition the connector turns into events (bitbucket.md). */
    public static final List<String> CLOUD_EVENTS = List.of("repo:push", "pullrequest:created",
            "pullrequest:updated", "pullrequest:approved", "pullrequest:unapproved",
            "pullrequest:changes_request_created", "pullrequest:fulfilled", "pullrequest:rejected",
            "pullrequest:comment_created");

    /**
     * Data Center's equivalents. "Changes requested" is {@code pr:reviewer:needs_work}: servers refuse a hook with
     * {@code pr:reviewer:changes_requested}. A push to a PR's branch is {@code pr:from_ref_updated} (7.0+).
     */
    public static final List<String> DATACENTER_EVENTS = List.of("repo:refs_changed", "pr:opened",
            "pr:from_ref_updated", "pr:modified", "pr:reviewer:approved", "pr:reviewer:unapproved",
            "pr:reviewer:needs_work", "pr:merged", "pr:declined", "pr:deleted", "pr:comment:added");

    public static List<String> eventsFor(BitbucketFlavor flavor) {
        return flavor == BitbucketFlavor.CLOUD ? CLOUD_EVENTS : DATACENTER_EVENTS;
    }

    @Override
    public String toString() {
        return "HookSpec[name=" + name + ", events=" + events + "]";
    }
}

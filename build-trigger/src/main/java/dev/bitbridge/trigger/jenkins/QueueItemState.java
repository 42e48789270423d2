package dev.bitbridge.trigger.jenkins;

/**
 * What Jenkins says of a queue item ({@code /queue/item/{id}/api/json}, jenkins.md "Following a build").
 *
 * @param found false when Jenkins answered 404: the item left the queue more than five minutes ago (or Jenkins
 *        restarted), and its build must be looked for by {@code queueId}
 * @param cancelled whether it left the queue cancelled
 * @param buildNumber the build it became, once Jenkins says; else null (a left item may not name it yet)
 * @param why why it waits, while it waits
 */
public record QueueItemState(boolean found, boolean cancelled, Integer buildNumber, String why) {

    static final QueueItemState GONE = new QueueItemState(false, false, null, null);
}

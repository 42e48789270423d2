package dev.bitbridge.testkit.jenkins;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Jenkins' build queue: ids increase across the whole server (and survive a restart); an identical request (same job,
 * same parameters) while an item is still in the queue is merged into it; left items are kept for a retention time
 * (real: 5 minutes, in memory only) and then forgotten (jenkins.md "Triggering", "Following a build").
 */
final class JenkinsQueue {

    /** What scheduling did: made a new item, or merged the request into one still in the queue. */
    record Scheduled(QueueItem item, boolean created) {
    }

    private final Map<Long, QueueItem> items = new LinkedHashMap<>();
    private long lastId;

    Scheduled schedule(Job job, List<ParamValue> parameters, BuildCause cause, long now, Duration quietPeriod,
            Duration queueDelay, Duration executableLag) {
        for (QueueItem item : items.values()) {
            if (item.state(now) != QueueItem.State.LEFT && item.sameRequest(job, parameters)) {
                if (item.state(now) == QueueItem.State.WAITING) {
                    item.shortenQuietPeriod(now + quietPeriod.toMillis());
                }
                return new Scheduled(item, false);
            }
        }
        QueueItem item = new QueueItem(++lastId, job, parameters, cause, now, quietPeriod.toMillis(),
                queueDelay.toMillis(), executableLag.toMillis());
        items.put(item.id(), item);
        return new Scheduled(item, true);
    }

    /** @return the item, or {@code null} when unknown or forgotten */
    QueueItem get(long id) {
        return items.get(id);
    }

    /** @return every item still in the queue (not left), oldest first */
    List<QueueItem> inQueue(long now) {
        return items.values().stream().filter(i -> i.state(now) != QueueItem.State.LEFT).toList();
    }

    /** @return every item known, left ones included */
    List<QueueItem> all() {
        return new ArrayList<>(items.values());
    }

    /** Starts the builds that are due, in the order they got executors, then forgets expired left items. */
    void advance(long now, Duration buildDuration, Duration retention) {
        items.values().stream().filter(i -> !i.cancelled() && i.build() == null && i.executableAt() <= now)
                .sorted(Comparator.comparingLong(QueueItem::executableAt).thenComparingLong(QueueItem::id))
                .forEach(i -> i.started(i.job().start(i, i.executableAt(), buildDuration)));
        items.values().removeIf(i -> i.state(now) == QueueItem.State.LEFT && (i.cancelled() || i.build() != null)
                && i.leftAt() + retention.toMillis() <= now);
    }

    /** A restart forgets left items, which Jenkins keeps in memory only; waiting ones are persisted and stay. */
    void forgetLeft(long now) {
        items.values().removeIf(i -> i.state(now) == QueueItem.State.LEFT && (i.cancelled() || i.build() != null));
    }
}

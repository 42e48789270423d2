package dev.bitbridge.testkit.jenkins;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

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
    /**
     * Items without a build and not known to be cancelled, oldest first: every item still in the queue is one of them,
     * so scheduling and listing the queue need not look at the (many) left items kept for their retention.
     */
    private final List<QueueItem> unstarted = new ArrayList<>();
    /** Items that left for good (their build started, or cancelled), by when they left: the next to be forgotten first. */
    private final PriorityQueue<QueueItem> done = new PriorityQueue<>(Comparator.comparingLong(QueueItem::leftAt)
            .thenComparingLong(QueueItem::id));
    private long lastId;

    Scheduled schedule(Job job, List<ParamValue> parameters, BuildCause cause, long now, Duration quietPeriod,
            Duration queueDelay, Duration executableLag) {
        for (QueueItem item : unstarted) {
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
        unstarted.add(item);
        return new Scheduled(item, true);
    }

    /** @return the item, or {@code null} when unknown or forgotten */
    QueueItem get(long id) {
        return items.get(id);
    }

    /** @return every item still in the queue (not left), oldest first */
    List<QueueItem> inQueue(long now) {
        return unstarted.stream().filter(i -> i.state(now) != QueueItem.State.LEFT).toList();
    }

    /** @return every item known, left ones included */
    List<QueueItem> all() {
        return new ArrayList<>(items.values());
    }

    /** Starts the builds that are due, in the order they got executors, then forgets expired left items. */
    void advance(long now, Duration buildDuration, Duration retention) {
        List<QueueItem> due = new ArrayList<>();
        for (Iterator<QueueItem> it = unstarted.iterator(); it.hasNext();) {
            QueueItem item = it.next();
            if (item.cancelled()) {
                it.remove();
                done.add(item);
            } else if (item.executableAt() <= now) {
                it.remove();
                due.add(item);
            }
        }
        due.sort(Comparator.comparingLong(QueueItem::executableAt).thenComparingLong(QueueItem::id));
        for (QueueItem item : due) {
            item.started(item.job().start(item, item.executableAt(), buildDuration));
            done.add(item);
        }
        // A left item's leftAt no longer changes, so those expiring first are at the head.
        while (!done.isEmpty() && done.peek().leftAt() + retention.toMillis() <= now) {
            items.remove(done.poll().id());
        }
    }

    /** A restart forgets left items, which Jenkins keeps in memory only; waiting ones are persisted and stay. */
    void forgetLeft(long now) {
        unstarted.removeIf(item -> {
            if (item.cancelled()) {
                done.add(item);
                return true;
            }
            return false;
        });
        done.forEach(item -> items.remove(item.id()));
        done.clear();
    }
}

package dev.bitbridge.testkit.jenkins;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The state of one simulated Jenkins: items, queue, users, sessions and the timing of queue and builds. State moves
 * lazily: before each request (and each inspection) {@link #advance()} starts the builds that are due on the clock and
 * forgets expired left queue items. Callers hold the model's monitor.
 */
final class JenkinsModel {

    /** The version {@code X-Jenkins} announces. */
    static final String VERSION = "2.516.3";

    final JenkinsClock clock = new JenkinsClock();
    final JobTree tree = new JobTree();
    final JenkinsQueue queue = new JenkinsQueue();
    final JenkinsUsers users = new JenkinsUsers();
    final Sessions sessions = new Sessions();
    private final Map<String, Integer> triggers = new HashMap<>();
    private String instanceSession = Sessions.hex(4);
    private String rootUrl;
    private Duration quietPeriod = Duration.ZERO;
    private Duration queueDelay = Duration.ZERO;
    private Duration executableLag = Duration.ZERO;
    private Duration buildDuration = Duration.ZERO;
    private Duration retention = Duration.ofMinutes(5);

    long now() {
        return clock.millis();
    }

    void advance() {
        queue.advance(now(), buildDuration, retention);
    }

    /**
     * Schedules a build as {@code Queue.schedule2} does.
     *
     * @param quiet the quiet period asked for ({@code delay}), or {@code null} for the default
     * @return what was scheduled, or {@code null} when the schedule was vetoed
     */
    JenkinsQueue.Scheduled schedule(Job job, List<ParamValue> parameters, BuildCause cause, Duration quiet) {
        if (job.vetoed()) {
            return null;
        }
        JenkinsQueue.Scheduled scheduled = queue.schedule(job, parameters, cause, now(), quiet == null ? quietPeriod
                : quiet, queueDelay, executableLag);
        triggers.merge(job.fullName(), 1, Integer::sum);
        return scheduled;
    }

    /** @return which items the caller may read (Job/Read on the item or above) */
    Predicate<TreeItem> readable(Caller caller) {
        return item -> users.has(caller, Permission.JOB_READ, item.path());
    }

    int triggerCount(String fullName) {
        return triggers.getOrDefault(fullName, 0);
    }

    /** Jenkins restarted: left queue items and web sessions are gone, {@code X-Jenkins-Session} changes. */
    void restart() {
        advance();
        queue.forgetLeft(now());
        sessions.clear();
        instanceSession = Sessions.hex(4);
    }

    String instanceSession() {
        return instanceSession;
    }

    /** @return Jenkins' configured root URL, or {@code null} to take it from each request */
    String rootUrl() {
        return rootUrl;
    }

    void rootUrl(String url) {
        rootUrl = url == null || url.endsWith("/") ? url : url + "/";
    }

    void quietPeriod(Duration d) {
        quietPeriod = d;
    }

    void queueDelay(Duration d) {
        queueDelay = d;
    }

    void executableLag(Duration d) {
        executableLag = d;
    }

    void buildDuration(Duration d) {
        buildDuration = d;
    }

    void retention(Duration d) {
        retention = d;
    }
}

package dev.bitbridge.testkit.jenkins;

import java.time.Duration;
import java.util.List;

/**
 * One run of a job ({@code hudson.model.Run}). It is building from its start until its planned end or until stopped;
 * its {@code result} is {@code null} while building unless the plan shows it early, and {@code duration} is 0 until it
 * ends (jenkins.md "Following a build"). Every build keeps the id of the queue item it came from ({@code queueId}).
 */
final class Build {

    private final Job job;
    private final int number;
    private final long queueId;
    private final List<ParamValue> parameters;
    private final BuildCause cause;
    private final long startedAt;
    private final long plannedDuration;
    private final BuildResult plannedResult;
    private final Long resultShownAt;
    private Long stoppedAt;

    Build(Job job, int number, QueueItem item, long startedAt, Duration duration, BuildResult result,
            Duration resultShownAfter) {
        this.job = job;
        this.number = number;
        this.queueId = item.id();
        this.parameters = item.parameters();
        this.cause = item.cause();
        this.startedAt = startedAt;
        this.plannedDuration = duration.toMillis();
        this.plannedResult = result;
        this.resultShownAt = resultShownAfter == null ? null : startedAt + resultShownAfter.toMillis();
    }

    Job job() {
        return job;
    }

    int number() {
        return number;
    }

    long queueId() {
        return queueId;
    }

    /** @return the values of its {@code ParametersAction}, or {@code null} when it has none */
    List<ParamValue> parameters() {
        return parameters;
    }

    BuildCause cause() {
        return cause;
    }

    long startedAt() {
        return startedAt;
    }

    long endsAt() {
        return stoppedAt != null ? stoppedAt : startedAt + plannedDuration;
    }

    boolean building(long now) {
        return now < endsAt();
    }

    /** @return the result Jenkins shows now: {@code null} while building, unless the plan shows it early */
    BuildResult result(long now) {
        if (!building(now)) {
            return stoppedAt != null ? BuildResult.ABORTED : plannedResult;
        }
        return resultShownAt != null && now >= resultShownAt ? plannedResult : null;
    }

    /** @return milliseconds it took, 0 while building */
    long duration(long now) {
        return building(now) ? 0 : endsAt() - startedAt;
    }

    /** Aborts it if still building. */
    void stop(long now) {
        if (building(now)) {
            stoppedAt = now;
        }
    }

    /** @return {@code {job url}{number}/} below the root URL */
    String urlPath() {
        return job.urlPath() + number + "/";
    }
}

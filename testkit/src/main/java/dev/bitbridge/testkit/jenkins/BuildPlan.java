package dev.bitbridge.testkit.jenkins;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * What the builds of one job do: the result each gets (a scripted queue of results first, then the default), how
 * long it runs, and whether the result shows while the build still runs (a test publisher marking it {@code UNSTABLE},
 * {@code currentBuild.result} in a Pipeline: jenkins.md "Following a build").
 */
final class BuildPlan {

    private BuildResult defaultResult = BuildResult.SUCCESS;
    private final Deque<BuildResult> scripted = new ArrayDeque<>();
    private Duration duration;
    private Duration resultShownAfter;

    void defaultResult(BuildResult result) {
        defaultResult = result;
    }

    void script(BuildResult... results) {
        for (BuildResult result : results) {
            scripted.add(result);
        }
    }

    /** @return the result of the next build: the next scripted one, else the default */
    BuildResult nextResult() {
        return scripted.isEmpty() ? defaultResult : scripted.poll();
    }

    /** @param duration how long this job's builds run, {@code null} for the simulator's default */
    void duration(Duration duration) {
        this.duration = duration;
    }

    Duration durationOr(Duration fallback) {
        return duration == null ? fallback : duration;
    }

    /** @param after how long after its start a build shows its result while still running; {@code null}: only at the end */
    void resultShownAfter(Duration after) {
        this.resultShownAfter = after;
    }

    Duration resultShownAfter() {
        return resultShownAfter;
    }
}

package dev.bitbridge.bench.trigger;

import java.time.Duration;
import java.util.List;

/**
 * The tracking phase: builds that keep running, dispatched at once, and the Jenkins requests build-trigger makes to
 * follow them.
 *
 * @param builds builds published
 * @param posted of them, POSTed within the wait
 * @param dispatchSeconds first POST to last
 * @param buildDuration how long each runs in the simulator
 * @param windows the windows counted, first minute and steady
 * @param building builds the simulator showed running after the last window
 * @param inProgress builds build-trigger had INPROGRESS after the last window
 */
public record TrackingRun(int builds, long posted, double dispatchSeconds, Duration buildDuration,
        List<TrackingWindow> windows, long building, long inProgress) {

    /** @return the steady window (the last one) */
    public TrackingWindow steady() {
        return windows.get(windows.size() - 1);
    }
}

package dev.bitbridge.bench.trigger;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * When build-trigger asks Jenkins about a build it dispatched, by its tracking settings
 * ({@code bitbridge.trigger.tracking.initial-interval}, {@code max-interval}), for a build that starts at once and
 * keeps running: the queue item {@code initial} after the POST (it names the build, which is then INPROGRESS), the
 * build {@code initial} later, and then the build again after {@code initial × growth^k} for k = 1, 2, … up to
 * {@code max} — the schedule of {@code Dispatcher.later}. Real polls come a little later than these times: each pause
 * runs from when the previous poll's outcome was recorded, and due builds are picked up by a pass that runs once a
 * second (or when a request arrives), at most {@code dispatch.batch-size} at a time.
 *
 * @param initial the first pause
 * @param max the longest pause
 * @param growth how much each pause grows while nothing changes
 */
public record PollSchedule(Duration initial, Duration max, double growth) {

    /** build-trigger's defaults: 2 s growing by half each time, up to 60 s. */
    public static final PollSchedule DEFAULTS = new PollSchedule(Duration.ofSeconds(2), Duration.ofMinutes(1), 1.5);

    /** @return the times of the GET requests after the POST, in seconds, up to {@code horizonSeconds} */
    public List<Double> times(double horizonSeconds) {
        List<Double> times = new ArrayList<>();
        double first = initial.toMillis() / 1000.0;
        double cap = max.toMillis() / 1000.0;
        double t = first; // the queue item
        int attempts = 0; // reset when the build number is known
        while (t <= horizonSeconds) {
            times.add(t);
            double pause = Math.min(cap, first * Math.pow(growth, attempts));
            t += pause;
            attempts++;
        }
        return times;
    }

    /** @return GET requests in {@code [from, to)} seconds after the POST */
    public long between(double fromSeconds, double toSeconds) {
        return times(toSeconds).stream().filter(t -> t >= fromSeconds && t < toSeconds).count();
    }

    /**
     * @param dispatchedAt when each build was POSTed, seconds on any clock
     * @param from the window's start, on the same clock
     * @param to its end
     * @return the GET requests all of them make in the window by this schedule
     */
    public long between(double[] dispatchedAt, double from, double to) {
        long sum = 0;
        for (double at : dispatchedAt) {
            sum += between(from - at, to - at);
        }
        return sum;
    }

    /** @return seconds from the POST until the pauses reach {@code max} (the poll after which every pause is max) */
    public double settledAfter() {
        double first = initial.toMillis() / 1000.0;
        double cap = max.toMillis() / 1000.0;
        double t = first;
        int attempts = 0;
        while (first * Math.pow(growth, attempts) < cap) {
            t += first * Math.pow(growth, attempts);
            attempts++;
        }
        return t;
    }
}

package dev.bitbridge.bench.trigger;

import java.util.Locale;

/**
 * The Jenkins requests build-trigger made in one window of the tracking phase while {@code builds} builds ran, and
 * what the poll schedule alone would make.
 *
 * @param name e.g. {@code first minute}
 * @param startSeconds the window's start, seconds after the last tracked build was queued
 * @param seconds its length
 * @param builds builds running through the whole window
 * @param requests the simulator's requests in it, by kind
 * @param expected the GET requests the defaults' {@link PollSchedule} gives for these builds in this window
 * @param triggerCores build-trigger's CPU in the window, in cores
 */
public record TrackingWindow(String name, double startSeconds, double seconds, int builds, RequestMix requests,
        long expected, double triggerCores) {

    /** @return requests ÷ builds ÷ minutes */
    public double perBuildPerMinute() {
        return perBuildPerMinute(requests.total());
    }

    /** @return the schedule's requests ÷ builds ÷ minutes */
    public double expectedPerBuildPerMinute() {
        return perBuildPerMinute(expected);
    }

    /** @return requests per second, all builds together */
    public double perSecond() {
        return seconds > 0 ? requests.total() / seconds : Double.NaN;
    }

    private double perBuildPerMinute(long count) {
        return builds > 0 && seconds > 0 ? count / (double) builds / (seconds / 60.0) : Double.NaN;
    }

    /** @return one line for the progress log */
    public String summary() {
        return String.format(Locale.ROOT, "%s (%.0f s from +%.0f s): %s Jenkins requests for %d running builds = %.2f "
                + "per build per minute (%.1f/s); schedule alone %.2f; build-trigger %.2f cores", name, seconds,
                startSeconds, requests.describe(), builds, perBuildPerMinute(), perSecond(),
                expectedPerBuildPerMinute(), triggerCores);
    }
}

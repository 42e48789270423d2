package dev.bitbridge.testkit.jenkins;

import java.util.Locale;

/** Jenkins' short rendering of a time span ({@code hudson.Util.getTimeSpanString}): {@code 4.9 sec}, {@code 1 min 5 sec}. */
final class TimeSpans {

    private TimeSpans() {
    }

    static String of(long millis) {
        long ms = Math.max(0, millis);
        long hours = ms / 3_600_000;
        long minutes = ms / 60_000 % 60;
        long seconds = ms / 1000 % 60;
        if (hours > 0) {
            return hours + " hr " + minutes + " min";
        }
        if (minutes > 0) {
            return minutes + " min " + seconds + " sec";
        }
        if (ms >= 10_000) {
            return seconds + " sec";
        }
        if (ms >= 1000) {
            return String.format(Locale.ROOT, "%.1f sec", ms / 1000.0);
        }
        return ms + " ms";
    }
}

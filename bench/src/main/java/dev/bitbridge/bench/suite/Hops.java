package dev.bitbridge.bench.suite;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.HdrHistogram.Histogram;

import dev.bitbridge.bench.LatencyStats;
import dev.bitbridge.bench.trigger.WallClock;

/**
 * Where a push's time goes between the services: each hop between two points of its way, as far as both are known
 * (from the webhook's sending, since the ingress writes its record before it answers).
 * The points inside the suite are the timestamps (CreateTime, wall-clock milliseconds of this machine) of the records
 * each service wrote for the commit: the ingress's raw webhook ({@code bitbridge.webhooks.v1}), the connector's ref
 * change ({@code bitbridge.refs.v1}), the analyzer's build request ({@code bitbridge.build-requests.v1}) and
 * build-trigger's first build event ({@code bitbridge.builds.v1}, QUEUED). A transactional producer stamps its
 * record before the transaction commits, so a slow commit shows in the next hop, where readers wait for it.
 */
public final class Hops {

    /** The points of a push's way, in order, with the label of the hop that ends at each. */
    public enum Point {
        SENT("webhook sent"),
        WEBHOOK_RECORD("raw webhook record (ingress)"),
        REF_RECORD("ref change record (connector)"),
        REQUEST_RECORD("build request record (analyzer)"),
        JENKINS_POST("Jenkins POST (build-trigger)"),
        QUEUED_RECORD("QUEUED build event (build-trigger)"),
        INPROGRESS_POSTED("INPROGRESS posted (status-reporter via connector)");

        private final String label;

        Point(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    private Hops() {
    }

    /**
     * @param timings the phase's pushes
     * @param clock turns the timings' {@link System#nanoTime()} readings into wall-clock milliseconds
     * @param records for each record point, the commit's record timestamp (epoch milliseconds)
     * @return each hop from one point to the next, named {@code from -> to}, over the pushes where both are known
     *         (in milliseconds' precision)
     */
    public static Map<String, LatencyStats> of(List<PushTiming> timings, WallClock clock,
            Map<Point, Map<String, Long>> records) {
        Map<String, Histogram> hops = new LinkedHashMap<>();
        Point[] points = Point.values();
        for (int i = 1; i < points.length; i++) {
            hops.put(hopName(points[i - 1], points[i]), new Histogram(3_600_000_000L, LatencyStats.SIGNIFICANT_DIGITS));
        }
        for (PushTiming t : timings) {
            List<Long> at = new ArrayList<>();
            for (Point p : points) {
                at.add(millis(p, t, clock, records));
            }
            for (int i = 1; i < points.length; i++) {
                Long from = at.get(i - 1);
                Long to = at.get(i);
                if (from != null && to != null) {
                    hops.get(hopName(points[i - 1], points[i])).recordValue(Math.max(0, to - from) * 1000);
                }
            }
        }
        Map<String, LatencyStats> out = new LinkedHashMap<>();
        hops.forEach((name, h) -> out.put(name, LatencyStats.of(h)));
        return out;
    }

    static String hopName(Point from, Point to) {
        return from.label() + " -> " + to.label();
    }

    private static Long millis(Point p, PushTiming t, WallClock clock, Map<Point, Map<String, Long>> records) {
        switch (p) {
            case SENT:
                return t.sentNanos() == null ? null : clock.millis(t.sentNanos());
            case JENKINS_POST:
                return t.jenkinsNanos() == null ? null : clock.millis(t.jenkinsNanos());
            case INPROGRESS_POSTED:
                return t.inProgressNanos() == null ? null : clock.millis(t.inProgressNanos());
            default:
                return records.getOrDefault(p, Map.of()).get(t.commit());
        }
    }
}

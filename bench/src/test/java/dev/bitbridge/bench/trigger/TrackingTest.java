package dev.bitbridge.bench.trigger;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.bitbridge.testkit.jenkins.JenkinsRequest;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The tracking phase's arithmetic: the poll schedule, requests by kind in a window, per running build per minute. */
class TrackingTest {

    private static final Instant T = Instant.parse("2026-11-23T10:00:00Z");

    @Test
    void theDefaultScheduleIsTwoSecondsGrowingByHalfToAMinute() {
        List<Double> times = PollSchedule.DEFAULTS.times(300);

        // queue item at 2 s, build at 4 s, then pauses of 3, 4.5, 6.75, 10.125, 15.1875, 22.78, 34.17, 51.26, 60 ...
        assertEquals(2.0, times.get(0), 1e-9);
        assertEquals(4.0, times.get(1), 1e-9);
        assertEquals(7.0, times.get(2), 1e-9);
        assertEquals(11.5, times.get(3), 1e-9);
        assertEquals(18.25, times.get(4), 1e-9);
        assertEquals(151.8, times.get(9), 0.05);
        assertEquals(211.8, times.get(10), 0.05);
        assertEquals(271.8, times.get(11), 0.05);
        assertEquals(12, times.size());
        assertEquals(151.8, PollSchedule.DEFAULTS.settledAfter(), 0.05);
        assertEquals(7, PollSchedule.DEFAULTS.between(0, 60), "queue item and six build polls in the first minute");
        assertEquals(2, PollSchedule.DEFAULTS.between(170, 290), "then one a minute");
    }

    @Test
    void expectedRequestsAddUpOverBuildsDispatchedAtDifferentTimes() {
        PollSchedule schedule = new PollSchedule(Duration.ofSeconds(1), Duration.ofSeconds(2), 2.0);

        assertEquals(List.of(1.0, 2.0, 4.0, 6.0, 8.0), schedule.times(8));
        // a build POSTed at 0 polls at 1, 2, 4, 6, 8; one POSTed at -1 at 0, 1, 3, 5, 7
        assertEquals(3 + 3, schedule.between(new double[] { 0, -1 }, 0, 5));
    }

    @Test
    void requestsAreSortedByKindWithinTheWindow() {
        List<JenkinsRequest> log = List.of(
                request("POST", "/job/bench-long/buildWithParameters", 0),
                request("GET", "/queue/item/12/api/json", 1),
                request("GET", "/job/bench-long/7/api/json", 2),
                request("GET", "/job/Games/job/feature%252Ffoo/7/api/json", 3),
                request("GET", "/queue/api/json", 4),
                request("GET", "/job/bench-long/api/json", 5),
                request("GET", "/crumbIssuer/api/json", 6),
                request("GET", "/job/bench-long/7/api/json", 60));

        RequestMix mix = RequestMix.of(log, T, T.plusSeconds(60));

        assertEquals(new RequestMix(1, 1, 2, 2, 1), mix);
        assertEquals(7, mix.total());
        assertEquals("7 (1 trigger POST, 1 queue item, 2 build, 2 lookup, 1 other)", mix.describe());
    }

    @Test
    void aWindowDividesByBuildsAndMinutes() {
        TrackingWindow steady = new TrackingWindow("steady", 170, 120, 500, new RequestMix(0, 0, 1000, 0, 0), 1000,
                0.05);

        assertEquals(1.0, steady.perBuildPerMinute(), 1e-9);
        assertEquals(1.0, steady.expectedPerBuildPerMinute(), 1e-9);
        assertEquals(1000 / 120.0, steady.perSecond(), 1e-9);
        TrackingWindow first = new TrackingWindow("first minute", 0, 60, 500, new RequestMix(0, 500, 3000, 0, 0),
                3500, 0.2);
        assertEquals(7.0, first.perBuildPerMinute(), 1e-9);
    }

    private static JenkinsRequest request(String method, String path, long second) {
        return new JenkinsRequest(method, path, null, 200, "bench", T.plusSeconds(second));
    }
}

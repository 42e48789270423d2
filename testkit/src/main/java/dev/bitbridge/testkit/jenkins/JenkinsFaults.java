package dev.bitbridge.testkit.jenkins;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import dev.bitbridge.testkit.bitbucket.http.PathGlob;
import dev.bitbridge.testkit.bitbucket.http.SimResponse;

/**
 * Failures a test asks for: an outage (every request 503, as a reverse proxy answers for a Jenkins that is down or
 * still starting), latency before each answer, and one-off error statuses for the next requests matching a path glob.
 * Thread-safe.
 */
final class JenkinsFaults {

    private record Fault(String pathGlob, int status, int[] remaining) {
    }

    private final List<Fault> pending = new ArrayList<>();
    private volatile boolean outage;
    private volatile Duration latency = Duration.ZERO;
    private volatile String slowAnswerGlob;
    private volatile Duration slowAnswer = Duration.ZERO;

    void outage(boolean down) {
        outage = down;
    }

    void latency(Duration latency) {
        this.latency = latency;
    }

    synchronized void failNext(int count, int status, String pathGlob) {
        if (count < 1 || status < 400 || status > 599) {
            throw new IllegalArgumentException("Need a count of at least 1 and an error status, got " + count + ", "
                    + status);
        }
        pending.add(new Fault(pathGlob, status, new int[] { count }));
    }

    void slowAnswers(String pathGlob, Duration delay) {
        this.slowAnswerGlob = pathGlob;
        this.slowAnswer = delay;
    }

    /** Waits, after serving a request whose path matches, before answering: the request took effect already. */
    void delayAnswer(String rawPath) {
        String glob = slowAnswerGlob;
        if (glob != null && PathGlob.matches(glob, rawPath)) {
            sleep(slowAnswer.toMillis());
        }
    }

    /** Waits the configured latency. */
    void delay() {
        sleep(latency.toMillis());
    }

    private static void sleep(long millis) {
        if (millis > 0) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** @return the failure this request gets, or {@code null} to serve it */
    synchronized SimResponse take(String rawPath) {
        if (outage) {
            return unavailable();
        }
        for (Iterator<Fault> it = pending.iterator(); it.hasNext();) {
            Fault f = it.next();
            if (PathGlob.matches(f.pathGlob, rawPath)) {
                if (--f.remaining[0] == 0) {
                    it.remove();
                }
                return f.status == 503 ? unavailable() : JenkinsErrors.error(f.status, "Simulated failure", rawPath);
            }
        }
        return null;
    }

    private static SimResponse unavailable() {
        return JenkinsErrors.html(503, JenkinsErrors.page("Starting Jenkins",
                "<h1>Please wait while Jenkins is getting ready to work...</h1>")).header("Retry-After", "10");
    }
}

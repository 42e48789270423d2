package dev.bitbridge.testkit.bitbucket;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import dev.bitbridge.testkit.bitbucket.http.CloudErrors;
import dev.bitbridge.testkit.bitbucket.http.DcErrors;
import dev.bitbridge.testkit.bitbucket.http.PathGlob;
import dev.bitbridge.testkit.bitbucket.http.SimResponse;

/**
 * Failures a test asks for: the next requests (matching a path glob) answer an error status instead of being served.
 * Bodies are each flavor's error shape; a 429 carries Cloud's text and a {@code Retry-After}. Thread-safe.
 */
final class Faults {

    /** Seconds a scheduled 429 asks to wait. */
    static final int RETRY_AFTER_SECONDS = 1;

    private record Fault(String pathGlob, int status, int[] remaining) {
    }

    private final Flavor flavor;
    private final List<Fault> pending = new ArrayList<>();
    /** While not 0, the status every request is answered with (an outage, a rate-limit storm). */
    private int outage;

    Faults(Flavor flavor) {
        this.flavor = flavor;
    }

    synchronized void add(int count, int status, String pathGlob) {
        if (count < 1 || status < 400 || status > 599) {
            throw new IllegalArgumentException("Need a count of at least 1 and an error status, got " + count + ", "
                    + status);
        }
        pending.add(new Fault(pathGlob, status, new int[] { count }));
    }

    /** Answers every request with {@code status} until called with 0. */
    synchronized void outage(int status) {
        if (status != 0 && (status < 400 || status > 599)) {
            throw new IllegalArgumentException("An outage answers an error status, not " + status);
        }
        outage = status;
    }

    /** @return the failure this request gets, or {@code null} to serve it */
    synchronized SimResponse take(String path) {
        if (outage != 0) {
            return answer(outage);
        }
        for (Iterator<Fault> it = pending.iterator(); it.hasNext();) {
            Fault f = it.next();
            if (PathGlob.matches(f.pathGlob, path)) {
                if (--f.remaining[0] == 0) {
                    it.remove();
                }
                return answer(f.status);
            }
        }
        return null;
    }

    private SimResponse answer(int status) {
        if (status == 429) {
            SimResponse limited = flavor == Flavor.CLOUD ? SimResponse.text(429, BitbucketSimulator.RATE_LIMITED)
                    : DcErrors.of(429, null, "You have been rate limited.", null);
            return limited.header("Retry-After", Integer.toString(RETRY_AFTER_SECONDS));
        }
        String message = switch (status) {
            case 500 -> "Internal Server Error";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            case 504 -> "Gateway Timeout";
            default -> "Error " + status;
        };
        return flavor == Flavor.CLOUD ? CloudErrors.of(status, message) : DcErrors.of(status, null, message, null);
    }
}

package dev.bitbridge.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Waits until an ingress reports ready, as a load balancer would before routing to it, so that start-up (JIT aside)
 * and the first connection to Kafka are not measured as slowness. Health is served on the ingress's management
 * interface, a port of its own; the public port answers only webhooks.
 */
final class IngressReadiness {

    /** The readiness check, relative to the management interface's base URL. */
    static final String PATH = "/q/health/ready";

    private static final long POLL_MILLIS = 250;

    private IngressReadiness() {
    }

    /**
     * @param managementUrl the management interface, e.g. {@code http://127.0.0.1:9000}
     * @param timeout how long to wait
     * @param child the ingress when this run started it, so that its exit fails the wait at once; else {@code null}
     * @param hint where to look when the wait fails, e.g. {@code see bench/target/ingress.log}
     * @throws IllegalStateException when the child exits or the timeout passes
     */
    static void await(String managementUrl, Duration timeout, Process child, String hint) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        URI uri = URI.create(managementUrl + PATH);
        HttpRequest ready = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).GET().build();
        long deadline = System.nanoTime() + timeout.toNanos();
        int lastStatus = -1;
        while (System.nanoTime() < deadline) {
            if (child != null && !child.isAlive()) {
                throw new IllegalStateException("The ingress exited with code " + child.exitValue()
                        + " before it was ready; " + hint);
            }
            try {
                lastStatus = http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode();
                if (lastStatus == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for the ingress", e);
            }
            sleep();
        }
        throw new IllegalStateException("The ingress was not ready within " + timeout.toSeconds()
                + " s (last status of " + uri + ": " + (lastStatus < 0 ? "no answer" : lastStatus) + "); " + hint);
    }

    private static void sleep() {
        try {
            Thread.sleep(POLL_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the ingress", e);
        }
    }
}

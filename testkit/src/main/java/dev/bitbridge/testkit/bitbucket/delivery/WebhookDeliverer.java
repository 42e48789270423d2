package dev.bitbridge.testkit.bitbucket.delivery;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import dev.bitbridge.testkit.bitbucket.Delivery;
import dev.bitbridge.testkit.bitbucket.Flavor;
import dev.bitbridge.testkit.bitbucket.model.Hook;
import dev.bitbridge.testkit.bitbucket.model.SimClock;

/**
 * Posts webhook bodies to hook URLs on a background thread (or several, see {@link #concurrency}), with the flavor's
 * headers, and records every attempt.
 * Cloud retries an attempt answered with 5xx up to two more times, at once; Data Center does not retry. Cloud waits 10
 * s for an answer.
 */
public final class WebhookDeliverer implements AutoCloseable {

    private static final int CLOUD_ATTEMPTS = 3;
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final DateTimeFormatter EVENT_TIME = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

    private final Flavor flavor;
    private final SimClock clock;
    private volatile ExecutorService executor = executor(1);
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();
    private int pending;

    public WebhookDeliverer(Flavor flavor, SimClock clock) {
        this.flavor = flavor;
        this.clock = clock;
    }

    /**
     * Sends up to {@code threads} deliveries at once from now on (default 1: one at a time, in the order the events
     * happened). Bitbucket itself sends webhooks from a pool, so a receiver under load sees several at once; a
     * harness offering a fixed rate needs that too. Deliveries already queued are still sent, by the old thread(s).
     */
    public void concurrency(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("at least one delivery thread, was " + threads);
        }
        ExecutorService old = executor;
        executor = executor(threads);
        old.shutdown();
    }

    private static ExecutorService executor(int threads) {
        java.util.concurrent.atomic.AtomicInteger n = new java.util.concurrent.atomic.AtomicInteger();
        return Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, threads == 1 ? "bitbucket-sim-webhooks"
                    : "bitbucket-sim-webhooks-"
                            + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Queues a delivery. The hook's URL and secret are read now, as Bitbucket reads them when the event happens.
     *
     * @param signed whether to sign when the hook has a secret (Data Center's ping is never signed)
     */
    public void deliver(Hook hook, String eventKey, byte[] body, boolean signed) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put("X-Event-Key", eventKey);
        String requestId = UUID.randomUUID().toString();
        if (flavor == Flavor.CLOUD) {
            headers.put("User-Agent", "Bitbucket-Webhooks/2.0");
            headers.put("X-Hook-UUID", hook.id.replace("{", "").replace("}", ""));
            headers.put("X-Request-UUID", requestId);
            headers.put("X-Event-Time", EVENT_TIME.format(clock.now()));
        } else {
            headers.put("X-Request-Id", requestId);
        }
        if (signed && hook.secret != null && !hook.secret.isEmpty()) {
            headers.put("X-Hub-Signature", Signature.of(hook.secret, body));
        }
        String url = hook.url;
        synchronized (this) {
            pending++;
        }
        executor.execute(() -> {
            try {
                send(hook.id, url, eventKey, requestId, headers, body);
            } finally {
                synchronized (this) {
                    pending--;
                    notifyAll();
                }
            }
        });
    }

    private void send(String hookId, String url, String eventKey, String requestId, Map<String, String> headers,
            byte[] body) {
        int attempts = flavor == Flavor.CLOUD ? CLOUD_ATTEMPTS : 1;
        for (int attempt = 1; attempt <= attempts; attempt++) {
            Map<String, String> sent = new LinkedHashMap<>(headers);
            if (flavor == Flavor.CLOUD) {
                sent.put("X-Attempt-Number", Integer.toString(attempt));
            }
            long sentNanos = System.nanoTime();
            int status = post(url, sent, body);
            long answeredNanos = System.nanoTime();
            Map<String, List<String>> recorded = new LinkedHashMap<>();
            sent.forEach((k, v) -> recorded.put(k, List.of(v)));
            deliveries.add(new Delivery(hookId, url, eventKey, requestId, attempt, status, recorded, body.clone(),
                    sentNanos, answeredNanos));
            if (status < 500) {
                return;
            }
        }
    }

    private int post(String url, Map<String, String> headers, byte[] body) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body));
            headers.forEach(request::header);
            return client.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        } catch (Exception e) {
            // Refused connections and timeouts are what a receiver sees as "no delivery"; recorded as -1.
            return -1;
        }
    }

    /** @return every attempt so far, oldest first */
    public List<Delivery> deliveries() {
        return new ArrayList<>(deliveries);
    }

    /**
     * Waits until every queued delivery has been attempted (retries included).
     *
     * @return whether that happened within the timeout
     */
    public synchronized boolean awaitIdle(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (pending > 0) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return true;
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}

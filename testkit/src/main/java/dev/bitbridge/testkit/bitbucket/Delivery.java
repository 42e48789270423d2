package dev.bitbridge.testkit.bitbucket;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * One delivery attempt of a webhook, as the simulator made it.
 *
 * @param hookId the hook's id (see {@link HookView#id()})
 * @param url the URL posted to
 * @param eventKey {@code X-Event-Key}
 * @param requestId {@code X-Request-UUID} (Cloud) or {@code X-Request-Id} (Data Center)
 * @param attempt 1 for the first attempt, 2 and 3 for Cloud's retries after a 5xx
 * @param statusCode the receiver's status, or -1 when no answer came (connection refused, timeout)
 * @param headers the request headers sent
 * @param body the request body sent, byte for byte
 * @param sentNanos {@link System#nanoTime()} when the attempt was sent, for a harness in the simulator's JVM that
 *        times deliveries (e.g. how long a queued delivery waited to be sent)
 * @param answeredNanos {@link System#nanoTime()} when the receiver's answer came (its status line and headers), or
 *        when the attempt failed without one
 */
public record Delivery(String hookId, String url, String eventKey, String requestId, int attempt, int statusCode,
        Map<String, List<String>> headers, byte[] body, long sentNanos, long answeredNanos) {

    /** @return the first value of a request header sent, or {@code null} */
    public String header(String name) {
        return headers.entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase(name))
                .map(e -> e.getValue().get(0))
                .findFirst()
                .orElse(null);
    }

    /** @return the body as UTF-8 text */
    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }
}

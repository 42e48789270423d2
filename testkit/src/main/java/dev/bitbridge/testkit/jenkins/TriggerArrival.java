package dev.bitbridge.testkit.jenkins;

import java.util.Map;

/**
 * One trigger request ({@code POST …/buildWithParameters} or {@code …/build}) as it reached the simulator, for a
 * harness that times what a client sends: when it arrived, what it asked for and what it was answered.
 *
 * @param path the raw path, e.g. {@code /job/app/buildWithParameters}
 * @param parameters the first value of each parameter sent, from the query and an urlencoded form body, in order
 * @param status the status answered (201 queued, 303 merged, else refused)
 * @param arrivedNanos {@link System#nanoTime()} when the simulator began to handle it, before any configured latency
 *        or fault: the request had been read whole by then
 */
public record TriggerArrival(String path, Map<String, String> parameters, int status, long arrivedNanos) {

    public TriggerArrival {
        parameters = Map.copyOf(parameters);
    }

    /** @return whether Jenkins queued it (201) or merged it into a waiting item (303) */
    public boolean accepted() {
        return status == 201 || status == 303;
    }

    /** @return whether a request to this raw path is a trigger */
    static boolean isTrigger(String method, String path) {
        return "POST".equals(method) && (path.endsWith("/buildWithParameters") || path.endsWith("/build"));
    }
}

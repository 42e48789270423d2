package dev.bitbridge.launcher;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Asks each running service's liveness check ({@code /q/health/live} on its management port) as a Kubernetes liveness
 * probe would: a service that answers DOWN three times in a row is broken beyond what waiting can fix (a loop that
 * hangs, a consumer that stopped, ADR 7) and is to be restarted, its state being in Kafka and PostgreSQL. Only an
 * answer counts: a service that does not answer in time (busy, or collecting garbage) is left alone, and one that
 * exited is the supervisor's business.
 */
final class LivenessWatch {

    /** How often the supervisor asks, as a Kubernetes probe's {@code periodSeconds}. */
    static final Duration INTERVAL = Duration.ofSeconds(10);
    /** DOWN answers in a row before a restart, as a probe's {@code failureThreshold}. */
    static final int DOWN_ANSWERS_BEFORE_RESTART = 3;

    /** What one look found. */
    enum Kind {
        /** It answered UP. */
        UP,
        /** It answered DOWN, not yet often enough in a row to restart it. */
        DOWN,
        /** It answered DOWN {@link #DOWN_ANSWERS_BEFORE_RESTART} times in a row: restart it. */
        RESTART,
        /** No answer (a timeout, a refused connection): nothing is concluded. */
        NO_ANSWER
    }

    /**
     * @param kind what was found
     * @param detail the failing checks and what they say, for the status table and the log
     */
    record Verdict(Kind kind, String detail) {
    }

    /** An HTTP answer: status and body. */
    record Answer(int status, String body) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Function<URI, Optional<Answer>> probe;
    private final Map<String, Integer> downsInARow = new ConcurrentHashMap<>();

    LivenessWatch() {
        this(LivenessWatch::get);
    }

    LivenessWatch(Function<URI, Optional<Answer>> probe) {
        this.probe = probe;
    }

    /** @return the liveness URL of a service whose management interface listens on {@code managementPort} */
    static URI url(int managementPort) {
        return URI.create("http://localhost:" + managementPort + "/q/health/live");
    }

    /**
     * Looks once.
     *
     * @param service the service's name
     * @param url its liveness URL
     */
    Verdict check(String service, URI url) {
        Optional<Answer> answer = probe.apply(url);
        if (answer.isEmpty()) {
            return new Verdict(Kind.NO_ANSWER, "");
        }
        if (answer.get().status() == 200) {
            downsInARow.remove(service);
            return new Verdict(Kind.UP, "");
        }
        int downs = downsInARow.merge(service, 1, Integer::sum);
        String detail = "liveness DOWN (" + downs + " in a row): " + failing(answer.get());
        if (downs >= DOWN_ANSWERS_BEFORE_RESTART) {
            downsInARow.remove(service);
            return new Verdict(Kind.RESTART, detail);
        }
        return new Verdict(Kind.DOWN, detail);
    }

    /** Forgets what was counted for a service: it was started again. */
    void reset(String service) {
        downsInARow.remove(service);
    }

    /** @return the DOWN checks of a health answer with their data, or the HTTP status when it is not one */
    static String failing(Answer answer) {
        try {
            JsonNode checks = JSON.readTree(answer.body()).path("checks");
            List<String> down = new ArrayList<>();
            for (JsonNode check : checks) {
                if ("DOWN".equals(check.path("status").asText())) {
                    JsonNode data = check.path("data");
                    down.add(check.path("name").asText("?") + (data.isObject() && !data.isEmpty() ? " " + data : ""));
                }
            }
            if (!down.isEmpty()) {
                String text = String.join("; ", down);
                return text.length() <= 400 ? text : text.substring(0, 400) + "…";
            }
        } catch (IOException | RuntimeException e) {
            // not a health answer: say what was answered
        }
        return "HTTP " + answer.status();
    }

    private static Optional<Answer> get(URI url) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(5))
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
            return Optional.of(new Answer(response.statusCode(), response.body()));
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}

package dev.bitbridge.testkit.bitbucket;

import java.util.ArrayList;
import java.util.List;

/** Every request a simulator answered, oldest first. Thread-safe. */
final class RequestLog {

    private final List<RecordedRequest> requests = new ArrayList<>();

    synchronized void add(RecordedRequest request) {
        requests.add(request);
    }

    synchronized List<RecordedRequest> all() {
        return List.copyOf(requests);
    }

    synchronized long count(String method, String pathGlob) {
        return requests.stream().filter(r -> r.matches(method, pathGlob)).count();
    }

    synchronized void clear() {
        requests.clear();
    }
}

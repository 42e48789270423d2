package dev.bitbridge.bench.connector;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The connector's Prometheus metrics ({@code GET /q/metrics} on its management interface): read before and after a
 * run, so that its counters can be compared, and kept as text next to the summary.
 */
public final class ConnectorMetrics {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final URI uri;

    /** @param managementUrl the connector's management interface */
    public ConnectorMetrics(URI managementUrl) {
        this.uri = managementUrl.resolve("/q/metrics");
    }

    /** @return the metrics text, or an empty string when they cannot be read */
    public String scrape() {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? response.body() : "";
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    /**
     * @param text Prometheus text exposition
     * @return every sample's value by its name with labels, e.g. {@code kafka_producer_txn_commit_time_ns_total{…}}
     */
    public static Map<String, Double> parse(String text) {
        Map<String, Double> samples = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            String l = line.trim();
            if (l.isEmpty() || l.startsWith("#")) {
                continue;
            }
            int space = l.lastIndexOf(' ');
            if (space <= 0) {
                continue;
            }
            String name = l.substring(0, space).trim();
            String value = l.substring(space + 1).trim();
            // a timestamp may follow the value
            int inner = name.lastIndexOf(' ');
            if (inner > 0 && name.indexOf('}') < inner) {
                value = name.substring(inner + 1).trim();
                name = name.substring(0, inner).trim();
            }
            try {
                samples.put(name, Double.parseDouble(value));
            } catch (NumberFormatException e) {
                // not a sample line
            }
        }
        return samples;
    }
}

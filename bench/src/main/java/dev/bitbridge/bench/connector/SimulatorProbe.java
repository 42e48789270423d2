package dev.bitbridge.bench.connector;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import org.HdrHistogram.Histogram;

import dev.bitbridge.bench.LatencyStats;

/**
 * How fast the simulator answers the call a push costs most of — a commit's diffstat — over one keep-alive HTTP/1.1
 * connection, as the connector makes them: the floor under every enrichment that calls Bitbucket.
 */
public final class SimulatorProbe {

    private SimulatorProbe() {
    }

    /**
     * @param apiUrl the simulator's API base, e.g. {@code http://127.0.0.1:1234/2.0}
     * @param repository a repository's full name
     * @param hash a commit of it
     * @param email the API token's account
     * @param token the API token
     * @param requests how many requests, one after another
     * @return their latencies
     */
    public static LatencyStats diffstat(String apiUrl, String repository, String hash, String email, String token,
            int requests) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        String auth = "Basic " + Base64.getEncoder().encodeToString((email + ":" + token).getBytes(
                StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(apiUrl + "/repositories/" + repository + "/diffstat/"
                + hash + "?pagelen=500")).header("Authorization", auth).timeout(Duration.ofSeconds(10)).GET().build();
        Histogram micros = new Histogram(LatencyStats.SIGNIFICANT_DIGITS);
        for (int i = 0; i < requests; i++) {
            long began = System.nanoTime();
            try {
                HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                if (response.statusCode() != 200) {
                    throw new IllegalStateException("The simulator answered " + response.statusCode() + " to "
                            + request.uri());
                }
            } catch (IOException e) {
                throw new IllegalStateException("The simulator did not answer " + request.uri() + ": " + e, e);
            }
            micros.recordValue(Math.max(1, (System.nanoTime() - began) / 1000));
        }
        return LatencyStats.of(micros);
    }
}

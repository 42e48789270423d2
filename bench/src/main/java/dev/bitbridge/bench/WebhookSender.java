package dev.bitbridge.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Pattern;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;

/**
 * Sends Bitbucket Cloud {@code repo:push} deliveries to the ingress over a pool of keep-alive HTTP/1.1 connections,
 * each with a fresh {@code X-Request-UUID} and the body's {@code X-Hub-Signature}.
 * <p>
 * Bodies repeat, so their signatures are computed once up front: the harness shares the CPU with the ingress and
 * Kafka, and the ingress still verifies every request.
 */
public final class WebhookSender implements AutoCloseable {

    private static final Pattern DUPLICATE = Pattern.compile("\"duplicate\"\\s*:\\s*true");
    static final String HOOK_UUID = "{" + UUID.nameUUIDFromBytes("bitbridge-bench".getBytes()) + "}";
    private static final long REQUEST_IDLE_TIMEOUT_MS = 30_000;

    private final HttpClient client;
    private final String host;
    private final int port;
    private final String uri;
    private final PayloadSet payloads;
    private final List<String> signatures;
    private final LongAdder accepted = new LongAdder();

    /**
     * @param vertx the Vert.x instance whose event loops run the client
     * @param baseUrl the ingress, {@code http://host:port}
     * @param integration the integration name in the path
     * @param token the integration's token
     * @param signer signs with the integration's secret
     * @param payloads the bodies to cycle through
     * @param connections the most connections to open
     */
    public WebhookSender(Vertx vertx, String baseUrl, String integration, String token, HmacSigner signer,
            PayloadSet payloads, int connections) {
        URI base = URI.create(baseUrl);
        this.host = base.getHost();
        this.port = base.getPort() > 0 ? base.getPort() : 80;
        this.uri = "/webhooks/bitbucket/" + integration + "?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
        this.payloads = payloads;
        this.signatures = payloads.payloads().stream().map(p -> signer.sign(p.body())).toList();
        this.client = vertx.createHttpClient(
                new HttpClientOptions()
                        .setProtocolVersion(HttpVersion.HTTP_1_1)
                        .setKeepAlive(true)
                        .setPipelining(false)
                        .setTcpNoDelay(true)
                        .setConnectTimeout(5_000),
                new PoolOptions().setHttp1MaxSize(connections));
    }

    /**
     * @param sequence picks the payload (cycling)
     * @return the outcome; never a failed future
     */
    public Future<Outcome> send(long sequence) {
        int index = (int) Math.floorMod(sequence, (long) payloads.payloads().size());
        WebhookPayload payload = payloads.payloads().get(index);
        RequestOptions request = new RequestOptions()
                .setMethod(HttpMethod.POST)
                .setHost(host)
                .setPort(port)
                .setURI(uri)
                .setIdleTimeout(REQUEST_IDLE_TIMEOUT_MS)
                .putHeader("Content-Type", "application/json")
                .putHeader("User-Agent", "Bitbucket-Webhooks/2.0")
                .putHeader("X-Event-Key", "repo:push")
                .putHeader("X-Request-UUID", RandomIds.uuid())
                .putHeader("X-Hook-UUID", HOOK_UUID)
                .putHeader("X-Attempt-Number", "1")
                .putHeader(HmacSigner.HEADER, signatures.get(index));
        return client.request(request)
                .compose(r -> r.send(Buffer.buffer(payload.body())))
                .compose(response -> response.body().map(body -> {
                    int status = response.statusCode();
                    if (status == Outcome.ACCEPTED) {
                        boolean duplicate = DUPLICATE.matcher(body.toString(StandardCharsets.UTF_8)).find();
                        if (!duplicate) {
                            accepted.increment();
                        }
                        return new Outcome(status, duplicate, duplicate ? body.toString(StandardCharsets.UTF_8) : "");
                    }
                    return new Outcome(status, false, body.toString(StandardCharsets.UTF_8));
                }))
                .otherwise(Outcome::failed);
    }

    /** @return every non-duplicate 202 this sender received, in any phase, counted or not */
    public long acceptedTotal() {
        return accepted.sum();
    }

    @Override
    public void close() {
        client.close().toCompletionStage().toCompletableFuture().join();
    }

}

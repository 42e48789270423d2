package dev.bitbridge.connector.bitbucket;

import java.net.URI;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.net.PemTrustOptions;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.ext.web.client.HttpRequest;
import io.vertx.mutiny.ext.web.client.HttpResponse;
import io.vertx.mutiny.ext.web.client.WebClient;

import dev.bitbridge.connector.config.ConnectorConfig;

/**
 * Sends requests to one Bitbucket with an integration's TLS settings and authorization, and turns every failure into
 * a {@link BitbucketException} that says what to fix. One HTTP client per integration, rebuilt when its TLS settings
 * change.
 */
@ApplicationScoped
public class BitbucketHttp {

    private final Vertx vertx;
    static final int MAX_REDIRECTS = 3;
    private static final java.util.Set<Integer> REDIRECTS = java.util.Set.of(301, 302, 303, 307, 308);

    private final ObjectMapper json;
    private final ConnectorConfig.Bitbucket settings;
    private final FailureTranslator failures;
    private final ConcurrentMap<String, WebClient> clients = new ConcurrentHashMap<>();

    BitbucketHttp(Vertx vertx, ObjectMapper json, ConnectorConfig config, FailureTranslator failures) {
        this.vertx = vertx;
        this.json = json;
        this.settings = config.bitbucket();
        this.failures = failures;
    }

    /**
     * @param target the Bitbucket to call
     * @param credential what authorizes the call; a renewable one gets one more try after a 401
     * @param method the HTTP method
     * @param url an absolute URL on the target's host
     * @param body a JSON body, or null
     * @return the answer when its status is 2xx
     */
    public Uni<BitbucketAnswer> call(BitbucketTarget target, BitbucketCredential credential, HttpMethod method,
            String url, Object body) {
        return credential.header()
                .chain(header -> send(target, header, method, url, body))
                .onFailure(f -> credential.renewable() && f instanceof BitbucketException e
                        && e.problem() == BitbucketProblem.BAD_CREDENTIALS && e.status() == 401)
                .recoverWithUni(() -> {
                    credential.invalidate();
                    return credential.header().chain(header -> send(target, header, method, url, body));
                });
    }

    private Uni<BitbucketAnswer> send(BitbucketTarget target, String authorization, HttpMethod method, String url,
            Object body) {
        return send(target, authorization, method, url, body, 0);
    }

    private Uni<BitbucketAnswer> send(BitbucketTarget target, String authorization, HttpMethod method, String url,
            Object body, int redirects) {
        HttpRequest<io.vertx.mutiny.core.buffer.Buffer> request = client(target).requestAbs(method, url)
                .putHeader("Authorization", authorization)
                .putHeader("Accept", "application/json")
                .timeout(settings.requestTimeout().toMillis());
        Uni<HttpResponse<io.vertx.mutiny.core.buffer.Buffer>> sent = body == null
                ? request.send()
                : request.putHeader("Content-Type", "application/json").sendBuffer(
                        io.vertx.mutiny.core.buffer.Buffer.newInstance(Buffer.buffer(bytes(body))));
        return sent
                .onFailure().transform(f -> failures.fromFailure(target, url, f))
                .chain(response -> {
                    String location = response.getHeader("Location");
                    if (method == HttpMethod.GET && REDIRECTS.contains(response.statusCode()) && location != null) {
                        return follow(target, authorization, url, location, redirects);
                    }
                    if (response.statusCode() / 100 != 2) {
                        return Uni.createFrom().failure(failures.fromAnswer(target, response.statusCode(),
                                response.headers().getDelegate(), response.bodyAsString()));
                    }
                    return Uni.createFrom().item(new BitbucketAnswer(parse(response.bodyAsString()),
                            response.headers().getDelegate()));
                });
    }

    /**
     * Follows a redirect Bitbucket answers a GET with (Cloud sends a pull request's diffstat to the repository's) —
     * only on the API's own scheme, host and port, so that the credential never goes anywhere else, and at most
     * {@value #MAX_REDIRECTS} times.
     */
    private Uni<BitbucketAnswer> follow(BitbucketTarget target, String authorization, String url, String location,
            int redirects) {
        String next = URI.create(url).resolve(location).toString();
        if (!sameOrigin(target.apiUrl(), next) || redirects >= MAX_REDIRECTS) {
            return Uni.createFrom().failure(new BitbucketException(BitbucketProblem.BITBUCKET_ERROR, "Bitbucket"
                    + " redirected to another host, or too often; the redirect was not followed"));
        }
        return send(target, authorization, HttpMethod.GET, next, null, redirects + 1);
    }

    /** @return whether {@code url} is on the same scheme, host and port as {@code base}: only those are followed */
    public static boolean sameOrigin(String base, String url) {
        try {
            URI a = URI.create(base);
            URI b = URI.create(url);
            return a.getScheme().equalsIgnoreCase(b.getScheme()) && a.getHost().equalsIgnoreCase(b.getHost())
                    && a.getPort() == b.getPort();
        } catch (RuntimeException e) {
            return false;
        }
    }

    private WebClient client(BitbucketTarget target) {
        return clients.compute(target.integration(), (name, existing) -> {
            if (existing != null && target.clientKey().equals(keys.get(name))) {
                return existing;
            }
            if (existing != null) {
                existing.close();
            }
            keys.put(name, target.clientKey());
            return WebClient.create(vertx, options(target));
        });
    }

    private final ConcurrentMap<String, String> keys = new ConcurrentHashMap<>();

    private WebClientOptions options(BitbucketTarget target) {
        WebClientOptions options = new WebClientOptions()
                .setConnectTimeout((int) settings.connectTimeout().toMillis())
                .setUserAgent("Bitbridge")
                .setFollowRedirects(false)
                .setKeepAlive(true)
                .setMaxPoolSize(settings.maxConnectionsPerHost());
        if (!target.verifyTls()) {
            options.setTrustAll(true).setVerifyHost(false);
        } else if (target.caBundle() != null) {
            options.setTrustOptions(new PemTrustOptions().addCertValue(Buffer.buffer(target.caBundle())));
        }
        return options;
    }

    private JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
        }
        try {
            return json.readTree(body);
        } catch (java.io.IOException e) {
            throw new BitbucketException(BitbucketProblem.BITBUCKET_ERROR, "Bitbucket answered something that is not"
                    + " JSON; is the base URL that of a Bitbucket server?");
        }
    }

    private byte[] bytes(Object body) {
        try {
            return json.writeValueAsBytes(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("A request body could not be written as JSON", e);
        }
    }

    /** Forgets the client of a deleted or changed integration. */
    public void forget(String integration) {
        WebClient client = clients.remove(integration);
        keys.remove(integration);
        if (client != null) {
            client.close();
        }
    }

    @PreDestroy
    void close() {
        clients.values().forEach(WebClient::close);
    }
}

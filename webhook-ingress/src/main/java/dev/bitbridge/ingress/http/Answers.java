package dev.bitbridge.ingress.http;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;

import dev.bitbridge.ingress.config.IngressConfig;
import dev.bitbridge.ingress.metrics.IngressMetrics;

/**
 * Writes every answer of the public port: the small JSON bodies of 202 and 200, and of every refusal, each counted by
 * its code. No answer carries the URI, a class name or a stack trace, whatever the client sent in {@code Accept}.
 */
@ApplicationScoped
public class Answers {

    private static final Logger LOG = Logger.getLogger(Answers.class);
    private static final String JSON = "application/json";

    private final IngressMetrics metrics;
    private final IngressConfig config;
    private final ConnectionCloser closer;
    private final ObjectMapper json;

    Answers(IngressMetrics metrics, IngressConfig config, ConnectionCloser closer, ObjectMapper json) {
        this.metrics = metrics;
        this.config = config;
        this.closer = closer;
        this.json = json;
    }

    /** Answers a refusal with its status, code and detail. */
    void reject(HttpServerRequest request, WebhookRejectedException refusal) {
        Rejection rejection = refusal.rejection();
        metrics.rejected(rejection);
        HttpServerResponse response = request.response();
        if (response.ended() || response.closed()) {
            return;
        }
        response.setStatusCode(rejection.status());
        switch (rejection) {
            case UNAUTHORIZED -> response.putHeader("WWW-Authenticate", "Bearer realm=\"bitbridge-webhooks\"");
            case METHOD_NOT_ALLOWED -> response.putHeader(HttpHeaders.ALLOW, "POST");
            default -> {
                if (rejection.retryable()) {
                    response.putHeader(HttpHeaders.RETRY_AFTER, String.valueOf(config.retryAfterSeconds()));
                }
            }
        }
        send(request, new ErrorBody(rejection.code(), refusal.getMessage()), !rejection.beforeAuthentication());
    }

    /** Answers an unexpected failure with 500; the failure is logged with an id the answer repeats, never the URI. */
    void internalError(HttpServerRequest request, String integration, Throwable failure) {
        String errorId = UUID.randomUUID().toString();
        LOG.errorf(failure, "Unexpected failure while answering a delivery to integration '%s' (error id %s)",
                integration, errorId);
        reject(request, new WebhookRejectedException(Rejection.INTERNAL_ERROR, "An unexpected error occurred; it is"
                + " logged with error id " + errorId + ". Nothing was stored; Bitbucket retries deliveries answered with"
                + " 5xx."));
    }

    /** Answers 202: the delivery is in Kafka. */
    void accepted(HttpServerRequest request, String eventId, boolean duplicate) {
        request.response().setStatusCode(202);
        send(request, new AcceptedBody(eventId, duplicate), true);
    }

    /** Answers Data Center's test connection. */
    void pong(HttpServerRequest request) {
        request.response().setStatusCode(200);
        send(request, new PingBody("pong"), true);
    }

    private void send(HttpServerRequest request, Object body, boolean authenticated) {
        HttpServerResponse response = request.response();
        if (response.ended() || response.closed()) {
            return;
        }
        response.putHeader(HttpHeaders.CONTENT_TYPE, JSON);
        try {
            closer.end(request, Buffer.buffer(json.writeValueAsBytes(body)), authenticated);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write a JSON answer", e);
        }
    }

    /** @param status always {@code pong} */
    public record PingBody(String status) {
    }
}

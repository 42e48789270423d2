package dev.bitbridge.ingress.http;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.runtime.LaunchMode;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import dev.bitbridge.ingress.auth.TokenAuthenticator;
import dev.bitbridge.ingress.config.IngressConfig;
import dev.bitbridge.ingress.publish.WebhookIntake;
import dev.bitbridge.ingress.refusals.RefusalReporter;
import dev.bitbridge.platform.lifecycle.FatalErrors;

/**
 * Everything the public port serves: {@code POST /webhooks/bitbucket/{integration}}, and a JSON 404/405 for anything
 * else (health, metrics and OpenAPI live on the management port).
 * <p>
 * It is a Vert.x route ahead of every other handler of the main router, not a JAX-RS resource, because it must decide
 * about a request from its headers alone: JAX-RS reads the whole body before the resource method runs, so an
 * unauthenticated client could make the server buffer megabytes (ADR 0006). Here the body is read only after the
 * token and headers passed, within the limits of {@link BodyReader}.
 */
@ApplicationScoped
public class WebhookEndpoint {

    /** Before Quarkus's upload limit (-2) and body handlers; after the access log, which only observes. */
    static final int ROUTE_ORDER = Integer.MIN_VALUE + 2;
    /** Where Quarkus's HTTP server metrics look for the route template of a request. */
    private static final String METRICS_URI_TEMPLATE = "UrlPathTemplate";

    private final TokenAuthenticator authenticator;
    private final WebhookIntake intake;
    private final RefusalReporter refusals;
    private final Answers answers;
    private final BodyMemory bodyMemory;
    private final FatalErrors fatalErrors;
    private final Vertx vertx;
    private final long maxBodySize;
    private final Duration bodyTimeout;

    WebhookEndpoint(TokenAuthenticator authenticator, WebhookIntake intake, RefusalReporter refusals, Answers answers,
            BodyMemory bodyMemory, FatalErrors fatalErrors, Vertx vertx, IngressConfig config) {
        this.authenticator = authenticator;
        this.intake = intake;
        this.refusals = refusals;
        this.answers = answers;
        this.bodyMemory = bodyMemory;
        this.fatalErrors = fatalErrors;
        this.vertx = vertx;
        this.maxBodySize = config.maxBodySize().asLongValue();
        this.bodyTimeout = config.bodyTimeout();
    }

    void install(@Observes Router router) {
        router.route().order(ROUTE_ORDER).handler(this::handle).failureHandler(this::failure);
    }

    private void handle(RoutingContext context) {
        String path = context.request().path();
        if (LaunchMode.current() == LaunchMode.DEVELOPMENT && path != null && path.startsWith("/q/")) {
            context.next(); // the Dev UI, in development only
            return;
        }
        if (path != null && path.startsWith(WebhookPath.PREFIX)) {
            // The uri tag of Quarkus's HTTP metrics: never one series per integration name tried.
            Vertx.currentContext().putLocal(METRICS_URI_TEMPLATE, WebhookPath.TEMPLATE);
        }
        WebhookExchange exchange = new WebhookExchange(this, context.request());
        context.put(WebhookExchange.class.getName(), exchange);
        context.addEndHandler(done -> exchange.completed());
        exchange.start();
    }

    private void failure(RoutingContext context) {
        WebhookExchange exchange = context.get(WebhookExchange.class.getName());
        if (context.failure() == null) {
            // Vert.x itself refused the request (e.g. a path it cannot parse), with a status and no exception.
            Rejection rejection = Rejection.ofStatus(context.statusCode());
            answers.reject(context.request(), new WebhookRejectedException(rejection, "The request could not be"
                    + " processed (HTTP " + context.statusCode() + "). Webhooks are delivered to POST "
                    + WebhookPath.PREFIX + "<integration>."));
            if (exchange != null) {
                exchange.report(rejection);
            }
            return;
        }
        failed(context.request(), exchange == null ? null : exchange.integrationName(), context.failure());
        if (exchange != null) {
            exchange.report(Rejection.INTERNAL_ERROR);
        }
    }

    /** Answers an unexpected failure with 500; an {@link Error} also ends the process. */
    void failed(HttpServerRequest request, String integration, Throwable failure) {
        answers.internalError(request, integration, failure);
        if (failure instanceof Error error) {
            fatalErrors.handle("a webhook request", error);
        }
    }

    /** When even answering a failure failed: the connection is closed, an {@link Error} still ends the process. */
    void lastResort(HttpServerRequest request, Throwable failure) {
        request.connection().close();
        if (failure instanceof Error error) {
            fatalErrors.handle("answering a webhook request", error);
        }
    }

    TokenAuthenticator authenticator() {
        return authenticator;
    }

    WebhookIntake intake() {
        return intake;
    }

    RefusalReporter refusals() {
        return refusals;
    }

    Answers answers() {
        return answers;
    }

    BodyMemory bodyMemory() {
        return bodyMemory;
    }

    Vertx vertx() {
        return vertx;
    }

    long maxBodySize() {
        return maxBodySize;
    }

    Duration bodyTimeout() {
        return bodyTimeout;
    }
}

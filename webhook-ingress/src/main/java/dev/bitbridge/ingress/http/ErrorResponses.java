package dev.bitbridge.ingress.http;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import dev.bitbridge.ingress.config.IngressConfig;
import dev.bitbridge.ingress.metrics.IngressMetrics;

/** Builds every error answer of the edge — status, JSON body, headers — and counts it by reason. */
@ApplicationScoped
public class ErrorResponses {

    private final IngressMetrics metrics;
    private final IngressConfig config;

    ErrorResponses(IngressMetrics metrics, IngressConfig config) {
        this.metrics = metrics;
        this.config = config;
    }

    /**
     * @param rejection what kind of refusal
     * @param detail what is wrong and what to do
     * @return the answer, counted in the rejection metric
     */
    public Response answer(Rejection rejection, String detail) {
        metrics.rejected(rejection);
        Response.ResponseBuilder response = Response.status(rejection.status())
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ErrorBody(rejection.code(), detail));
        if (rejection == Rejection.UNAUTHORIZED) {
            response.header("WWW-Authenticate", "Bearer realm=\"bitbridge-webhooks\"");
        }
        if (rejection == Rejection.UNAVAILABLE) {
            response.header("Retry-After", String.valueOf(config.retryAfterSeconds()));
        }
        return response.build();
    }
}

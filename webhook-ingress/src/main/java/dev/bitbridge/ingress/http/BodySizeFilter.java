package dev.bitbridge.ingress.http;

import java.util.Optional;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import dev.bitbridge.ingress.config.IngressConfig;

/**
 * Refuses a webhook whose declared {@code Content-Length} is over {@code bitbridge.ingress.max-body-size} before the
 * resource runs. A body sent without a length (chunked) is measured by {@link WebhookResource} once read.
 */
public class BodySizeFilter {

    private final IngressConfig config;
    private final ErrorResponses rejections;

    BodySizeFilter(IngressConfig config, ErrorResponses rejections) {
        this.config = config;
        this.rejections = rejections;
    }

    @ServerRequestFilter(preMatching = true)
    public Optional<Response> rejectOversized(ContainerRequestContext request) {
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (length == null || !request.getUriInfo().getPath().startsWith(WebhookResource.PATH)) {
            return Optional.empty();
        }
        long limit = config.maxBodySize().asLongValue();
        long declared;
        try {
            declared = Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        if (declared <= limit) {
            return Optional.empty();
        }
        return Optional.of(rejections.answer(Rejection.BODY_TOO_LARGE, tooLarge(declared, limit)));
    }

    /** @return the detail of a 413 */
    static String tooLarge(long size, long limit) {
        return "The body is " + size + " bytes; this endpoint accepts at most " + limit
                + " bytes (bitbridge.ingress.max-body-size). Bitbucket itself does not deliver bodies over about 256 KB.";
    }
}

package dev.bitbridge.ingress.http;

import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Turns a {@link WebhookRejectedException} into its status and JSON body. */
public class RejectionMapper {

    private final ErrorResponses errors;

    RejectionMapper(ErrorResponses errors) {
        this.errors = errors;
    }

    @ServerExceptionMapper
    public Response toResponse(WebhookRejectedException e) {
        return errors.answer(e.rejection(), e.getMessage());
    }
}

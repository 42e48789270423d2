package dev.bitbridge.connector.bitbucket;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import dev.bitbridge.api.ApiError;

/** Answers every endpoint's {@link UpstreamFailure} the same way: its status, its code, and {@code Retry-After}. */
public class UpstreamFailureMapper {

    @ServerExceptionMapper
    Response answer(UpstreamFailure failure) {
        Response.ResponseBuilder answer = Response.status(failure.status()).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(ApiError.of(failure.code(), failure.getMessage()));
        failure.retryAfter().ifPresent(after -> answer.header("Retry-After", Long.toString(after.toSeconds())));
        return answer.build();
    }
}

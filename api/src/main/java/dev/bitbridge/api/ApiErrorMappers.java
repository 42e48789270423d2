package dev.bitbridge.api;

import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.inject.Singleton;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import dev.bitbridge.platform.lifecycle.FatalErrors;

/**
 * Turns every failure of an API call into a small JSON {@link ApiError}. Jackson's and Bean Validation's own messages
 * quote the submitted value, which may be a password, so they are never passed on: the answer names the field only.
 * <p>
 * A JVM {@link Error} is answered 500 like any unexpected failure, and then ends the process ({@link FatalErrors},
 * ADR 7).
 */
@Singleton
public class ApiErrorMappers {

    private static final Logger LOG = Logger.getLogger(ApiErrorMappers.class);

    private final FatalErrors fatalErrors;

    ApiErrorMappers(FatalErrors fatalErrors) {
        this.fatalErrors = fatalErrors;
    }

    @ServerExceptionMapper
    public Response refused(ApiException e) {
        return answer(e.status(), e.body());
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e) {
        List<ApiError.FieldProblem> problems = e.getConstraintViolations().stream()
                .map(v -> new ApiError.FieldProblem(FieldPaths.of(v), v.getMessage()))
                .sorted(Comparator.comparing(ApiError.FieldProblem::field))
                .toList();
        return answer(400, ApiException.invalid(problems).body());
    }

    /** Quarkus has its own mappers for these subtypes, which quote attribute names in its own shape. */
    @ServerExceptionMapper
    public Response mismatched(com.fasterxml.jackson.databind.exc.MismatchedInputException e) {
        return unreadable(e);
    }

    @ServerExceptionMapper
    public Response unparsable(com.fasterxml.jackson.core.JsonParseException e) {
        return unreadable(e);
    }

    @ServerExceptionMapper
    public Response unreadable(JsonProcessingException e) {
        if (e instanceof com.fasterxml.jackson.core.io.JsonEOFException
                || String.valueOf(e.getOriginalMessage()).startsWith("Unexpected end-of-input")) {
            return answer(400, ApiError.of("malformed_json", "The body ends before its JSON is complete"));
        }
        if (e instanceof UnrecognizedPropertyException unknown) {
            return answer(400, ApiException.invalid(pathOf(unknown), "is not a known field; check its spelling"
                    + " against the API description (/q/openapi on the management port)").body());
        }
        if (e instanceof InvalidFormatException format) {
            return answer(400, ApiException.invalid(pathOf(format), "has the wrong type: expected "
                    + describe(format.getTargetType())).body());
        }
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            return answer(400, ApiException.invalid(pathOf(mapping), "has the wrong type or shape").body());
        }
        return answer(400, ApiError.of("malformed_json", "The body is not valid JSON (line "
                + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")"));
    }

    @ServerExceptionMapper
    public Response unauthenticated(io.quarkus.security.AuthenticationFailedException e) {
        return unauthorized();
    }

    @ServerExceptionMapper
    public Response unauthorized(io.quarkus.security.UnauthorizedException e) {
        return unauthorized();
    }

    @ServerExceptionMapper
    public Response forbidden(io.quarkus.security.ForbiddenException e) {
        return answer(403, ApiError.of("forbidden", "Your token lacks the role this call needs (admin for details"
                + " and changes, reader or admin for lists)"));
    }

    private static Response unauthorized() {
        return Response.status(401).type(MediaType.APPLICATION_JSON_TYPE).header("WWW-Authenticate", "Bearer")
                .entity(ApiError.of("unauthorized", "Send Authorization: Bearer <token>: the admin API token"
                        + " (./bitbridge up prints it) or an access token of the configured OIDC issuer"))
                .build();
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, io.vertx.core.http.HttpServerResponse response) {
        if (e.getCause() instanceof JsonProcessingException unreadable) {
            return unreadable(unreadable);
        }
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e, response);
        }
        String code = switch (status) {
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 404 -> "not_found";
            case 405 -> "method_not_allowed";
            case 406 -> "not_acceptable";
            case 415 -> "unsupported_media_type";
            default -> "bad_request";
        };
        String detail = switch (status) {
            case 404 -> "No such resource; see the API description (/q/openapi on the management port)";
            case 405 -> "This resource does not accept that method";
            case 415 -> "Send the body as application/json";
            case 406 -> "This API answers application/json only";
            default -> "The request was refused (HTTP " + status + ")";
        };
        return answer(status, ApiError.of(code, detail));
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
    public Response unexpected(Throwable e, io.vertx.core.http.HttpServerResponse response) {
        if (e instanceof Error error) {
            String id = UUID.randomUUID().toString();
            fatalErrors.handle("an API call (error id " + id + ")", error);
            return internalError(id);
        }
        if (e instanceof java.io.IOException && "Request too large".equals(e.getMessage())) {
            // A chunked body grew over quarkus.http.limits.max-body-size while being read: Vert.x has answered 413
            // and closed the connection, so there is nothing left to write and nothing went wrong here.
            LOG.debug("A request body over quarkus.http.limits.max-body-size was refused with 413");
            return response.ended() ? null
                    : answer(413, ApiError.of("body_too_large", "The request body is over the 1 MiB limit"));
        }
        String id = UUID.randomUUID().toString();
        LOG.errorf(e, "API call failed unexpectedly (error id %s)", id);
        return internalError(id);
    }

    private static Response internalError(String id) {
        return answer(500, ApiError.of("internal_error", "Something went wrong inside the service; its log has the"
                + " details under error id " + id));
    }

    static Response answer(int status, ApiError body) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
    }

    private static String pathOf(JsonMappingException e) {
        return e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    private static String describe(Class<?> type) {
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "a number";
        }
        if (type.isEnum()) {
            return "one of " + java.util.Arrays.toString(type.getEnumConstants());
        }
        return type == String.class ? "a string" : "a JSON " + type.getSimpleName();
    }
}

package dev.bitbridge.testkit.bitbucket.http;

import java.util.Collection;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Cloud's error bodies: {@code {"type": "error", "error": {"message": ..., "detail": ..., "fields": ...}}}.
 * Messages are the ones Bitbucket sends where they are known from captured answers.
 */
public final class CloudErrors {

    /** Bitbucket's answer for an unknown repository, also for one the caller may not see. */
    public static final String NO_REPOSITORY = "You may not have access to this repository or it no longer exists "
            + "in this workspace. If you think this repository exists and you have access, make sure you are "
            + "authenticated.";
    /** Bitbucket's 401 for a bearer token it does not accept. */
    public static final String TOKEN_INVALID = "Token is invalid, expired, or not supported for this endpoint.";
    /** Bitbucket's 401 for an expired OAuth access token. */
    public static final String TOKEN_EXPIRED = "Access token expired. Use your refresh token to obtain a new access "
            + "token.";
    /** Bitbucket's 403 for a credential lacking a scope. */
    public static final String SCOPES = "Your credentials lack one or more required privilege scopes.";

    private CloudErrors() {
    }

    public static ObjectNode body(String message) {
        ObjectNode body = Json.object().put("type", "error");
        body.putObject("error").put("message", message);
        return body;
    }

    public static SimResponse of(int status, String message) {
        return SimResponse.json(status, body(message));
    }

    public static SimResponse notFound(String message) {
        return of(404, message);
    }

    /** 401 with Basic realm, as Bitbucket answers refused credentials. */
    public static SimResponse unauthorized(String message) {
        return of(401, message).header("WWW-Authenticate", "Basic realm=\"Bitbucket.org HTTP\"");
    }

    /** 403 naming the scopes required and those granted. */
    public static SimResponse missingScopes(Collection<String> required, Collection<String> granted) {
        ObjectNode body = body(SCOPES);
        ObjectNode detail = ((ObjectNode) body.get("error")).putObject("detail");
        detail.putArray("required").addAll(required.stream().map(Json.MAPPER.getNodeFactory()::textNode).toList());
        detail.putArray("granted").addAll(granted.stream().sorted().map(Json.MAPPER.getNodeFactory()::textNode)
                .toList());
        return SimResponse.json(403, body);
    }

    /** 400 with per-field messages, e.g. {@code {"url": ["This field is required."]}}. */
    public static SimResponse badRequest(String message, Map<String, String> fields) {
        ObjectNode body = body(message);
        if (fields != null && !fields.isEmpty()) {
            ObjectNode f = ((ObjectNode) body.get("error")).putObject("fields");
            fields.forEach((k, v) -> f.putArray(k).add(v));
        }
        return SimResponse.json(400, body);
    }
}

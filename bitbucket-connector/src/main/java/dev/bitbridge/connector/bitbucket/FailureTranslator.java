package dev.bitbridge.connector.bitbucket;

import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeoutException;

import javax.net.ssl.SSLException;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.vertx.core.MultiMap;

import dev.bitbridge.connector.credentials.CredentialKind;
import dev.bitbridge.events.webhook.BitbucketFlavor;

/**
 * Turns Bitbucket's answers and connection failures into {@link BitbucketException}s that say what to fix. Only
 * Bitbucket's own error text (with anything that looks like a credential redacted, see {@link QuotedText}) and the
 * request's host are quoted, never a header or a credential.
 */
@ApplicationScoped
public class FailureTranslator {

    static final String APP_PASSWORDS_REMOVED = "Bitbucket Cloud refused the app password: Atlassian removed app"
            + " passwords on 2026-07-28. Create an API token with scopes (Atlassian account settings > Security >"
            + " API tokens; it is used with your account email, kind cloud-api-token) or a workspace, project or"
            + " repository access token (kind cloud-access-token), and update the integration's credentials.";

    private final ObjectMapper json;

    FailureTranslator(ObjectMapper json) {
        this.json = json;
    }

    /** @return the failure an answer with a non-2xx status means */
    public BitbucketException fromAnswer(BitbucketTarget target, int status, MultiMap headers, String body) {
        Optional<JsonNode> error = parse(body);
        String said = error.flatMap(FailureTranslator::message).map(m -> " Bitbucket said: \"" + m + "\"").orElse("");
        if (status == 401 && error.map(FailureTranslator::isDataCenterPermissionDenial).orElse(false)) {
            // Data Center answers a missing permission with 401 and an AuthorisationException, not with 403.
            return new BitbucketException(BitbucketProblem.FORBIDDEN, status, "The credential is valid but lacks a"
                    + " permission for this." + said, Optional.empty(), List.of());
        }
        return switch (status) {
            case 401 -> new BitbucketException(BitbucketProblem.BAD_CREDENTIALS, status, badCredentials(target),
                    Optional.empty(), List.of());
            case 403 -> {
                List<String> required = error.map(FailureTranslator::requiredScopes).orElse(List.of());
                yield required.isEmpty()
                        ? new BitbucketException(BitbucketProblem.FORBIDDEN, status, "The credential is valid but may"
                                + " not do this: give its account or token the permission." + said, Optional.empty(),
                                List.of())
                        : new BitbucketException(BitbucketProblem.MISSING_SCOPE, status, "The credential lacks the"
                                + " scope(s) " + required + "." + said, Optional.empty(), required);
            }
            case 404 -> new BitbucketException(BitbucketProblem.NOT_FOUND, status, "Not found, or not visible to this"
                    + " credential." + said, Optional.empty(), List.of());
            case 429 -> {
                Optional<Duration> after = retryAfter(headers);
                yield new BitbucketException(BitbucketProblem.RATE_LIMITED, status, "Bitbucket's rate limit for this"
                        + " credential is used up; retry " + after.map(d -> "in " + d.toSeconds() + " s")
                                .orElse("later (Bitbucket counts requests per rolling hour)")
                        + ".", after, List.of());
            }
            default -> status >= 500
                    ? new BitbucketException(BitbucketProblem.BITBUCKET_ERROR, status, "Bitbucket failed (HTTP "
                            + status + "); try again later." + said, retryAfter(headers), List.of())
                    : new BitbucketException(BitbucketProblem.REFUSED, status, "Bitbucket refused the request (HTTP "
                            + status + ")." + said, Optional.empty(), List.of());
        };
    }

    /** @return the failure a request that got no answer means */
    public BitbucketException fromFailure(BitbucketTarget target, String url, Throwable failure) {
        if (failure instanceof BitbucketException known) {
            return known;
        }
        String where = hostOf(url);
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SSLException) {
                return new BitbucketException(BitbucketProblem.TLS, "The TLS connection to " + where + " failed: its"
                        + " certificate is not trusted (or TLS does not match). If the server uses a private CA, add"
                        + " the CA's PEM certificate as caBundle; verifyTls=false skips the check (for testing only).");
            }
            if (t instanceof UnknownHostException) {
                return new BitbucketException(BitbucketProblem.UNREACHABLE, "The host " + where + " is unknown:"
                        + " check the base URL and DNS.");
            }
            if (t instanceof ConnectException) {
                return new BitbucketException(BitbucketProblem.UNREACHABLE, "Nothing accepts connections at " + where
                        + ": check the base URL, the port and firewalls.");
            }
            if (t instanceof TimeoutException || t.getClass().getSimpleName().contains("Timeout")) {
                return new BitbucketException(BitbucketProblem.UNREACHABLE, where + " did not answer in time: check"
                        + " the base URL, proxies and firewalls.");
            }
        }
        return new BitbucketException(BitbucketProblem.UNREACHABLE, "The request to " + where + " failed ("
                + failure.getClass().getSimpleName() + ").");
    }

    private static String badCredentials(BitbucketTarget target) {
        if (target.kind() == CredentialKind.CLOUD_APP_PASSWORD) {
            return APP_PASSWORDS_REMOVED;
        }
        if (target.kind() == CredentialKind.CLOUD_API_TOKEN) {
            return "Bitbucket refused the API token (401): check the token, that it has not expired, that it was"
                    + " created with scopes, and that email is the Atlassian account's email address.";
        }
        return target.flavor() == BitbucketFlavor.CLOUD
                ? "Bitbucket refused the credentials (401): check that they are current and not expired or revoked."
                : "Bitbucket Data Center refused the credentials (401): check the token or password, and that the"
                        + " token has not expired.";
    }

    private Optional<JsonNode> parse(String body) {
        try {
            return body == null || body.isBlank() ? Optional.empty() : Optional.of(json.readTree(body));
        } catch (java.io.IOException e) {
            return Optional.empty();
        }
    }

    /** Cloud: {@code {"error": {"message": …}}}; Data Center: {@code {"errors": [{"message": …}]}}. */
    static Optional<String> message(JsonNode error) {
        String cloud = error.path("error").path("message").asText(null);
        String dc = error.path("errors").path(0).path("message").asText(null);
        String text = cloud != null ? cloud : dc;
        return Optional.ofNullable(text).map(QuotedText::safe);
    }

    static boolean isDataCenterPermissionDenial(JsonNode error) {
        return error.path("errors").path(0).path("exceptionName").asText("").endsWith(".AuthorisationException");
    }

    /** Cloud names missing scopes in {@code error.detail.required}. */
    static List<String> requiredScopes(JsonNode error) {
        List<String> scopes = new ArrayList<>();
        error.path("error").path("detail").path("required").forEach(s -> scopes.add(s.asText()));
        return scopes;
    }

    private static Optional<Duration> retryAfter(MultiMap headers) {
        String value = headers.get("Retry-After");
        try {
            return value == null ? Optional.empty() : Optional.of(Duration.ofSeconds(Long.parseLong(value.trim())));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static String hostOf(String url) {
        try {
            URI uri = URI.create(url);
            return uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "");
        } catch (RuntimeException e) {
            return "the server";
        }
    }
}

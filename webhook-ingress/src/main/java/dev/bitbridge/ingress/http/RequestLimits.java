package dev.bitbridge.ingress.http;

import java.util.Map;

import io.vertx.core.http.HttpServerRequest;

/**
 * Limits on the request line and headers, checked before anything else so that an oversized request gets the same
 * small JSON answer as every other refusal. Netty's own decoder limits (application.properties:
 * {@code quarkus.http.limits.max-initial-line-length} and {@code max-header-size}) are set above these; only a request
 * beyond those gets Netty's bare 414/431, before any of our code runs.
 */
final class RequestLimits {

    /** Longest request URI (path and query); a webhook URL is well under 200 characters. */
    static final int MAX_URI_LENGTH = 4096;
    /** Most bytes of header names and values together; Bitbucket sends well under 2 KiB. */
    static final int MAX_HEADER_BYTES = 16 * 1024;

    private RequestLimits() {
    }

    /** @throws WebhookRejectedException with 414 or 431 when a limit is exceeded */
    static void check(HttpServerRequest request) {
        if (request.uri().length() > MAX_URI_LENGTH) {
            throw new WebhookRejectedException(Rejection.URI_TOO_LONG, "The request URI is longer than " + MAX_URI_LENGTH
                    + " characters; a webhook URL is /webhooks/bitbucket/<integration>?token=<token>.");
        }
        int headerBytes = 0;
        for (Map.Entry<String, String> header : request.headers()) {
            headerBytes += header.getKey().length() + header.getValue().length() + 4;
        }
        if (headerBytes > MAX_HEADER_BYTES) {
            throw new WebhookRejectedException(Rejection.HEADERS_TOO_LARGE, "The request headers take more than "
                    + MAX_HEADER_BYTES + " bytes; Bitbucket's deliveries carry a few hundred.");
        }
    }
}

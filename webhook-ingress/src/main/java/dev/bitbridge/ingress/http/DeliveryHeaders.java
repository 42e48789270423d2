package dev.bitbridge.ingress.http;

import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Pattern;

import dev.bitbridge.events.webhook.BitbucketFlavor;

/**
 * Reads and validates Bitbucket's delivery headers, given as a lookup from header name to value. Values end up in Kafka
 * headers, record keys and logs, so each is
 * held to the characters Bitbucket actually uses.
 */
public final class DeliveryHeaders {

    public static final String EVENT_KEY = "X-Event-Key";
    public static final String HOOK_UUID = "X-Hook-UUID";
    public static final String ATTEMPT_NUMBER = "X-Attempt-Number";
    public static final String SIGNATURE = "X-Hub-Signature";

    private static final Pattern EVENT_KEY_FORMAT = Pattern.compile("[A-Za-z0-9_.:-]{1,100}");
    private static final Pattern ID_FORMAT = Pattern.compile("[A-Za-z0-9{}._:-]{1,128}");

    private DeliveryHeaders() {
    }

    /** @return the {@code X-Event-Key}, e.g. {@code repo:push} */
    public static String eventKey(Function<String, String> headers) {
        String key = headers.apply(EVENT_KEY);
        if (key == null || key.isBlank()) {
            throw new WebhookRejectedException(Rejection.EVENT_KEY_MISSING, "Header " + EVENT_KEY
                    + " is missing. Bitbucket sends it with every delivery (e.g. 'repo:push', 'pr:opened'); a request"
                    + " without it did not come from a Bitbucket webhook.");
        }
        if (!EVENT_KEY_FORMAT.matcher(key).matches()) {
            throw new WebhookRejectedException(Rejection.EVENT_KEY_MALFORMED, "Header " + EVENT_KEY
                    + " must be 1-100 letters, digits and '_', '.', ':', '-' (e.g. 'repo:push').");
        }
        return key;
    }

    /** @return the delivery id from the header the integration's flavor uses */
    public static String eventId(Function<String, String> headers, BitbucketFlavor flavor, String integration) {
        String header = flavor.eventIdHeader();
        String id = headers.apply(header);
        if (id == null || id.isBlank()) {
            BitbucketFlavor other = flavor == BitbucketFlavor.CLOUD ? BitbucketFlavor.DATACENTER : BitbucketFlavor.CLOUD;
            String hint = headers.apply(other.eventIdHeader()) != null
                    ? " The request carries " + other.eventIdHeader() + ", which Bitbucket " + name(other)
                            + " sends: if the webhook comes from " + name(other) + ", set the integration's flavor to '"
                            + other.id() + "'."
                    : "";
            throw new WebhookRejectedException(Rejection.EVENT_ID_MISSING, "Header " + header + " is missing; integration '"
                    + integration + "' is a Bitbucket " + name(flavor) + " integration, whose deliveries carry it." + hint);
        }
        if (!ID_FORMAT.matcher(id).matches()) {
            throw new WebhookRejectedException(Rejection.EVENT_ID_MALFORMED, "Header " + header
                    + " must be 1-128 letters, digits and '{', '}', '.', '_', ':', '-' (Bitbucket sends a UUID).");
        }
        return id;
    }

    /** @return the {@code X-Hook-UUID}, or {@code null} when absent */
    public static String hookUuid(Function<String, String> headers) {
        String uuid = headers.apply(HOOK_UUID);
        if (uuid == null || uuid.isEmpty()) {
            return null;
        }
        if (!ID_FORMAT.matcher(uuid).matches()) {
            throw new WebhookRejectedException(Rejection.HEADER_MALFORMED,
                    "Header " + HOOK_UUID + " must be a UUID, optionally in braces, as Bitbucket sends it.");
        }
        return uuid;
    }

    /** @return the {@code X-Attempt-Number}, or {@code null} when absent */
    public static Integer attempt(Function<String, String> headers) {
        String value = headers.apply(ATTEMPT_NUMBER);
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            int attempt = Integer.parseInt(value.trim());
            if (attempt >= 1 && attempt <= 1000) {
                return attempt;
            }
        } catch (NumberFormatException e) {
            // falls through to the rejection
        }
        throw new WebhookRejectedException(Rejection.HEADER_MALFORMED,
                "Header " + ATTEMPT_NUMBER + " must be a whole number from 1 to 1000, as Bitbucket sends it.");
    }

    /** Refuses a body that is not declared as JSON ({@code application/json} or {@code application/*+json}). */
    public static void requireJson(Function<String, String> headers) {
        String declared = headers.apply("Content-Type");
        if (!isJson(declared)) {
            throw new WebhookRejectedException(Rejection.UNSUPPORTED_MEDIA_TYPE, "Content-Type is "
                    + (declared == null || declared.isBlank() ? "missing" : "'" + declared + "'")
                    + "; webhooks must be sent as application/json (Bitbucket does so by default).");
        }
    }

    /**
     * @param headers the request headers
     * @param limit the largest body accepted
     * @return the declared {@code Content-Length}, or -1 when the body is chunked (or absent)
     * @throws WebhookRejectedException 413 when the declared length is over the limit, 400 when it is not a number
     */
    public static long contentLength(Function<String, String> headers, long limit) {
        if (headers.apply("Transfer-Encoding") != null) {
            return -1;
        }
        String value = headers.apply("Content-Length");
        if (value == null) {
            return -1;
        }
        long declared;
        try {
            declared = Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            declared = -1;
        }
        if (declared < 0) {
            throw new WebhookRejectedException(Rejection.HEADER_MALFORMED, "Content-Length must be a whole number.");
        }
        if (declared > limit) {
            throw new WebhookRejectedException(Rejection.BODY_TOO_LARGE, BodyLimits.tooLarge(limit));
        }
        return declared;
    }

    /** @return whether the client waits for {@code 100 Continue} before sending the body */
    public static boolean expectsContinue(Function<String, String> headers) {
        String expect = headers.apply("Expect");
        return expect != null && expect.trim().equalsIgnoreCase("100-continue");
    }

    private static boolean isJson(String declared) {
        if (declared == null) {
            return false;
        }
        int semicolon = declared.indexOf(';');
        String type = (semicolon < 0 ? declared : declared.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
        int slash = type.indexOf('/');
        if (slash < 0 || !type.substring(0, slash).equals("application")) {
            return false;
        }
        String subtype = type.substring(slash + 1);
        return subtype.equals("json") || (subtype.endsWith("+json") && subtype.length() > 5 && !subtype.contains("*"));
    }

    private static String name(BitbucketFlavor flavor) {
        return flavor == BitbucketFlavor.CLOUD ? "Cloud" : "Data Center";
    }
}

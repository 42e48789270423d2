package dev.bitbridge.connector.bitbucket;

import java.util.regex.Pattern;

/**
 * Makes text that Bitbucket wrote safe to quote in an answer or a log line. Bitbucket may echo what it was sent — a
 * webhook URL carries the integration's token in its query, an error may repeat an {@code Authorization} header or a
 * URL with user info — so every value that looks like a credential is replaced before the text leaves this class.
 */
public final class QuotedText {

    static final int MAX_LENGTH = 300;

    private static final String REDACTED = "[redacted]";

    /** {@code token=…}, {@code access_token=…}, {@code secret=…}, {@code password=…}, {@code code=…} in queries. */
    private static final Pattern SECRET_PARAMETER = Pattern.compile(
            "(?i)\\b((?:access_|refresh_|id_)?token|secret|client_secret|password|passwd|code|key)=([^&\\s\"'<>]+)");

    /** {@code "secret": "…"} and {@code "password": "…"} when Bitbucket quotes JSON back. */
    private static final Pattern SECRET_JSON_FIELD = Pattern
            .compile("(?i)(\"(?:secret|password|token|access_token|refresh_token)\"\\s*:\\s*\")([^\"]*)(\")");

    /** {@code Bearer …} and {@code Basic …} credentials. */
    private static final Pattern AUTHORIZATION = Pattern.compile("(?i)\\b(Bearer|Basic)\\s+[A-Za-z0-9._~+/=-]{8,}");

    /** {@code https://user:password@host}. */
    private static final Pattern USER_INFO = Pattern.compile("(?i)(\\b[a-z][a-z0-9+.-]*://)[^/@\\s]+@");

    private QuotedText() {
    }

    /** @return the text with credential-looking values replaced by {@code [redacted]}, shortened to 300 characters */
    public static String safe(String text) {
        String redacted = SECRET_PARAMETER.matcher(text).replaceAll("$1=" + REDACTED);
        redacted = SECRET_JSON_FIELD.matcher(redacted).replaceAll("$1" + REDACTED + "$3");
        redacted = AUTHORIZATION.matcher(redacted).replaceAll("$1 " + REDACTED);
        redacted = USER_INFO.matcher(redacted).replaceAll("$1" + REDACTED + "@");
        return redacted.length() > MAX_LENGTH ? redacted.substring(0, MAX_LENGTH) + "…" : redacted;
    }
}

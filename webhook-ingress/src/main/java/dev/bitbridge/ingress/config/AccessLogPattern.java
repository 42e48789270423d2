package dev.bitbridge.ingress.config;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides whether a Quarkus access-log pattern could write a webhook token. Bitbucket Cloud can only send the token in
 * the query string, and Data Center may send it in {@code Authorization}; Quarkus's default pattern ({@code common})
 * logs the whole request line, query included. Only attributes known to be safe are allowed: the path ({@code %R}),
 * never the URI ({@code %U}, {@code %r}, {@code %q}).
 */
public final class AccessLogPattern {

    private static final Pattern ATTRIBUTE = Pattern.compile("%(\\{[^}]*}|<?[A-Za-z])");
    private static final Set<String> SAFE_SHORT = Set.of("a", "A", "b", "B", "D", "h", "H", "I", "l", "m", "<m", "p",
            "R", "<R", "s", "t", "T", "u", "v");
    private static final Set<String> SAFE_LONG = Set.of("BYTES_SENT", "DATE_TIME", "LOCAL_IP", "LOCAL_PORT",
            "LOCAL_SERVER_NAME", "METHOD", "<METHOD", "PROTOCOL", "REMOTE_HOST", "REMOTE_IP", "REMOTE_USER",
            "REQUEST_PATH", "<REQUEST_PATH", "RESPONSE_CODE", "RESPONSE_TIME", "RESPONSE_TIME_MICROS",
            "RESPONSE_TIME_NANOS", "SCHEME", "SECURE", "THREAD_NAME", "TRANSPORT_PROTOCOL", "NULL");
    private static final Set<String> SECRET_HEADERS = Set.of("authorization", "proxy-authorization", "cookie");

    private AccessLogPattern() {
    }

    /** @return the first attribute of {@code pattern} that could log a token, or {@code null} when all are safe */
    public static String unsafeAttribute(String pattern) {
        String trimmed = pattern.trim();
        if (Set.of("common", "combined", "long").contains(trimmed)) {
            return trimmed + " (its request line %r includes the query string)";
        }
        int open = trimmed.lastIndexOf("%{");
        if (open >= 0 && trimmed.indexOf('}', open) < 0) {
            return trimmed.substring(open) + " (an attribute that is never closed)";
        }
        Matcher m = ATTRIBUTE.matcher(trimmed);
        while (m.find()) {
            String token = m.group(1);
            if (!safe(token)) {
                return "%" + token;
            }
        }
        return null;
    }

    private static boolean safe(String token) {
        if (!token.startsWith("{")) {
            return SAFE_SHORT.contains(token);
        }
        String inner = token.substring(1, token.length() - 1);
        if (inner.startsWith("time,") || inner.startsWith("o,") || inner.startsWith("X,")) {
            return true;
        }
        if (inner.startsWith("i,")) {
            return !SECRET_HEADERS.contains(inner.substring(2).trim().toLowerCase(Locale.ROOT));
        }
        return SAFE_LONG.contains(inner);
    }
}

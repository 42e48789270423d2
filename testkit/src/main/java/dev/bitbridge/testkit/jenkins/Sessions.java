package dev.bitbridge.testkit.jenkins;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;

/**
 * Web sessions and the crumbs bound to them ({@code DefaultCrumbIssuer}, jenkins.md "Authentication and CSRF"): a
 * crumb is a digest of the user's name, the session id and a salt, so it is valid only with the cookie of the session
 * it was issued for, and only for that user. The session cookie is named as Jenkins' Jetty names it,
 * {@code JSESSIONID.<8 hex>}. Sessions live in memory: a restart forgets them.
 */
final class Sessions {

    /** The crumb's header (and parameter) name, {@code crumbRequestField}. */
    static final String CRUMB_FIELD = "Jenkins-Crumb";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final String cookieName = "JSESSIONID." + hex(4);
    private final String salt = hex(16);
    private final Set<String> ids = new HashSet<>();
    private long counter;

    String cookieName() {
        return cookieName;
    }

    /** @return the id of a live session named in the {@code Cookie} header, or {@code null} */
    String fromCookies(String cookieHeader) {
        if (cookieHeader == null) {
            return null;
        }
        for (String pair : cookieHeader.split(";")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).trim().equals(cookieName)) {
                String id = pair.substring(eq + 1).trim();
                if (ids.contains(id)) {
                    return id;
                }
            }
        }
        return null;
    }

    /** @return a new session's id */
    String create() {
        String id = "node0" + hex(10) + (++counter) + ".node0";
        ids.add(id);
        return id;
    }

    /** @return the {@code Set-Cookie} value for a new session */
    String setCookie(String id) {
        return cookieName + "=" + id + "; Path=/; HttpOnly";
    }

    String crumb(String user, String sessionId) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((user + ";" + sessionId).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest.digest(salt.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    void clear() {
        ids.clear();
    }

    static String hex(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}

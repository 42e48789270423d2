package dev.bitbridge.ingress.auth;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * The webhook tokens a delivery presents. Bitbucket Cloud cannot add headers, so its token rides in {@code ?token=};
 * Data Center can also send {@code Authorization: Bearer <token>} or Basic auth with the token as password.
 */
public final class PresentedTokens {

    private PresentedTokens() {
    }

    /**
     * @param queryToken the {@code token} query parameter, may be {@code null}
     * @param authorization the {@code Authorization} header, may be {@code null}
     * @return every token presented, in that order; empty when none
     */
    public static List<String> of(String queryToken, String authorization) {
        List<String> tokens = new ArrayList<>(2);
        if (queryToken != null && !queryToken.isEmpty()) {
            tokens.add(queryToken);
        }
        String fromHeader = fromAuthorization(authorization);
        if (fromHeader != null && !fromHeader.isEmpty()) {
            tokens.add(fromHeader);
        }
        return tokens;
    }

    private static String fromAuthorization(String header) {
        if (header == null) {
            return null;
        }
        String value = header.trim();
        int space = value.indexOf(' ');
        if (space < 0) {
            return null;
        }
        String scheme = value.substring(0, space).toLowerCase(Locale.ROOT);
        String credentials = value.substring(space + 1).trim();
        if (scheme.equals("bearer")) {
            return credentials;
        }
        if (scheme.equals("basic")) {
            return basicPassword(credentials);
        }
        return null;
    }

    private static String basicPassword(String encoded) {
        try {
            String decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 ? null : decoded.substring(colon + 1);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}

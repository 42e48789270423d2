package dev.bitbridge.api;

import java.util.Optional;

import dev.bitbridge.platform.config.ConfigProblems;

/** The start-up check every service's admin token gets: present (unless another way in exists) and long enough. */
public final class AdminTokenCheck {

    public static final int MIN_LENGTH = 32;

    private AdminTokenCheck() {
    }

    /**
     * @param key the token's configuration key, e.g. {@code bitbridge.analyzer.api.admin-token}
     * @param token its value
     * @param otherAccess whether the API can be used without it (an OIDC issuer is configured)
     * @param withoutIt what nobody could do without it, for the message
     */
    public static void check(String key, Optional<String> token, boolean otherAccess, String withoutIt,
            ConfigProblems problems) {
        if (token.isEmpty() && !otherAccess) {
            problems.add(key, "is not set: nobody could " + withoutIt + "; set one of at least " + MIN_LENGTH
                    + " characters (e.g. `openssl rand -base64 32`)");
        }
        token.filter(t -> t.length() < MIN_LENGTH).ifPresent(t -> problems.add(key, "is shorter than " + MIN_LENGTH
                + " characters; generate one, e.g. `openssl rand -base64 32`"));
    }
}

package dev.bitbridge.credentials;

import java.util.regex.Pattern;

/**
 * Credential paths are slash-separated segments of lower-case letters, digits, dots, underscores and hyphens, e.g.
 * {@code integrations/acme-cloud/bitbucket}: safe as a Vault KV path and as a table key, and never a place to hide a
 * secret.
 */
public final class CredentialPaths {

    private static final Pattern SEGMENT = Pattern.compile("[a-z0-9][a-z0-9._-]{0,62}");
    private static final int MAX_LENGTH = 255;

    /** @return whether {@code path} is a valid credential path */
    public static boolean isValid(String path) {
        if (path == null || path.isEmpty() || path.length() > MAX_LENGTH) {
            return false;
        }
        for (String segment : path.split("/", -1)) {
            if (!SEGMENT.matcher(segment).matches() || segment.equals("..")) {
                return false;
            }
        }
        return true;
    }

    /**
     * @param path a candidate path
     * @return {@code path}
     * @throws IllegalArgumentException saying what a valid path looks like
     */
    public static String requireValid(String path) {
        if (!isValid(path)) {
            throw new IllegalArgumentException("Credential path '" + path + "' is invalid: use up to " + MAX_LENGTH
                    + " characters of slash-separated segments of lower-case letters, digits, '.', '_' and '-'");
        }
        return path;
    }

    private CredentialPaths() {
    }
}

package dev.bitbridge.testkit.jenkins;

/**
 * Who a request is from.
 *
 * @param name the user's id, or {@code anonymous}
 * @param viaApiToken whether HTTP Basic carried an API token (such requests need no CSRF crumb)
 */
record Caller(String name, boolean viaApiToken) {

    static final Caller ANONYMOUS = new Caller("anonymous", false);

    boolean anonymous() {
        return this == ANONYMOUS;
    }
}

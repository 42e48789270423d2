package dev.bitbridge.events.integration;

import java.util.regex.Pattern;

/**
 * Integration names appear in webhook URLs, record keys and metric tags, so they are restricted to lower-case letters,
 * digits and inner hyphens, 1 to 63 characters (a DNS label).
 */
public final class IntegrationNames {

    private static final Pattern VALID = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?");

    /** @return whether {@code name} is a valid integration name */
    public static boolean isValid(String name) {
        return name != null && VALID.matcher(name).matches();
    }

    /**
     * @param name a candidate name
     * @throws IllegalArgumentException saying what a valid name looks like
     */
    public static void requireValid(String name) {
        if (!isValid(name)) {
            throw new IllegalArgumentException("Integration name '" + name
                    + "' is invalid: use 1-63 lower-case letters, digits and inner hyphens, e.g. 'acme-cloud'");
        }
    }

    private IntegrationNames() {
    }
}

package dev.bitbridge.ingress.config;

import java.util.List;
import java.util.Map;

import dev.bitbridge.platform.config.ConfigProblems;

/**
 * Catches environment variables for integrations and sealing keys that the configuration would silently ignore.
 * <p>
 * A map key inside an environment variable is ambiguous: {@code BITBRIDGE_INGRESS_INTEGRATIONS_ACME_CLOUD_FLAVOR}
 * could be integration {@code acme-cloud} or {@code acme.cloud}, and SmallRye Config applies neither. Only a key
 * without underscores ({@code _ACME_FLAVOR}) or one quoted with double underscores ({@code __ACME_CLOUD__FLAVOR}) is
 * read. Anything else under these prefixes stops the service at start, naming the variable and its right spelling.
 */
public final class EnvironmentNames {

    static final String INTEGRATIONS = "BITBRIDGE_INGRESS_INTEGRATIONS_";
    static final String SEALING_KEYS = "BITBRIDGE_INGRESS_SEALING_KEYS_";
    /** Longest first, so that {@code TOKEN_HASH} is not read as {@code TOKEN}. */
    private static final List<String> INTEGRATION_SETTINGS = List.of("TOKEN_HASH", "FLAVOR", "ENABLED", "TOKEN", "SECRET");

    private EnvironmentNames() {
    }

    /**
     * @param environment the process environment
     * @param problems where each variable that would be ignored is reported
     */
    public static void check(Map<String, String> environment, ConfigProblems problems) {
        environment.keySet().stream().sorted().forEach(name -> {
            if (name.startsWith(INTEGRATIONS)) {
                checkIntegration(name, name.substring(INTEGRATIONS.length()), problems);
            } else if (name.startsWith(SEALING_KEYS)) {
                checkSealingKey(name, name.substring(SEALING_KEYS.length()), problems);
            }
        });
    }

    private static void checkIntegration(String variable, String rest, ConfigProblems problems) {
        boolean quoted = rest.startsWith("_");
        String setting = INTEGRATION_SETTINGS.stream()
                .filter(s -> rest.endsWith((quoted ? "__" : "_") + s))
                .findFirst().orElse(null);
        if (setting == null) {
            problems.add(variable, "is not a setting of a declared integration; end it with one of _FLAVOR, _ENABLED,"
                    + " _TOKEN, _TOKEN_HASH or _SECRET, e.g. " + INTEGRATIONS + "_ACME_CLOUD__FLAVOR for integration"
                    + " 'acme-cloud'");
            return;
        }
        // In "___FLAVOR" the quoted name is empty: its opening underscore also begins the "__" before the setting.
        String name = quoted
                ? rest.substring(1, Math.max(1, rest.length() - setting.length() - 2))
                : rest.substring(0, rest.length() - setting.length() - 1);
        if (name.isEmpty() || (!quoted && name.contains("_")) || (quoted && name.startsWith("_"))) {
            String segment = name.replaceAll("^_+", "");
            problems.add(variable, "is ignored by the configuration: an integration name with hyphens must stand between"
                    + " double underscores, e.g. " + INTEGRATIONS + "_" + segment + "__" + setting + " for integration '"
                    + segment.toLowerCase(java.util.Locale.ROOT).replace('_', '-') + "'");
        }
    }

    private static void checkSealingKey(String variable, String rest, ConfigProblems problems) {
        boolean quoted = rest.startsWith("_") && rest.endsWith("__") && rest.length() > 3;
        if (!quoted && (rest.isEmpty() || rest.contains("_"))) {
            String segment = rest.replaceAll("^_+|_+$", "");
            problems.add(variable, "is ignored by the configuration: a key id with hyphens must stand between double"
                    + " underscores, e.g. " + SEALING_KEYS + "_" + segment + "__ for key id '"
                    + segment.toLowerCase(java.util.Locale.ROOT).replace('_', '-') + "'");
        }
    }
}

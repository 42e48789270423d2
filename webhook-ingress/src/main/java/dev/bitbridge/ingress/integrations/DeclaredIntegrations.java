package dev.bitbridge.ingress.integrations;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.bitbridge.events.integration.IntegrationNames;
import dev.bitbridge.events.integration.TokenHash;
import dev.bitbridge.ingress.config.ConfigNames;
import dev.bitbridge.ingress.config.IngressConfig;
import dev.bitbridge.platform.config.ConfigProblems;

/**
 * Reads the integrations declared under {@code bitbridge.ingress.integrations.<name>.*}, checking each the way a
 * delivery would use it, so that a mistake stops the service at start with the key named rather than failing the
 * first webhook.
 */
public final class DeclaredIntegrations {

    static final String PREFIX = "bitbridge.ingress.integrations.";

    private DeclaredIntegrations() {
    }

    /**
     * @param config the ingress configuration
     * @param problems where mistakes are reported; integrations with a mistake are left out of the result
     * @return the usable declared integrations by name
     */
    public static Map<String, Integration> parse(IngressConfig config, ConfigProblems problems) {
        Map<String, Integration> out = new LinkedHashMap<>();
        Map<String, String> keyOfName = new LinkedHashMap<>();
        config.integrations().forEach((key, declared) -> {
            String prefix = PREFIX + key;
            String name = ConfigNames.normalize(key);
            if (!IntegrationNames.isValid(name)) {
                problems.add(prefix, "'" + name + "' is not a valid integration name; use 1-63 lower-case letters, digits"
                        + " and inner hyphens (in environment variables: BITBRIDGE_INGRESS_INTEGRATIONS__"
                        + ConfigNames.envSegment(name) + "__FLAVOR)");
                return;
            }
            String earlier = keyOfName.putIfAbsent(name, key);
            if (earlier != null) {
                problems.add(prefix, "integration '" + name + "' is also declared as '" + PREFIX + earlier
                        + "' (perhaps once in a file and once in an environment variable); declare each integration in"
                        + " one place");
                return;
            }
            String hash = tokenHash(prefix, declared, problems);
            byte[] secret = secret(prefix, declared, problems);
            if (hash != null && (secret != null || declared.secret().isEmpty())) {
                out.put(name, new Integration(name, declared.flavor(), declared.enabled(), hash, secret,
                        Integration.Origin.CONFIGURATION));
            }
        });
        return out;
    }

    private static String tokenHash(String prefix, IngressConfig.DeclaredIntegration declared, ConfigProblems problems) {
        if (declared.token().isPresent() == declared.tokenHash().isPresent()) {
            problems.add(prefix, "set exactly one of '.token' (the webhook token) or '.token-hash' (sha256:<hex> of it); "
                    + (declared.token().isPresent() ? "both are set" : "neither is set"));
            return null;
        }
        if (declared.token().isPresent()) {
            if (declared.token().get().isBlank()) {
                problems.add(prefix + ".token", "is empty; use a long random value");
                return null;
            }
            return TokenHash.of(declared.token().get());
        }
        String hash = declared.tokenHash().get();
        if (!TokenHash.isWellFormed(hash)) {
            problems.add(prefix + ".token-hash", "must be 'sha256:' followed by 64 lower-case hex digits (the SHA-256 of"
                    + " the token, e.g. from: printf %s \"$TOKEN\" | sha256sum)");
            return null;
        }
        return hash;
    }

    private static byte[] secret(String prefix, IngressConfig.DeclaredIntegration declared, ConfigProblems problems) {
        if (declared.secret().isEmpty()) {
            return null;
        }
        String secret = declared.secret().get();
        if (secret.isEmpty() || secret.length() > 128) {
            problems.add(prefix + ".secret", "must be 1-128 characters, as Bitbucket allows for a webhook secret");
            return null;
        }
        return secret.getBytes(StandardCharsets.UTF_8);
    }
}

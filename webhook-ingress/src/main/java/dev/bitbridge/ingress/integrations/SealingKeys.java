package dev.bitbridge.ingress.integrations;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.bitbridge.events.integration.IntegrationNames;
import dev.bitbridge.events.integration.SecretSealer;
import dev.bitbridge.ingress.config.ConfigNames;
import dev.bitbridge.ingress.config.IngressConfig;
import dev.bitbridge.platform.config.ConfigProblems;

/**
 * Reads {@code bitbridge.ingress.sealing-keys.<key-id>}: each must be base64 of exactly 32 bytes. Key ids follow the
 * rules of integration names (so that an environment variable can carry them: {@code key-2026} is
 * {@code BITBRIDGE_INGRESS_SEALING_KEYS__KEY_2026__}).
 */
public final class SealingKeys {

    static final String PREFIX = "bitbridge.ingress.sealing-keys.";

    private SealingKeys() {
    }

    /**
     * @param config the ingress configuration
     * @param problems where mistakes are reported, never quoting a key's value
     * @return a sealer holding every valid key
     */
    public static SecretSealer parse(IngressConfig config, ConfigProblems problems) {
        Map<String, String> valid = new LinkedHashMap<>();
        config.sealingKeys().forEach((key, value) -> {
            String id = ConfigNames.normalize(key);
            if (!IntegrationNames.isValid(id)) {
                problems.add(PREFIX + key, "'" + id + "' is not a valid key id; use 1-63 lower-case letters, digits and"
                        + " inner hyphens");
            } else if (decodedLength(value) != 32) {
                problems.add(PREFIX + key, "must be base64 of exactly 32 random bytes (e.g. from: openssl rand -base64"
                        + " 32); the value given is not");
            } else if (valid.putIfAbsent(id, value.trim()) != null) {
                problems.add(PREFIX + key, "key id '" + id + "' is given twice; give each key once");
            }
        });
        return new SecretSealer(valid);
    }

    private static int decodedLength(String base64) {
        try {
            return Base64.getDecoder().decode(base64.trim()).length;
        } catch (IllegalArgumentException e) {
            return -1;
        }
    }
}

package dev.bitbridge.credentials.config;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import dev.bitbridge.credentials.crypto.CredentialCipher;
import dev.bitbridge.platform.config.ConfigProblems;

/**
 * Reads {@code bitbridge.credentials.master-keys.<key-id>} and {@code bitbridge.credentials.active-master-key} into a
 * {@link CredentialCipher}. Environment variables cannot spell a hyphen, so dots and underscores in a key id are read as
 * hyphens: {@code k_2026} and {@code k.2026} are key {@code k-2026}, and so is the id stored with each credential.
 */
public final class MasterKeys {

    static final String KEYS = "bitbridge.credentials.master-keys";
    static final String ACTIVE = "bitbridge.credentials.active-master-key";
    private static final Pattern KEY_ID = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");

    private MasterKeys() {
    }

    /**
     * @param config the credential store's configuration
     * @param problems where mistakes are reported, naming the key and never quoting a value
     * @return the cipher, when the keys are usable
     */
    public static Optional<CredentialCipher> parse(CredentialsConfig config, ConfigProblems problems) {
        if (config.masterKeys().isEmpty()) {
            problems.add(KEYS, "the PostgreSQL credential store needs at least one master key: set " + KEYS
                    + ".<key-id> to base64 of 32 random bytes (e.g. from: openssl rand -base64 32) and " + ACTIVE
                    + " to that key id; or set bitbridge.credentials.store=vault");
            return Optional.empty();
        }
        Map<String, byte[]> keys = new LinkedHashMap<>();
        boolean allValid = true;
        for (Map.Entry<String, String> entry : config.masterKeys().entrySet()) {
            String name = KEYS + "." + entry.getKey();
            String id = normalize(entry.getKey());
            byte[] key = decode(entry.getValue());
            if (!KEY_ID.matcher(id).matches()) {
                problems.add(name, "'" + id + "' is not a valid key id; use 1-63 lower-case letters, digits and inner"
                        + " hyphens");
                allValid = false;
            } else if (key == null || key.length != CredentialCipher.KEY_BYTES) {
                problems.add(name, "must be base64 of exactly 32 random bytes (e.g. from: openssl rand -base64 32); the"
                        + " value given is not");
                allValid = false;
            } else if (keys.putIfAbsent(id, key) != null) {
                problems.add(name, "key id '" + id + "' is given twice; give each key once");
                allValid = false;
            }
        }
        Optional<String> active = config.activeMasterKey().map(MasterKeys::normalize);
        if (active.isEmpty()) {
            problems.add(ACTIVE, "is not set; set it to the id of the master key new credentials are encrypted with, one"
                    + " of " + keyIds(config));
            return Optional.empty();
        }
        if (!config.masterKeys().keySet().stream().map(MasterKeys::normalize).anyMatch(active.get()::equals)) {
            problems.add(ACTIVE, "names key '" + active.get() + "', which is not configured; add " + KEYS + "."
                    + active.get() + " or name one of " + keyIds(config));
            return Optional.empty();
        }
        return allValid ? Optional.of(new CredentialCipher(keys, active.get())) : Optional.empty();
    }

    /** @return the key id a configuration map key stands for */
    static String normalize(String key) {
        return key.replace('.', '-').replace('_', '-');
    }

    private static Object keyIds(CredentialsConfig config) {
        return config.masterKeys().keySet().stream().map(MasterKeys::normalize).sorted().toList();
    }

    private static byte[] decode(String base64) {
        try {
            return Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}

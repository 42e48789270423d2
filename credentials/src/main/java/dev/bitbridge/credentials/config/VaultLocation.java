package dev.bitbridge.credentials.config;

import java.util.Optional;

import dev.bitbridge.credentials.CredentialPaths;
import dev.bitbridge.platform.config.ConfigProblems;

/**
 * Checks what the Vault store needs: a Vault address, a KV mount and a path prefix that are valid Vault paths.
 * Authentication ({@code quarkus.vault.authentication.*}) is quarkus-vault's to check.
 */
public final class VaultLocation {

    static final String URL = "quarkus.vault.url";
    static final String MOUNT = "bitbridge.credentials.vault.mount";
    static final String PREFIX = "bitbridge.credentials.vault.path-prefix";

    private VaultLocation() {
    }

    /**
     * @param config the credential store's configuration
     * @param vaultUrl the value of {@code quarkus.vault.url}, if set
     * @param problems where mistakes are reported, naming the key
     */
    public static void check(CredentialsConfig config, Optional<String> vaultUrl, ConfigProblems problems) {
        if (vaultUrl.filter(url -> !url.isBlank()).isEmpty()) {
            problems.add(URL, "the Vault credential store needs the address of Vault, e.g. https://vault.example:8200"
                    + " (and quarkus.vault.authentication.* to log in); or set bitbridge.credentials.store=postgres");
        }
        if (!CredentialPaths.isValid(config.vault().mount())) {
            problems.add(MOUNT, "is not a valid mount path; give the KV version 2 engine's mount without leading or"
                    + " trailing slashes, e.g. secret");
        }
        if (!CredentialPaths.isValid(config.vault().pathPrefix())) {
            problems.add(PREFIX, "is not a valid path; use slash-separated segments of lower-case letters, digits, '.',"
                    + " '_' and '-' without leading or trailing slashes, e.g. bitbridge");
        }
    }
}

package dev.bitbridge.credentials.config;

import java.util.Optional;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.Config;

import io.quarkus.runtime.StartupEvent;

import dev.bitbridge.platform.config.ConfigProblems;

/**
 * Stops the service at start, naming every key at fault, when the configured credential store could only fail on the
 * first credential read.
 */
@ApplicationScoped
public class CredentialsStartupCheck {

    /** How a refusal to start begins: "The credential store cannot start: ..." ({@link ConfigProblems}). */
    public static final String SUBJECT = "The credential store";

    void check(@Observes @Priority(1) StartupEvent event, CredentialsConfig credentials, Config config) {
        problems(credentials, config.getOptionalValue(VaultLocation.URL, String.class)).throwIfAny();
    }

    /**
     * @param credentials the credential store's configuration
     * @param vaultUrl {@code quarkus.vault.url}, if set
     * @return what is wrong with the configuration of the chosen store
     */
    static ConfigProblems problems(CredentialsConfig credentials, Optional<String> vaultUrl) {
        ConfigProblems problems = new ConfigProblems(SUBJECT);
        switch (credentials.store()) {
            case POSTGRES -> MasterKeys.parse(credentials, problems);
            case VAULT -> VaultLocation.check(credentials, vaultUrl, problems);
        }
        return problems;
    }
}

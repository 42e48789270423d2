package dev.bitbridge.credentials.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;

import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;

import dev.bitbridge.credentials.CredentialStore;
import dev.bitbridge.credentials.MasterKeyRotation;

/**
 * After a restart with a new active master key, moves the credentials onto it in the background, so that the rotation
 * procedure needs no extra command ({@code bitbridge.credentials.re-encrypt-at-start}). Start-up does not wait for it
 * and does not fail with it: reads keep working under the old key meanwhile.
 */
@ApplicationScoped
public class ReEncryptionAtStart {

    private static final Logger LOG = Logger.getLogger(ReEncryptionAtStart.class);

    void start(@Observes StartupEvent event, CredentialsConfig config, Instance<CredentialStore> stores) {
        if (config.store() == StoreKind.POSTGRES && config.reEncryptAtStart()
                && stores.get() instanceof MasterKeyRotation rotation) {
            rotation.reEncrypt().subscribe().with(
                    rewritten -> {
                        if (rewritten > 0) {
                            LOG.infof("Re-encrypted %d credential(s) with the active master key", rewritten);
                        }
                    },
                    failure -> LOG.errorf("Re-encryption at start failed: %s", failure.getMessage()));
        }
    }
}

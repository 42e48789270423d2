package dev.bitbridge.credentials.vault;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import io.quarkus.vault.client.VaultClient;
import io.quarkus.vault.client.VaultClientException;
import io.quarkus.vault.client.api.secrets.kv2.VaultSecretsKV2;
import io.quarkus.vault.client.api.secrets.kv2.VaultSecretsKV2ReadSecretData;
import io.smallrye.mutiny.Uni;

import dev.bitbridge.credentials.CredentialPaths;
import dev.bitbridge.credentials.CredentialStore;
import dev.bitbridge.credentials.CredentialStoreException;
import dev.bitbridge.credentials.SecretFields;

/**
 * Keeps credentials in HashiCorp Vault's KV version 2 engine: the credential {@code integrations/acme/bitbucket} is
 * the secret {@code <mount>/<path-prefix>/integrations/acme/bitbucket}, its fields the secret's keys.
 * <p>
 * Uses quarkus-vault's client rather than its {@code VaultKVSecretReactiveEngine}: the engine's delete removes only the
 * latest version (KV v2 {@code DELETE /data/…}), while deleting a credential must remove every version
 * ({@code DELETE /metadata/…}), and the engine's mount is quarkus-vault's, not {@code bitbridge.credentials.vault.mount}.
 */
public class VaultCredentialStore implements CredentialStore {

    private static final int NOT_FOUND = 404;

    private final VaultSecretsKV2 kv;
    private final String pathPrefix;

    /**
     * @param client quarkus-vault's client, authenticated as configured under {@code quarkus.vault.*}
     * @param mount the KV version 2 engine's mount path
     * @param pathPrefix the path under the mount that credential paths are put under
     */
    public VaultCredentialStore(VaultClient client, String mount, String pathPrefix) {
        this.kv = client.secrets().kv2(mount);
        this.pathPrefix = pathPrefix;
    }

    @Override
    public Uni<Void> put(String path, SecretFields fields) {
        String vaultPath = vaultPath(path);
        Map<String, Object> data = new LinkedHashMap<>(fields.asMap());
        return call("store", vaultPath, () -> kv.updateSecret(vaultPath, null, data).toCompletableFuture())
                .replaceWithVoid();
    }

    @Override
    public Uni<Optional<SecretFields>> get(String path) {
        String vaultPath = vaultPath(path);
        return Uni.createFrom().completionStage(() -> kv.readSecret(vaultPath))
                .map(secret -> Optional.of(fields(vaultPath, secret)))
                .onFailure(VaultCredentialStore::isNotFound).recoverWithItem(Optional.empty())
                .onFailure().transform(failure -> VaultFailures.of("read", vaultPath, failure));
    }

    @Override
    public Uni<Void> delete(String path) {
        String vaultPath = vaultPath(path);
        return call("delete", vaultPath, () -> kv.deleteSecretMetadata(vaultPath).toCompletableFuture());
    }

    @Override
    public String kind() {
        return "vault";
    }

    private String vaultPath(String path) {
        return pathPrefix + "/" + CredentialPaths.requireValid(path);
    }

    private static <T> Uni<T> call(String operation, String vaultPath,
            Supplier<java.util.concurrent.CompletionStage<T>> request) {
        return Uni.createFrom().completionStage(request)
                .onFailure().transform(failure -> VaultFailures.of(operation, vaultPath, failure));
    }

    /** A secret never written, deleted with all its versions, or whose latest version was deleted. */
    private static boolean isNotFound(Throwable failure) {
        Throwable cause = failure.getCause() != null && !(failure instanceof VaultClientException) ? failure.getCause()
                : failure;
        return cause instanceof VaultClientException vault && vault.getStatus() != null
                && vault.getStatus() == NOT_FOUND;
    }

    private static SecretFields fields(String vaultPath, VaultSecretsKV2ReadSecretData secret) {
        if (secret == null || secret.getData() == null) {
            throw new CredentialStoreException("Vault answered without data for the credential at '" + vaultPath + "'");
        }
        Map<String, String> fields = new LinkedHashMap<>();
        secret.getData().forEach((name, value) -> {
            if (!(value instanceof String text)) {
                throw new CredentialStoreException("Field '" + name + "' of the credential at '" + vaultPath
                        + "' is not a string in Vault; write every field as a string");
            }
            fields.put(name, text);
        });
        return SecretFields.of(fields);
    }
}

package dev.bitbridge.credentials.vault;

import java.util.concurrent.CompletionException;

import io.quarkus.vault.client.VaultClientException;

import dev.bitbridge.credentials.CredentialStoreException;

/**
 * Turns a Vault failure into a {@link CredentialStoreException} naming the operation, the Vault path and the HTTP
 * status, with advice for the usual causes. Vault's own message is left out: it can quote the request.
 */
final class VaultFailures {

    private VaultFailures() {
    }

    static CredentialStoreException of(String operation, String vaultPath, Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof CredentialStoreException already) {
            return already;
        }
        String what = "Vault could not " + operation + " the credential at '" + vaultPath + "'";
        if (cause instanceof VaultClientException vault && vault.getStatus() != null) {
            int status = vault.getStatus();
            return new CredentialStoreException(what + " (HTTP " + status + ")" + advice(status));
        }
        return new CredentialStoreException(what + " (" + cause.getClass().getSimpleName()
                + "; is quarkus.vault.url reachable?)");
    }

    private static String advice(int status) {
        return switch (status) {
            case 403 -> ": permission denied. Check the token (quarkus.vault.authentication.*) and that its policy grants"
                    + " create, read, update and delete on <mount>/data/<path-prefix>/* and delete on"
                    + " <mount>/metadata/<path-prefix>/*";
            case 404 -> ": no such route. Check that bitbridge.credentials.vault.mount names a KV version 2 engine";
            case 503 -> ": Vault is sealed or unavailable";
            default -> "";
        };
    }
}

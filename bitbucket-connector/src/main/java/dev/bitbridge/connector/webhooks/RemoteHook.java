package dev.bitbridge.connector.webhooks;

import java.util.Optional;
import java.util.Set;

/**
 * A hook as Bitbucket shows it.
 *
 * @param id Cloud's {@code uuid} (with braces) or Data Center's numeric id
 * @param url where it delivers, token included
 * @param active whether it delivers
 * @param events its event keys
 * @param secretSet whether it has a secret (Cloud never shows the secret itself)
 * @param secret the secret, where Bitbucket shows it (Data Center may); empty otherwise
 */
public record RemoteHook(String id, String url, boolean active, Set<String> events, boolean secretSet,
        Optional<String> secret) {

    @Override
    public String toString() {
        return "RemoteHook[id=" + id + ", active=" + active + ", events=" + events + ", secretSet=" + secretSet + "]";
    }
}

package dev.bitbridge.connector.support;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;

import io.smallrye.mutiny.Uni;

import dev.bitbridge.credentials.CredentialStore;
import dev.bitbridge.credentials.SecretFields;

/** Stand-in until the credentials module's stores are wired: keeps credentials in memory. */
@ApplicationScoped
@Alternative
@Priority(1)
public class InMemoryCredentialStore implements CredentialStore {

    private final ConcurrentHashMap<String, SecretFields> values = new ConcurrentHashMap<>();

    @Override
    public Uni<Void> put(String path, SecretFields fields) {
        values.put(path, fields);
        return Uni.createFrom().voidItem();
    }

    @Override
    public Uni<Optional<SecretFields>> get(String path) {
        return Uni.createFrom().item(Optional.ofNullable(values.get(path)));
    }

    @Override
    public Uni<Void> delete(String path) {
        values.remove(path);
        return Uni.createFrom().voidItem();
    }

    @Override
    public String kind() {
        return "memory";
    }
}

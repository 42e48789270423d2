package dev.bitbridge.credentials.config;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** A {@link CredentialsConfig} built in a test, with the mapping's defaults. */
final class TestCredentialsConfig implements CredentialsConfig {

    private StoreKind store = StoreKind.POSTGRES;
    private final Map<String, String> masterKeys = new LinkedHashMap<>();
    private String activeMasterKey;
    private String mount = "secret";
    private String pathPrefix = "bitbridge";

    TestCredentialsConfig store(StoreKind store) {
        this.store = store;
        return this;
    }

    TestCredentialsConfig key(String id, String base64) {
        masterKeys.put(id, base64);
        return this;
    }

    TestCredentialsConfig active(String id) {
        this.activeMasterKey = id;
        return this;
    }

    TestCredentialsConfig vault(String mount, String pathPrefix) {
        this.mount = mount;
        this.pathPrefix = pathPrefix;
        return this;
    }

    @Override
    public StoreKind store() {
        return store;
    }

    @Override
    public Map<String, String> masterKeys() {
        return masterKeys;
    }

    @Override
    public Optional<String> activeMasterKey() {
        return Optional.ofNullable(activeMasterKey);
    }

    @Override
    public boolean reEncryptAtStart() {
        return true;
    }

    @Override
    public Vault vault() {
        return new Vault() {
            @Override
            public String mount() {
                return mount;
            }

            @Override
            public String pathPrefix() {
                return pathPrefix;
            }
        };
    }
}

package dev.bitbridge.ingress.integrations;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import dev.bitbridge.events.integration.IntegrationNames;
import dev.bitbridge.events.integration.TokenHash;
import dev.bitbridge.ingress.config.IngressConfig;

/**
 * Every integration the edge knows: those declared in configuration, and those read from
 * {@code bitbridge.integrations.v1}. A declared integration wins over a topic record of the same name, since an
 * operator set it deliberately.
 */
@ApplicationScoped
public class IntegrationRegistry {

    private static final Logger LOG = Logger.getLogger(IntegrationRegistry.class);

    private final Map<String, Integration> declared;
    private final Map<String, Integration> fromTopic = new ConcurrentHashMap<>();

    @Inject
    IntegrationRegistry(IngressConfig config) {
        this(declaredIntegrations(config));
        declared.values().forEach(i -> LOG.infof("Declared %s", i));
    }

    private IntegrationRegistry(Map<String, Integration> declared) {
        this.declared = declared;
    }

    /** @return a registry with no declared integrations, filled only by {@link #put(Integration)} */
    public static IntegrationRegistry empty() {
        return new IntegrationRegistry(Map.of());
    }

    /** @return the integration of that name, if any (enabled or not) */
    public Optional<Integration> find(String name) {
        Integration integration = declared.get(name);
        return Optional.ofNullable(integration != null ? integration : fromTopic.get(name));
    }

    /** Adds or replaces an integration read from the topic. */
    public void put(Integration integration) {
        if (declared.containsKey(integration.name())) {
            LOG.warnf("Ignoring topic record for integration '%s': it is declared in configuration, which wins",
                    integration.name());
            return;
        }
        Integration previous = fromTopic.put(integration.name(), integration);
        LOG.infof("%s %s", previous == null ? "Added" : "Updated", integration);
    }

    /** Removes an integration read from the topic (a tombstone, or a record that can no longer be used). */
    public void remove(String name) {
        if (fromTopic.remove(name) != null) {
            LOG.infof("Removed integration '%s'", name);
        }
    }

    private static Map<String, Integration> declaredIntegrations(IngressConfig config) {
        Map<String, Integration> out = new ConcurrentHashMap<>();
        config.integrations().forEach((name, declared) -> {
            String key = "bitbridge.ingress.integrations." + name;
            if (!IntegrationNames.isValid(name)) {
                throw new IllegalArgumentException(key + ": the name '" + name
                        + "' is invalid; use 1-63 lower-case letters, digits and inner hyphens");
            }
            if (declared.token().isPresent() == declared.tokenHash().isPresent()) {
                throw new IllegalArgumentException(key + ": set exactly one of '.token' or '.token-hash'");
            }
            String hash = declared.token().map(TokenHash::of).orElseGet(() -> declared.tokenHash().get());
            if (!TokenHash.isWellFormed(hash)) {
                throw new IllegalArgumentException(key + ".token-hash must be 'sha256:' followed by 64 lower-case hex digits");
            }
            byte[] secret = declared.secret().map(s -> s.getBytes(StandardCharsets.UTF_8)).orElse(null);
            out.put(name, new Integration(name, declared.flavor(), declared.enabled(), hash, secret,
                    Integration.Origin.CONFIGURATION));
        });
        return Map.copyOf(out);
    }
}

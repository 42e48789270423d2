package dev.bitbridge.ingress.integrations;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.quarkus.runtime.Startup;

import dev.bitbridge.ingress.config.IngressConfig;
import dev.bitbridge.ingress.config.StartupChecks;
import dev.bitbridge.ingress.metrics.IngressMetrics;
import dev.bitbridge.platform.config.ConfigProblems;

/**
 * Every integration the edge knows: those declared in configuration, and those read from
 * {@code bitbridge.integrations.v1}. A declared integration wins over a topic record of the same name, since an
 * operator set it deliberately. Created at start-up, so that a declared integration's metrics exist before its first
 * delivery.
 */
@Startup
@ApplicationScoped
public class IntegrationRegistry {

    private static final Logger LOG = Logger.getLogger(IntegrationRegistry.class);

    private final Map<String, Integration> declared;
    private final Map<String, Integration> fromTopic = new ConcurrentHashMap<>();
    private final Consumer<Integration> onKnown;

    @Inject
    IntegrationRegistry(IngressConfig config, IngressMetrics metrics) {
        this(declared(config), metrics::integrationKnown);
        declared.values().forEach(i -> LOG.infof("Declared %s", i));
    }

    private IntegrationRegistry(Map<String, Integration> declared, Consumer<Integration> onKnown) {
        this.declared = declared;
        this.onKnown = onKnown;
        declared.values().forEach(onKnown);
    }

    /** @return a registry with no declared integrations, filled only by {@link #put(Integration)} */
    public static IntegrationRegistry empty() {
        return new IntegrationRegistry(Map.of(), i -> {
        });
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
        onKnown.accept(integration);
        LOG.infof("%s %s", previous == null ? "Added" : "Updated", integration);
    }

    /** Removes an integration read from the topic (a tombstone, or a record that can no longer be used). */
    public void remove(String name) {
        if (fromTopic.remove(name) != null) {
            LOG.infof("Removed integration '%s'", name);
        }
    }

    private static Map<String, Integration> declared(IngressConfig config) {
        ConfigProblems problems = new ConfigProblems(StartupChecks.SUBJECT);
        Map<String, Integration> parsed = DeclaredIntegrations.parse(config, problems);
        problems.throwIfAny();
        return Map.copyOf(parsed);
    }
}

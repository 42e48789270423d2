package dev.bitbridge.ingress.config;

import java.lang.management.ManagementFactory;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

import com.sun.management.HotSpotDiagnosticMXBean;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;

import dev.bitbridge.ingress.integrations.DeclaredIntegrations;
import dev.bitbridge.ingress.integrations.SealingKeys;
import dev.bitbridge.platform.config.ConfigProblems;

/**
 * Runs before anything else at start-up and stops the service, naming every key at fault, when the configuration
 * could only fail later: on the first webhook, in the logs, or at shutdown. The ingress never becomes ready with a
 * configuration that it cannot serve.
 */
@ApplicationScoped
public class StartupChecks {

    /** How a refusal to start begins: "The webhook ingress cannot start: ..." ({@link ConfigProblems}). */
    public static final String SUBJECT = "The webhook ingress";
    private static final Logger LOG = Logger.getLogger(StartupChecks.class);

    void check(@Observes @Priority(1) StartupEvent event, IngressConfig ingress, Config config) {
        ConfigProblems problems = new ConfigProblems(SUBJECT);
        EnvironmentNames.check(System.getenv(), problems);
        DeclaredIntegrations.parse(ingress, problems);
        SealingKeys.parse(ingress, problems);
        PlatformSettings.check(config, ingress, problems);
        problems.throwIfAny();
        warnWithoutExitOnOutOfMemory();
    }

    private static void warnWithoutExitOnOutOfMemory() {
        if (LaunchMode.current() != LaunchMode.NORMAL) {
            return;
        }
        HotSpotDiagnosticMXBean hotspot = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
        if (hotspot != null && !"true".equals(hotspot.getVMOption("ExitOnOutOfMemoryError").getValue())) {
            LOG.warn("The JVM runs without -XX:+ExitOnOutOfMemoryError: after an OutOfMemoryError it would keep running"
                    + " in an unknown state. Start it with that option (the launcher, the tests and the benchmark do).");
        }
    }
}

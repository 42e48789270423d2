package dev.bitbridge.testkit.jenkins;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A Jenkins simulator for a {@code @QuarkusTest}: its base URL is given as {@code bitbridge.test.jenkins.url} (the
 * service maps it to its own setting), and the test gets the simulator in a field marked {@link InjectJenkins} to add
 * users, jobs and behaviour.
 */
public class JenkinsSimulatorResource implements QuarkusTestResourceLifecycleManager {

    /** The configuration key carrying the simulator's base URL. */
    public static final String URL_KEY = "bitbridge.test.jenkins.url";

    private JenkinsSimulator simulator;

    @Override
    public Map<String, String> start() {
        simulator = JenkinsSimulator.start();
        return Map.of(URL_KEY, simulator.url());
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(simulator,
                new TestInjector.AnnotatedAndMatchesType(InjectJenkins.class, JenkinsSimulator.class));
    }

    @Override
    public void stop() {
        if (simulator != null) {
            simulator.close();
        }
    }
}

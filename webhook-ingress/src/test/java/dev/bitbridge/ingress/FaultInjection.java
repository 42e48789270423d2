package dev.bitbridge.ingress;

import java.util.Set;

import io.quarkus.test.junit.QuarkusTestProfile;

import dev.bitbridge.ingress.lifecycle.RecordingProcessExit;
import dev.bitbridge.ingress.publish.FaultyIntake;

/**
 * An ingress whose intake fails on request ({@link FaultyIntake}) and whose fatal-error exit is recorded instead of
 * ending the JVM ({@link RecordingProcessExit}): how tests reach the 500 path and the fatal-error path, which no valid
 * input reaches.
 */
public class FaultInjection implements QuarkusTestProfile {

    @Override
    public Set<Class<?>> getEnabledAlternatives() {
        return Set.of(FaultyIntake.class, RecordingProcessExit.class);
    }
}

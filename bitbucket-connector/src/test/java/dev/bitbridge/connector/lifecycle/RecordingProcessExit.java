package dev.bitbridge.connector.lifecycle;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;

import dev.bitbridge.platform.lifecycle.ProcessExit;
import dev.bitbridge.platform.lifecycle.QuarkusProcessExit;

/**
 * Stands in for {@link QuarkusProcessExit} in tests that provoke a fatal error: it records the exit instead of ending
 * the test JVM. Enabled only by the test profiles that list it.
 */
@Alternative
@ApplicationScoped
public class RecordingProcessExit implements ProcessExit {

    private final List<Integer> statuses = new CopyOnWriteArrayList<>();

    @Override
    public void exit(int status) {
        statuses.add(status);
    }

    /** @return the exit statuses asked for, in order */
    public List<Integer> statuses() {
        return List.copyOf(statuses);
    }
}

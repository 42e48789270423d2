package dev.bitbridge.credentials.config;

import java.util.ArrayList;
import java.util.List;

import io.quarkus.runtime.configuration.ConfigurationException;

/**
 * Collects what is wrong with the credential store's configuration, each problem naming its key, so that one failed
 * start shows every mistake. Messages never contain a configured value: master keys are secrets.
 */
public final class ConfigProblems {

    private final List<String> problems = new ArrayList<>();

    /**
     * @param key the configuration key at fault
     * @param problem what is wrong and what to do
     */
    public void add(String key, String problem) {
        problems.add(key + ": " + problem);
    }

    /** @return the problems found so far, each starting with its key */
    public List<String> all() {
        return List.copyOf(problems);
    }

    /** @throws ConfigurationException listing every problem, when there is at least one */
    public void throwIfAny() {
        if (!problems.isEmpty()) {
            throw new ConfigurationException("The credential store cannot start: " + problems.size()
                    + " configuration problem(s):\n  - " + String.join("\n  - ", problems));
        }
    }
}

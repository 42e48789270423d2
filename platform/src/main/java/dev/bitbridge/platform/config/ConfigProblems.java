package dev.bitbridge.platform.config;

import java.util.ArrayList;
import java.util.List;

import io.quarkus.runtime.configuration.ConfigurationException;

/**
 * Collects what is wrong with the configuration, each problem naming its key, so that one failed start shows every
 * mistake at once instead of one per attempt. Messages never contain a configured value: several keys hold secrets
 * (tokens, sealing keys, master keys).
 */
public final class ConfigProblems {

    private final String subject;
    private final List<String> problems = new ArrayList<>();

    /**
     * @param subject what cannot start, as the refusal's first words: "The webhook ingress", "The credential store"
     */
    public ConfigProblems(String subject) {
        this.subject = subject;
    }

    /**
     * @param key the configuration key (or environment variable) at fault
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
            throw new ConfigurationException(subject + " cannot start: " + problems.size()
                    + " configuration problem(s):\n  - " + String.join("\n  - ", problems));
        }
    }
}

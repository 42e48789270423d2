package dev.bitbridge.analyzer.decide;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import dev.bitbridge.events.build.BuildRequest.Trigger;

/**
 * The builds one event asks for, coalesced: however many tags and rules ask for a job, the event builds it once (per
 * kind: a pull request built separately is a build of its own), listing every trigger and every commit that asked.
 */
final class BuildPlan {

    private final Map<Key, Entry> entries = new LinkedHashMap<>();

    /**
     * @param job the job, or null for the Jenkins target's default job
     * @param separatePullRequest the pull request's id when built separately from pushes, else null
     * @param trigger what asked
     * @param commit the commit that asked (a tagged commit), or null
     */
    void add(String job, Long separatePullRequest, Trigger trigger, String commit) {
        Entry entry = entries.computeIfAbsent(new Key(job, separatePullRequest), Entry::new);
        entry.triggers.add(trigger);
        if (commit != null) {
            entry.commits.add(commit);
        }
    }

    List<Entry> entries() {
        return new ArrayList<>(entries.values());
    }

    boolean isEmpty() {
        return entries.isEmpty();
    }

    record Key(String job, Long separatePullRequest) {
    }

    static final class Entry {
        final Key key;
        final Set<Trigger> triggers = new LinkedHashSet<>();
        final Set<String> commits = new LinkedHashSet<>();

        Entry(Key key) {
            this.key = Objects.requireNonNull(key);
        }

        String job() {
            return key.job();
        }

        Long separatePullRequest() {
            return key.separatePullRequest();
        }
    }
}

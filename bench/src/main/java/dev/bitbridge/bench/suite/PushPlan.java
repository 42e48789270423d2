package dev.bitbridge.bench.suite;

import java.util.ArrayList;
import java.util.List;

/**
 * Where each push of a run goes: round robin over the repositories of project {@code GAME}, and for each repository
 * over its branches, so that consecutive pushes land in different repositories (different Kafka keys) and each
 * branch moves by one commit every {@code repositories × branches} pushes.
 *
 * @param repositories the repositories' slugs
 * @param branches the branches every repository has
 */
public record PushPlan(List<String> repositories, List<String> branches) {

    /** The project (Data Center) every repository is in, also the Jira-style key of every commit message. */
    public static final String PROJECT = "GAME";

    private static final List<String> NAMES = List.of("client", "server", "tools", "assets", "web", "mobile", "infra",
            "docs");

    public PushPlan {
        repositories = List.copyOf(repositories);
        branches = List.copyOf(branches);
        if (repositories.isEmpty() || branches.isEmpty()) {
            throw new IllegalArgumentException("a plan needs at least one repository and one branch");
        }
    }

    /** @return {@code repositories} repositories ({@code client}, {@code server}, …) of {@code branches} branches */
    public static PushPlan of(int repositories, int branches) {
        List<String> repos = new ArrayList<>();
        for (int i = 0; i < repositories; i++) {
            repos.add(i < NAMES.size() ? NAMES.get(i) : "repo-" + (i + 1));
        }
        List<String> refs = new ArrayList<>();
        for (int i = 0; i < branches; i++) {
            refs.add(i == 0 ? "main" : i == 1 ? "develop" : "feature/" + PROJECT + "-" + (i - 1));
        }
        return new PushPlan(repos, refs);
    }

    /** One push: a new commit on a branch of a repository. */
    public record Target(String repository, String branch, String message) {
    }

    /** @return where push {@code n} (from 0, counted over the whole run) goes, and its commit's message */
    public Target target(long n) {
        int r = (int) (n % repositories.size());
        int b = (int) ((n / repositories.size()) % branches.size());
        long key = n + 1;
        return new Target(repositories.get(r), branches.get(b),
                PROJECT + "-" + key + ": change " + key + " #ci");
    }

    /** @return e.g. {@code 6 repositories (GAME/client, …) × 4 branches (main, develop, …)} */
    public String describe() {
        return repositories.size() + " repositories (" + String.join(", ", repositories.stream()
                .map(r -> PROJECT + "/" + r).toList()) + ") × " + branches.size() + " branches ("
                + String.join(", ", branches) + ")";
    }
}

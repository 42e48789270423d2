package dev.bitbridge.connector.enrichment.push;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;

import io.smallrye.mutiny.Uni;

import dev.bitbridge.connector.bitbucket.BitbucketCalls;
import dev.bitbridge.connector.bitbucket.IntegrationAccess.Access;
import dev.bitbridge.events.scm.FileChange;

/**
 * Bitbucket Cloud 2.0: {@code commits?include=…&exclude=…} (newest first, {@code next} links), {@code commit/{hash}},
 * {@code refs/branches} and {@code diffstat/{hash}} (against the first parent, up to 500 entries a page).
 */
@ApplicationScoped
public class CloudCommits implements CommitSource {

    /** Commits read for one ref change at most: a runaway history must not drain the budget. */
    static final int MAX_COMMITS = 2000;
    static final int MAX_FILES = 20_000;

    private final BitbucketCalls calls;

    CloudCommits(BitbucketCalls calls) {
        this.calls = calls;
    }

    @Override
    public Uni<List<JsonNode>> commitsBetween(Access access, String repository, List<String> include,
            List<String> exclude) {
        StringBuilder url = new StringBuilder(repo(access, repository)).append("/commits?pagelen=100");
        include.forEach(h -> url.append("&include=").append(h));
        exclude.forEach(h -> url.append("&exclude=").append(h));
        return calls.all(access, url.toString(), MAX_COMMITS);
    }

    @Override
    public Uni<JsonNode> commit(Access access, String repository, String hash) {
        return calls.get(access, repo(access, repository) + "/commit/" + hash).map(answer -> answer.json());
    }

    @Override
    public Uni<java.util.Map<String, String>> branchHeads(Access access, String repository) {
        return calls.all(access, repo(access, repository) + "/refs/branches?pagelen=100", 5000)
                .map(branches -> {
                    java.util.Map<String, String> heads = new java.util.LinkedHashMap<>();
                    branches.forEach(b -> heads.put(b.path("name").asText(), b.path("target").path("hash").asText()));
                    return heads;
                });
    }

    @Override
    public Uni<Optional<List<FileChange>>> files(Access access, String repository, String hash) {
        String first = repo(access, repository) + "/diffstat/" + hash + "?pagelen=500";
        return calls.get(access, first, BitbucketCalls.Purpose.DEFERRABLE).chain(answer -> {
            if (answer.isEmpty()) {
                return Uni.createFrom().item(Optional.empty());
            }
            List<JsonNode> entries = new ArrayList<>();
            answer.get().json().path("values").forEach(entries::add);
            Uni<List<JsonNode>> rest = calls.after(access, first, answer.get().json(), MAX_FILES);
            return rest.map(more -> {
                entries.addAll(more);
                return Optional.of(entries.stream().map(CloudCommits::fileChange).toList());
            });
        });
    }

    /** A diffstat entry: {@code status} added, removed, modified or renamed; {@code old}/{@code new} with paths. */
    public static FileChange fileChange(JsonNode entry) {
        String newPath = entry.path("new").path("path").asText(null);
        String oldPath = entry.path("old").path("path").asText(null);
        return switch (entry.path("status").asText("modified")) {
            case "added" -> new FileChange(newPath, FileChange.ChangeType.ADDED, null);
            case "removed" -> new FileChange(oldPath, FileChange.ChangeType.REMOVED, null);
            case "renamed" -> new FileChange(newPath, FileChange.ChangeType.RENAMED, oldPath);
            default -> new FileChange(newPath != null ? newPath : oldPath, FileChange.ChangeType.MODIFIED, null);
        };
    }

    private static String repo(Access access, String repository) {
        return access.target().apiUrl() + "/repositories/" + repository;
    }
}

package dev.bitbridge.connector.enrichment.push;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;

import io.smallrye.mutiny.Uni;

import dev.bitbridge.connector.bitbucket.BitbucketCalls;
import dev.bitbridge.connector.bitbucket.IntegrationAccess.Access;
import dev.bitbridge.events.scm.FileChange;

/**
 * Bitbucket Data Center 1.0: {@code commits?since=…&until=…} ({@code start}/{@code isLastPage}),
 * {@code commits/{id}}, {@code branches} and {@code commits/{id}/changes}. Data Center takes one {@code since}: for a
 * new branch, the commits not on the first excluded head (the default branch's) are listed, and those the repository
 * already has are recognised by the connector's own record of known commits.
 */
@ApplicationScoped
public class DataCenterCommits implements CommitSource {

    static final int MAX_COMMITS = 2000;
    static final int MAX_FILES = 20_000;

    private final BitbucketCalls calls;

    DataCenterCommits(BitbucketCalls calls) {
        this.calls = calls;
    }

    @Override
    public Uni<List<JsonNode>> commitsBetween(Access access, String repository, List<String> include,
            List<String> exclude) {
        StringBuilder url = new StringBuilder(repo(access, repository)).append("/commits?limit=100&until=")
                .append(include.get(0));
        if (!exclude.isEmpty()) {
            url.append("&since=").append(exclude.get(0));
        }
        return calls.all(access, url.toString(), MAX_COMMITS);
    }

    @Override
    public Uni<JsonNode> commit(Access access, String repository, String hash) {
        return calls.get(access, repo(access, repository) + "/commits/" + hash).map(answer -> answer.json());
    }

    /** The default branch's head first, then the others'. */
    @Override
    public Uni<java.util.Map<String, String>> branchHeads(Access access, String repository) {
        return calls.all(access, repo(access, repository) + "/branches?limit=100&orderBy=MODIFICATION", 5000)
                .map(branches -> {
                    java.util.Map<String, String> heads = new java.util.LinkedHashMap<>();
                    branches.stream().sorted((a, b) -> Boolean.compare(b.path("isDefault").asBoolean(),
                            a.path("isDefault").asBoolean()))
                            .forEach(b -> heads.put(b.path("displayId").asText(), b.path("latestCommit").asText()));
                    return heads;
                });
    }

    @Override
    public Uni<Optional<List<FileChange>>> files(Access access, String repository, String hash) {
        String url = repo(access, repository) + "/commits/" + hash + "/changes?limit=500";
        return calls.get(access, url, BitbucketCalls.Purpose.DEFERRABLE).chain(answer -> {
            if (answer.isEmpty()) {
                return Uni.createFrom().item(Optional.empty());
            }
            JsonNode page = answer.get().json();
            List<FileChange> first = page.path("values").valueStream().map(DataCenterCommits::fileChange).toList();
            if (page.path("isLastPage").asBoolean(true)) {
                return Uni.createFrom().item(Optional.of(first));
            }
            return calls.after(access, url, page, MAX_FILES)
                    .map(more -> Optional.of(java.util.stream.Stream.concat(first.stream(),
                            more.stream().map(DataCenterCommits::fileChange)).toList()));
        });
    }

    /** A change: {@code type} ADD, MODIFY, DELETE, MOVE or COPY; {@code path}/{@code srcPath} with {@code toString}. */
    public static FileChange fileChange(JsonNode change) {
        String path = change.path("path").path("toString").asText(null);
        String source = change.path("srcPath").path("toString").asText(null);
        return switch (change.path("type").asText("MODIFY")) {
            case "ADD" -> new FileChange(path, FileChange.ChangeType.ADDED, null);
            case "DELETE" -> new FileChange(path, FileChange.ChangeType.REMOVED, null);
            case "MOVE" -> new FileChange(path, FileChange.ChangeType.RENAMED, source);
            case "COPY" -> new FileChange(path, FileChange.ChangeType.COPIED, source);
            default -> new FileChange(path, FileChange.ChangeType.MODIFIED, null);
        };
    }

    private static String repo(Access access, String repository) {
        String[] parts = repository.split("/", 2);
        return access.target().apiUrl() + "/rest/api/1.0/projects/" + parts[0] + "/repos/" + parts[1];
    }
}

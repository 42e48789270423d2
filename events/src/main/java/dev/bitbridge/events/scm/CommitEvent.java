package dev.bitbridge.events.scm;

import java.time.OffsetDateTime;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One record on {@code bitbridge.commits.v1}: a commit new to a repository, published once however often it arrives
 * (another branch, a pull request, a redelivery). CloudEvents type {@code dev.bitbridge.commit.new}, id
 * {@code <integration>/<repository>/<hash>}.
 * <p>
 * When the Bitbucket API budget of the integration's credential runs low, the commit is published without its files
 * ({@code filesPending: true}); once the files are fetched, a second record of type
 * {@code dev.bitbridge.commit.files} (id {@code …/<hash>/files}) carries the same commit with its files.
 *
 * @param integration the integration
 * @param flavor {@code cloud} or {@code datacenter}
 * @param repository the repository
 * @param hash the full commit hash
 * @param message the full commit message
 * @param author who wrote it
 * @param committer who committed it; Cloud does not say, then null
 * @param authorDate when it was written, with the offset git recorded
 * @param committerDate when it was committed, with its offset; null when Bitbucket does not say
 * @param parents parent hashes, first parent first
 * @param branches the branches that received it in the push that made it new (empty for a tag-only or PR arrival)
 * @param files the files it changed against its first parent; empty while {@code filesPending}
 * @param filesPending true when the files are still to be fetched (see above)
 * @param url the commit's web page, when known
 * @param origin the raw webhook that brought it
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CommitEvent(
        String integration,
        String flavor,
        Repository repository,
        String hash,
        String message,
        Person author,
        Person committer,
        @JsonFormat(without = JsonFormat.Feature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE) OffsetDateTime authorDate,
        @JsonFormat(without = JsonFormat.Feature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE) OffsetDateTime committerDate,
        List<String> parents,
        List<String> branches,
        List<FileChange> files,
        boolean filesPending,
        String url,
        Origin origin) {

    /** A commit seen for the first time. */
    public static final String TYPE_NEW = "dev.bitbridge.commit.new";
    /** The files of a commit first published with {@code filesPending}. */
    public static final String TYPE_FILES = "dev.bitbridge.commit.files";
}

package dev.bitbridge.testkit.bitbucket.model;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import dev.bitbridge.testkit.bitbucket.Account;

/**
 * A commit of the simulated repository.
 *
 * @param hash the 40-hex SHA-1
 * @param message the full message, ending in a newline as git stores it
 * @param author who wrote it
 * @param linked whether Bitbucket links author and committer to their accounts (Cloud {@code author.user}, Data
 *        Center user objects)
 * @param authored the author date, with the offset git recorded
 * @param committer who committed it
 * @param committed the committer date, with its offset
 * @param parents parent hashes, first parent first
 * @param tree the files after this commit
 */
public record Commit(String hash, String message, Account author, boolean linked, OffsetDateTime authored,
        Account committer, OffsetDateTime committed, List<String> parents, FileTree tree) {

    /** @return the author date as an instant */
    public Instant date() {
        return authored.toInstant();
    }

    /** @return the first 11 characters, as Data Center's {@code displayId} */
    public String displayId() {
        return hash.substring(0, 11);
    }

    /** @return the first parent, or {@code null} for a root commit */
    public String firstParent() {
        return parents.isEmpty() ? null : parents.get(0);
    }
}

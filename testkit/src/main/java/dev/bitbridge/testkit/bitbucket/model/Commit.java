package dev.bitbridge.testkit.bitbucket.model;

import java.time.Instant;
import java.util.List;

import dev.bitbridge.testkit.bitbucket.Account;

/**
 * A commit of the simulated repository.
 *
 * @param hash the 40-hex SHA-1
 * @param message the full message, ending in a newline as git stores it
 * @param author who wrote it
 * @param linked whether Cloud links the author to an account ({@code author.user})
 * @param date the author date (also the committer date)
 * @param parents parent hashes, first parent first
 */
public record Commit(String hash, String message, Account author, boolean linked, Instant date, List<String> parents) {

    /** @return the first 11 characters, as Data Center's {@code displayId} */
    public String displayId() {
        return hash.substring(0, 11);
    }
}

package dev.bitbridge.testkit.bitbucket;

import java.util.Objects;

/**
 * A commit a scenario pushes; the simulator gives it a hash, a date and its parent.
 *
 * @param author who wrote it
 * @param message the commit message (a trailing newline is added, as git stores it)
 * @param linked on Cloud, whether the author's e-mail is linked to the Bitbucket account, so that payloads carry
 *        {@code author.user}; unlinked authors appear with {@code raw} only
 */
public record NewCommit(Account author, String message, boolean linked) {

    public NewCommit {
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(message, "message");
    }

    /** @return a commit by a linked account */
    public static NewCommit by(Account author, String message) {
        return new NewCommit(author, message, true);
    }

    /** @return a commit whose author e-mail is linked to no Bitbucket account (Cloud shows {@code raw} only) */
    public static NewCommit unlinked(Account author, String message) {
        return new NewCommit(author, message, false);
    }
}

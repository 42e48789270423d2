package dev.bitbridge.testkit.bitbucket.model;

import java.time.Instant;

import dev.bitbridge.testkit.bitbucket.Account;

/** A reviewer or participant of a pull request. Mutable; guarded by the {@link Model}'s lock. */
public final class Participant {

    public final Account account;
    /** {@code REVIEWER} or {@code PARTICIPANT}. */
    public final String role;
    /** Data Center status names: {@code UNAPPROVED}, {@code APPROVED}, {@code NEEDS_WORK}. */
    public String status = "UNAPPROVED";
    public Instant participatedOn;

    public Participant(Account account, String role) {
        this.account = account;
        this.role = role;
    }

    /** @return whether the participant approves */
    public boolean approved() {
        return "APPROVED".equals(status);
    }
}

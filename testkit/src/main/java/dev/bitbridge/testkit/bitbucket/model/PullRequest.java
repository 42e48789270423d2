package dev.bitbridge.testkit.bitbucket.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.bitbridge.testkit.bitbucket.Account;

/** A pull request; its source may be a fork. Mutable; guarded by the {@link Model}'s lock. */
public final class PullRequest {

    public final int id;
    public final Repo source;
    public final String sourceBranch;
    public final Repo destination;
    public final String destinationBranch;
    public final Account author;
    public final Instant createdOn;
    public final List<Participant> participants = new ArrayList<>();
    public String title;
    public String description;
    /** {@code OPEN}, {@code MERGED} or {@code DECLINED} (Data Center names; Cloud shows the same upper-case states). */
    public String state = "OPEN";
    public Instant updatedOn;
    public int version;
    public String mergeCommit;
    public Account closedBy;
    /**
     * The source head when it was merged or declined: a closed pull request keeps its commits whatever its branch
     * does afterwards; {@code null} while open.
     */
    public String closedSourceHash;

    public PullRequest(int id, Repo source, String sourceBranch, Repo destination, String destinationBranch,
            Account author, String title, String description, Instant createdOn) {
        this.id = id;
        this.source = source;
        this.sourceBranch = sourceBranch;
        this.destination = destination;
        this.destinationBranch = destinationBranch;
        this.author = author;
        this.title = title;
        this.description = description;
        this.createdOn = createdOn;
        this.updatedOn = createdOn;
    }

    /** @return the commit the source branch points at; once closed, the one it pointed at then */
    public String sourceHash() {
        return closedSourceHash != null ? closedSourceHash : source.branch(sourceBranch);
    }

    /** @return the commit the destination branch points at */
    public String destinationHash() {
        return destination.branch(destinationBranch);
    }

    /** @return the participant for this account, added with the given role when absent */
    public Participant participant(Account account, String role) {
        for (Participant p : participants) {
            if (p.account.equals(account)) {
                return p;
            }
        }
        Participant added = new Participant(account, role);
        participants.add(added);
        return added;
    }
}

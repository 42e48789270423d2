package dev.bitbridge.testkit.bitbucket;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

import dev.bitbridge.testkit.bitbucket.model.Model;
import dev.bitbridge.testkit.bitbucket.model.Participant;
import dev.bitbridge.testkit.bitbucket.model.PullRequest;
import dev.bitbridge.testkit.bitbucket.model.Repo;

/**
 * Puts state into the simulator whose identities are given rather than made: repositories with their UUID or id,
 * commits with their hashes, parents, people and dates, refs at given commits, pull requests with their ids. Nothing
 * is delivered. Seeded state is served exactly as what scenarios make: the REST APIs do not tell them apart, and
 * scenarios may go on from it ({@code push} on a seeded branch builds on the seeded head).
 * <p>
 * {@link BitbucketSimulator#seedFrom(Flavor, String, byte[])} uses it to reproduce what a real webhook describes;
 * tests may also use it directly:
 *
 * <pre>{@code
 * Seeding seed = bb.seed();
 * RepoRef repo = seed.repository(new RepoRef("acme", "api"), "{5e42...}", null);
 * seed.commit(repo, Seeding.CommitSpec.of("8d0fa145bde5151f1d103ab1c3dc1033e6ec4ac1", List.of(), ada, date, "Initial commit"));
 * seed.branch(repo, "main", "8d0fa145bde5151f1d103ab1c3dc1033e6ec4ac1");
 * }</pre>
 *
 * Files: the simulator keeps no contents, so a seeded commit changes what its spec says; by default a commit with at
 * most one parent adds one file of its own, {@link #seededFile(String)} ({@code seeded/<first 12 of its hash>.txt}, one
 * line), and a merge commit changes nothing of its own (its files are its first parent's with what the other parents
 * brought, as a clean merge).
 */
public final class Seeding {

    /** The folder of the file each seeded commit adds by default. */
    public static final String SEEDED_FOLDER = "seeded/";

    private final Model model;

    Seeding(Model model) {
        this.model = model;
    }

    /**
     * A commit to seed.
     *
     * @param hash the full 40-hex hash
     * @param parents parent hashes, first parent first; each must be seeded (or made) before
     * @param message the message
     * @param author who wrote it
     * @param linked whether Bitbucket links author and committer to their accounts (Cloud {@code author.user}, Data
     *        Center user objects)
     * @param authored the author date, with its offset
     * @param committer who committed it
     * @param committed the committer date, with its offset
     * @param files what it changes against its first parent; {@code null} for the default (see {@link Seeding})
     */
    public record CommitSpec(String hash, List<String> parents, String message, Account author, boolean linked,
            OffsetDateTime authored, Account committer, OffsetDateTime committed, List<FileChange> files) {

        public CommitSpec {
            Objects.requireNonNull(hash, "hash");
            parents = List.copyOf(parents);
            Objects.requireNonNull(message, "message");
            Objects.requireNonNull(author, "author");
            Objects.requireNonNull(authored, "authored");
            Objects.requireNonNull(committer, "committer");
            Objects.requireNonNull(committed, "committed");
            files = files == null ? null : List.copyOf(files);
        }

        /** @return a commit by a linked author who also committed it, at one date, with the default files */
        public static CommitSpec of(String hash, List<String> parents, Account author, OffsetDateTime date,
                String message) {
            return new CommitSpec(hash, parents, message, author, true, date, author, date, null);
        }

        /** @return this commit with its files declared */
        public CommitSpec withFiles(FileChange... changes) {
            return new CommitSpec(hash, parents, message, author, linked, authored, committer, committed,
                    List.of(changes));
        }

        /** @return the files it changes: as declared, else the default */
        public List<FileChange> changes() {
            if (files != null) {
                return files;
            }
            return parents.size() > 1 ? List.of() : List.of(FileChange.added(seededFile(hash), 1));
        }
    }

    /**
     * A reviewer or participant of a seeded pull request.
     *
     * @param account who
     * @param role {@code REVIEWER} or {@code PARTICIPANT}
     * @param status {@code UNAPPROVED}, {@code APPROVED} or {@code NEEDS_WORK} (Data Center's words; Cloud's
     *        {@code approved} and {@code changes_requested} are shown from them)
     * @param participatedOn when, or {@code null}
     */
    public record ReviewerSpec(Account account, String role, String status, Instant participatedOn) {

        public ReviewerSpec {
            Objects.requireNonNull(account, "account");
            Objects.requireNonNull(role, "role");
            Objects.requireNonNull(status, "status");
        }
    }

    /**
     * A pull request to seed. Its head and the destination's commit are what its branches point at when seeded (a
     * merged or declined one keeps that head afterwards): seed them (and the branches) first.
     *
     * @param destination the repository it merges into, whose ids it counts in
     * @param id its id there
     * @param source the repository of its source branch (the destination's, or a fork)
     * @param sourceBranch the source branch
     * @param destinationBranch the destination branch
     * @param title the title
     * @param description the description ({@code ""} for none)
     * @param state {@code OPEN}, {@code MERGED} or {@code DECLINED}
     * @param author who opened it
     * @param reviewers reviewers and participants, in order
     * @param createdOn when it was opened
     * @param updatedOn when it last changed
     * @param version Data Center's version counter
     * @param mergeCommit the merge commit's full hash when merged, else {@code null}
     * @param closedBy who merged or declined it, else {@code null}
     */
    public record PullRequestSpec(RepoRef destination, int id, RepoRef source, String sourceBranch,
            String destinationBranch, String title, String description, String state, Account author,
            List<ReviewerSpec> reviewers, Instant createdOn, Instant updatedOn, int version, String mergeCommit,
            Account closedBy) {

        public PullRequestSpec {
            Objects.requireNonNull(destination, "destination");
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(sourceBranch, "sourceBranch");
            Objects.requireNonNull(destinationBranch, "destinationBranch");
            Objects.requireNonNull(state, "state");
            Objects.requireNonNull(author, "author");
            reviewers = List.copyOf(reviewers);
            Objects.requireNonNull(createdOn, "createdOn");
            Objects.requireNonNull(updatedOn, "updatedOn");
        }
    }

    /**
     * Creates a workspace (Cloud) or project (Data Center) with its identity, unless it exists (then it is kept as
     * it is).
     *
     * @param uuid the Cloud UUID in braces, or {@code null} for a fresh one
     * @param id the Data Center id, or {@code null} for the next one
     * @return this
     */
    public Seeding owner(String key, String name, String uuid, Long id) {
        synchronized (model) {
            if (model.owner(key) == null) {
                model.createOwner(key, name == null ? key : name, uuid, id);
            }
            return this;
        }
    }

    /**
     * Creates a repository with its identity (and its owner when missing), unless it exists (then it is kept as it
     * is).
     *
     * @param uuid the Cloud UUID in braces, or {@code null} for a fresh one
     * @param id the Data Center id, or {@code null} for the next one
     * @return the repository
     */
    public RepoRef repository(RepoRef repo, String uuid, Long id) {
        synchronized (model) {
            owner(repo.owner(), repo.owner(), null, null);
            if (model.repo(repo.owner(), repo.slug()) == null) {
                model.createRepo(repo.owner(), repo.slug(), null, uuid, id);
            }
            return repo;
        }
    }

    /**
     * Creates a fork of {@code origin} (its branches and commits come along), unless {@code fork} exists.
     *
     * @return the fork
     */
    public RepoRef fork(RepoRef origin, RepoRef fork, String uuid, Long id) {
        synchronized (model) {
            owner(fork.owner(), fork.owner(), null, null);
            if (model.repo(fork.owner(), fork.slug()) == null) {
                model.createRepo(fork.owner(), fork.slug(), model.require(origin), uuid, id);
            }
            return fork;
        }
    }

    /**
     * Registers an account with its identity (Cloud UUID and account id, Data Center id), or finds the one
     * registered with the same.
     *
     * @return the account to use
     */
    public Account account(Account account) {
        return model.seedAccount(account);
    }

    /**
     * Adds a commit with its identity, unless the repository has it (then it is kept as it is: the first seeding
     * wins).
     *
     * @return its hash
     * @throws IllegalArgumentException when a parent is not in the repository
     */
    public String commit(RepoRef repo, CommitSpec spec) {
        synchronized (model) {
            model.seedCommit(model.require(repo), spec.hash(), spec.message(), spec.author(), spec.linked(),
                    spec.authored(), spec.committer(), spec.committed(), spec.parents(), spec.changes());
            return spec.hash();
        }
    }

    /** @return whether the repository has the commit */
    public boolean has(RepoRef repo, String hash) {
        synchronized (model) {
            return model.require(repo).commit(hash) != null;
        }
    }

    /**
     * @param prefix a hash or its first 7 or more characters (Cloud webhooks give 12)
     * @return the full hash of the repository's commit starting with it, or {@code null}
     */
    public String resolve(RepoRef repo, String prefix) {
        synchronized (model) {
            Repo r = model.require(repo);
            return prefix.length() >= 7 && prefix.matches("[0-9a-f]+") ? r.resolve(prefix) : null;
        }
    }

    /** @return the head of a branch, or {@code null} when there is no such branch */
    public String branchHead(RepoRef repo, String branch) {
        synchronized (model) {
            return model.require(repo).branch(branch);
        }
    }

    /** Copies a commit and its history from one repository into another (a fork and its origin), as a fetch does. */
    public void fetch(RepoRef into, RepoRef from, String tip) {
        synchronized (model) {
            Repo source = model.require(from);
            if (source.commit(tip) == null) {
                throw new IllegalArgumentException("No commit " + tip + " in " + from);
            }
            model.require(into).fetch(source, tip);
        }
    }

    /** Points a branch at a commit of the repository, creating it when missing. */
    public void branch(RepoRef repo, String name, String hash) {
        ref(repo, name, hash, false);
    }

    /** Points a lightweight tag at a commit of the repository, creating it when missing. */
    public void tag(RepoRef repo, String name, String hash) {
        ref(repo, name, hash, true);
    }

    /** Removes a branch; nothing happens when it does not exist. */
    public void deleteBranch(RepoRef repo, String name) {
        synchronized (model) {
            model.require(repo).branches().remove(name);
        }
    }

    /** Removes a tag; nothing happens when it does not exist. */
    public void deleteTag(RepoRef repo, String name) {
        synchronized (model) {
            Repo r = model.require(repo);
            r.tags().remove(name);
            r.annotatedTags().remove(name);
        }
    }

    /**
     * Adds a pull request with its id, replacing one with the same id in the destination. Its source and
     * destination commits are what the branches point at.
     *
     * @return its id
     * @throws IllegalArgumentException when a repository, branch or the merge commit is missing
     */
    public int pullRequest(PullRequestSpec spec) {
        synchronized (model) {
            Repo destination = model.require(spec.destination());
            Repo source = model.require(spec.source());
            if (source.branch(spec.sourceBranch()) == null || destination.branch(spec.destinationBranch()) == null) {
                throw new IllegalArgumentException("Seed the branches of pull request #" + spec.id() + " first: "
                        + spec.sourceBranch() + ", " + spec.destinationBranch());
            }
            if (spec.mergeCommit() != null && destination.commit(spec.mergeCommit()) == null) {
                throw new IllegalArgumentException("Seed merge commit " + spec.mergeCommit() + " first");
            }
            PullRequest pr = new PullRequest(spec.id(), source, spec.sourceBranch(), destination,
                    spec.destinationBranch(), spec.author(), spec.title(), spec.description() == null ? ""
                            : spec.description(),
                    spec.createdOn());
            pr.state = spec.state();
            pr.updatedOn = spec.updatedOn();
            pr.version = spec.version();
            pr.mergeCommit = spec.mergeCommit();
            pr.closedBy = spec.closedBy();
            if (!"OPEN".equals(spec.state())) {
                pr.closedSourceHash = source.branch(spec.sourceBranch());
            }
            for (ReviewerSpec reviewer : spec.reviewers()) {
                Participant p = pr.participant(reviewer.account(), reviewer.role());
                p.status = reviewer.status();
                p.participatedOn = reviewer.participatedOn();
            }
            List<PullRequest> all = destination.pullRequests();
            all.removeIf(other -> other.id == spec.id());
            all.add(pr);
            all.sort(java.util.Comparator.comparingInt(other -> other.id));
            return spec.id();
        }
    }

    /**
     * The full hash seeded for a commit known only by a prefix (Cloud webhooks name pull-request commits by 12
     * characters): the prefix, completed with the SHA-1 of {@code "bitbridge-seed:" + prefix}. The same prefix always
     * gives the same hash, so payloads naming one commit agree.
     *
     * @param prefix 7 to 40 hex characters
     * @return 40 hex characters starting with {@code prefix}
     */
    public static String fullHash(String prefix) {
        if (!prefix.matches("[0-9a-f]{7,40}")) {
            throw new IllegalArgumentException("Not a hash or a prefix of one: " + prefix);
        }
        return prefix + sha1("bitbridge-seed:" + prefix).substring(0, 40 - prefix.length());
    }

    /** @return the file a seeded commit adds by default: {@code seeded/<first 12 characters of its hash>.txt} */
    public static String seededFile(String hash) {
        return SEEDED_FOLDER + hash.substring(0, 12) + ".txt";
    }

    private void ref(RepoRef repo, String name, String hash, boolean tag) {
        synchronized (model) {
            Repo r = model.require(repo);
            if (r.commit(hash) == null) {
                throw new IllegalArgumentException("No commit " + hash + " in " + repo + " for " + name);
            }
            if (tag) {
                r.tags().put(name, hash);
                r.annotatedTags().remove(name);
            } else {
                r.branches().put(name, hash);
            }
        }
    }

    private static String sha1(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

package dev.bitbridge.testkit.bitbucket.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.bitbridge.testkit.bitbucket.Account;
import dev.bitbridge.testkit.bitbucket.FileChange;
import dev.bitbridge.testkit.bitbucket.Flavor;
import dev.bitbridge.testkit.bitbucket.NewCommit;
import dev.bitbridge.testkit.bitbucket.RepoRef;

/**
 * The in-memory Bitbucket: owners, repositories, accounts. Every read and write of the model happens while holding
 * this object's monitor ({@code synchronized (model)}), from HTTP handlers and scenario methods alike.
 */
public final class Model {

    private final Flavor flavor;
    private final SimClock clock;
    private final Map<String, Owner> owners = new LinkedHashMap<>();
    private final List<Account> accounts = new ArrayList<>();
    private long nextId = 1;
    private long commitCounter;
    private Instant lastDate = Instant.EPOCH;

    public Model(Flavor flavor, SimClock clock) {
        this.flavor = flavor;
        this.clock = clock;
    }

    public Flavor flavor() {
        return flavor;
    }

    public SimClock clock() {
        return clock;
    }

    /** @return a new account with generated ids */
    public synchronized Account addAccount(String displayName, String email) {
        String name = email.substring(0, email.indexOf('@')).replaceAll("[^A-Za-z0-9._-]", "");
        Account account = new Account(name, displayName, email, braced(UUID.randomUUID()),
                "557058:" + UUID.randomUUID(), nextId++);
        accounts.add(account);
        return account;
    }

    public synchronized List<Account> accounts() {
        return List.copyOf(accounts);
    }

    /**
     * Registers an account whose identity a real payload gives, or finds the one registered already: the same Cloud
     * UUID, else (without UUIDs) the same Data Center id and name.
     *
     * @return the account registered
     */
    public synchronized Account seedAccount(Account account) {
        for (Account known : accounts) {
            boolean same = account.uuid() != null ? account.uuid().equals(known.uuid())
                    : known.uuid() == null && known.numericId() == account.numericId()
                            && known.name().equals(account.name());
            if (same) {
                return known;
            }
        }
        accounts.add(account);
        nextId = Math.max(nextId, account.numericId() + 1);
        return account;
    }

    public synchronized Owner createOwner(String key, String name) {
        return createOwner(key, name, null, null);
    }

    /**
     * Creates a workspace or project with a given identity, as a real payload shows it.
     *
     * @param uuid the Cloud UUID in braces, or {@code null} for a fresh one
     * @param id the Data Center id, or {@code null} for the next one; ids generated later stay above it
     */
    public synchronized Owner createOwner(String key, String name, String uuid, Long id) {
        if (owners.containsKey(key)) {
            throw new IllegalArgumentException("Already exists: " + key);
        }
        Owner owner = new Owner(key, name, uuid != null ? uuid : braced(UUID.randomUUID()), identity(id));
        owners.put(key, owner);
        return owner;
    }

    public synchronized Owner owner(String key) {
        return owners.get(key);
    }

    public synchronized List<Owner> owners() {
        return List.copyOf(owners.values());
    }

    public synchronized Repo createRepo(String ownerKey, String slug, Repo forkOf) {
        return createRepo(ownerKey, slug, forkOf, null, null);
    }

    /**
     * Creates a repository with a given identity, as a real payload shows it.
     *
     * @param uuid the Cloud UUID in braces, or {@code null} for a fresh one
     * @param id the Data Center id, or {@code null} for the next one; ids generated later stay above it
     */
    public synchronized Repo createRepo(String ownerKey, String slug, Repo forkOf, String uuid, Long id) {
        Owner owner = owners.get(ownerKey);
        if (owner == null) {
            throw new IllegalArgumentException("No such " + (flavor == Flavor.CLOUD ? "workspace" : "project") + ": "
                    + ownerKey);
        }
        if (owner.repo(slug) != null) {
            throw new IllegalArgumentException("Already exists: " + ownerKey + "/" + slug);
        }
        Repo repo = new Repo(owner, slug, uuid != null ? uuid : braced(UUID.randomUUID()), identity(id), forkOf);
        owner.add(repo);
        return repo;
    }

    /** @return the repository, or {@code null} */
    public synchronized Repo repo(String ownerKey, String slug) {
        Owner owner = owners.get(ownerKey);
        return owner == null ? null : owner.repo(slug);
    }

    /** @return the repository, or an exception naming it */
    public synchronized Repo require(RepoRef ref) {
        Repo repo = repo(ref.owner(), ref.slug());
        if (repo == null) {
            throw new IllegalArgumentException("No such repository: " + ref);
        }
        return repo;
    }

    /** @return every repository, by owner then creation */
    public synchronized List<Repo> repos() {
        List<Repo> all = new ArrayList<>();
        owners.values().forEach(o -> all.addAll(o.repos()));
        return all;
    }

    /**
     * Creates commits on top of {@code parent}, one after the other. Dates not set by the scenario are one second
     * apart, after every commit made before, so that history reads in creation order.
     *
     * @return the new commits, oldest first
     * @throws IllegalArgumentException when a declared file change does not fit the parent's files
     */
    public synchronized List<Commit> commit(Repo repo, String parent, List<NewCommit> specs) {
        List<Commit> made = new ArrayList<>();
        String previous = parent;
        Instant next = gitNow().minusSeconds(specs.size());
        for (NewCommit spec : specs) {
            next = next.isAfter(lastDate) ? next : lastDate.plusSeconds(1);
            FileTree before = previous == null ? FileTree.EMPTY : repo.commit(previous).tree();
            String message = spec.message().endsWith("\n") ? spec.message() : spec.message() + "\n";
            String hash = sha1(repo.fullName() + (commitCounter++) + message + previous);
            OffsetDateTime authored = spec.authorDate() != null ? spec.authorDate() : next.atOffset(spec.offset());
            OffsetDateTime committed = spec.committerDate() != null ? spec.committerDate()
                    : next.atOffset(spec.offset());
            FileTree tree = before.apply(hash, spec.files() != null ? spec.files() : defaultChange(before));
            Commit commit = new Commit(hash, message, spec.author(), spec.linked(), authored, spec.committer(),
                    committed, previous == null ? List.of() : List.of(previous), tree);
            repo.add(commit);
            made.add(commit);
            previous = hash;
            lastDate = next;
            next = next.plusSeconds(1);
        }
        return made;
    }

    /**
     * Creates a merge commit of {@code theirs} (possibly a fork's commit, fetched first) into {@code ours}: its files
     * are ours with what theirs changed since the merge base (their side wins where both changed a file).
     */
    public synchronized Commit merge(Repo repo, String ours, Repo theirsRepo, String theirs, NewCommit spec) {
        repo.fetch(theirsRepo, theirs);
        CommitGraph graph = repo.graph();
        String base = graph.mergeBase(ours, theirs);
        FileTree baseTree = base == null ? FileTree.EMPTY : repo.commit(base).tree();
        FileTree tree = repo.commit(ours).tree().with(repo.commit(theirs).tree().diff(baseTree));
        Instant when = gitNow().isAfter(lastDate) ? gitNow() : lastDate.plusSeconds(1);
        lastDate = when;
        String message = spec.message().endsWith("\n") ? spec.message() : spec.message() + "\n";
        Commit commit = new Commit(sha1(repo.fullName() + (commitCounter++) + message + ours + theirs), message,
                spec.author(), spec.linked(), when.atOffset(spec.offset()), spec.committer(),
                when.atOffset(spec.offset()), List.of(ours, theirs), tree);
        repo.add(commit);
        return commit;
    }

    /**
     * Adds a commit whose identity is given rather than made: its hash, parents, message (kept exactly: commits made
     * in Bitbucket's editor have no trailing newline), people and dates as a real payload shows them. Its files are its
     * parent's with {@code changes} applied; a merge commit's are its first parent's with what the other parents
     * changed since their merge base (as {@link #merge} makes them), then {@code changes}. A commit the repository has
     * already is kept as it is.
     *
     * @param parents parent hashes, first parent first; each must be in the repository already
     * @return the commit in the repository
     * @throws IllegalArgumentException when a parent is missing or a change does not fit the parent's files
     */
    public synchronized Commit seedCommit(Repo repo, String hash, String message, Account author, boolean linked,
            OffsetDateTime authored, Account committer, OffsetDateTime committed, List<String> parents,
            List<FileChange> changes) {
        Commit known = repo.commit(hash);
        if (known != null) {
            return known;
        }
        if (!hash.matches("[0-9a-f]{40}")) {
            throw new IllegalArgumentException("Not a full commit hash: " + hash);
        }
        for (String parent : parents) {
            if (repo.commit(parent) == null) {
                throw new IllegalArgumentException("Parent " + parent + " of " + hash + " is not in " + repo.fullName()
                        + "; seed it first");
            }
        }
        FileTree tree = parents.isEmpty() ? FileTree.EMPTY : repo.commit(parents.get(0)).tree();
        CommitGraph graph = repo.graph();
        for (String other : parents.subList(Math.min(1, parents.size()), parents.size())) {
            String base = graph.mergeBase(parents.get(0), other);
            tree = tree.with(repo.commit(other).tree().diff(base == null ? FileTree.EMPTY : repo.commit(base).tree()));
        }
        tree = tree.apply(hash, changes);
        Commit commit = new Commit(hash, message, author, linked, authored, committer, committed, List.copyOf(parents),
                tree);
        repo.add(commit);
        Instant latest = committed.toInstant().isAfter(authored.toInstant()) ? committed.toInstant()
                : authored.toInstant();
        lastDate = latest.isAfter(lastDate) ? latest : lastDate;
        return commit;
    }

    /** @return the given id (later generated ids stay above it), or the next one */
    private long identity(Long id) {
        if (id == null) {
            return nextId++;
        }
        nextId = Math.max(nextId, id + 1);
        return id;
    }

    /** @return a new annotated tag object pointing at {@code target} */
    public synchronized AnnotatedTag annotatedTag(Repo repo, String name, String target, Account tagger,
            String message) {
        Instant when = gitNow().isAfter(lastDate) ? gitNow() : lastDate.plusSeconds(1);
        lastDate = when;
        return new AnnotatedTag(sha1("tag " + repo.fullName() + name + target + (commitCounter++)), target, tagger,
                message.endsWith("\n") ? message : message + "\n", when.atOffset(ZoneOffset.UTC));
    }

    /** @return now, to the second, as git records dates */
    private Instant gitNow() {
        return clock.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    }

    private static List<FileChange> defaultChange(FileTree parent) {
        return List.of(parent.get(NewCommit.DEFAULT_FILE) == null ? FileChange.added(NewCommit.DEFAULT_FILE, 1)
                : FileChange.modified(NewCommit.DEFAULT_FILE, 1, 0));
    }

    /** @return a fresh id for a Data Center webhook or a Cloud hook UUID */
    public synchronized String nextHookId() {
        return flavor == Flavor.CLOUD ? braced(UUID.randomUUID()) : Long.toString(nextId++);
    }

    /** @return the next pull request id of a repository (ids count per destination repository) */
    public synchronized int nextPullRequestId(Repo repo) {
        return repo.pullRequests().stream().mapToInt(pr -> pr.id).max().orElse(0) + 1;
    }

    public static String braced(UUID uuid) {
        return "{" + uuid + "}";
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

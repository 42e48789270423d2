package dev.bitbridge.testkit.bitbucket;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A commit a scenario pushes; the simulator gives it a hash, its parent and, unless set here, its dates. Immutable:
 * each {@code with}-style method returns a changed copy.
 *
 * <pre>{@code
 * NewCommit.by(jane, "Rename the client")
 *         .renames("src/Old.java", "src/Client.java")
 *         .modifies("README.md", 3, 1)
 *         .committedBy(bob)
 *         .inOffset(ZoneOffset.ofHours(3));
 * }</pre>
 *
 * Without declared files a commit appends a line to {@code README.md} (adding the file when its parent has none), so
 * that older scenarios still produce commits that change something.
 */
public final class NewCommit {

    /** The file a commit without declared files touches. */
    public static final String DEFAULT_FILE = "README.md";

    private final Account author;
    private final String message;
    private final boolean linked;
    private final Account committer;
    private final OffsetDateTime authorDate;
    private final OffsetDateTime committerDate;
    private final ZoneOffset offset;
    private final List<FileChange> files;

    /**
     * @param author who wrote it (also its committer unless {@link #committedBy(Account)} says otherwise)
     * @param message the commit message (a trailing newline is added, as git stores it)
     * @param linked on Cloud, whether the author's e-mail is linked to the Bitbucket account, so that payloads carry
     *        {@code author.user}; on Data Center, whether author and committer appear as users rather than as a bare
     *        name and e-mail
     */
    public NewCommit(Account author, String message, boolean linked) {
        this(author, message, linked, author, null, null, ZoneOffset.UTC, null);
    }

    private NewCommit(Account author, String message, boolean linked, Account committer, OffsetDateTime authorDate,
            OffsetDateTime committerDate, ZoneOffset offset, List<FileChange> files) {
        this.author = Objects.requireNonNull(author, "author");
        this.message = Objects.requireNonNull(message, "message");
        this.linked = linked;
        this.committer = Objects.requireNonNull(committer, "committer");
        this.authorDate = authorDate;
        this.committerDate = committerDate;
        this.offset = Objects.requireNonNull(offset, "offset");
        this.files = files == null ? null : List.copyOf(files);
    }

    /** @return a commit by a linked account */
    public static NewCommit by(Account author, String message) {
        return new NewCommit(author, message, true);
    }

    /** @return a commit whose author e-mail is linked to no Bitbucket account (Cloud shows {@code raw} only) */
    public static NewCommit unlinked(Account author, String message) {
        return new NewCommit(author, message, false);
    }

    /** @return this commit with a file of {@code lines} lines added */
    public NewCommit adds(String path, int lines) {
        return withFile(FileChange.added(path, lines));
    }

    /** @return this commit with an edit of an existing file */
    public NewCommit modifies(String path, int linesAdded, int linesRemoved) {
        return withFile(FileChange.modified(path, linesAdded, linesRemoved));
    }

    /** @return this commit with an existing file removed */
    public NewCommit removes(String path) {
        return withFile(FileChange.removed(path));
    }

    /** @return this commit with an existing file renamed, its content unchanged */
    public NewCommit renames(String oldPath, String newPath) {
        return withFile(FileChange.renamed(oldPath, newPath));
    }

    /** @return this commit with these file changes added to those declared so far */
    public NewCommit withFiles(FileChange... changes) {
        NewCommit out = this;
        for (FileChange change : changes) {
            out = out.withFile(change);
        }
        return out;
    }

    /** @return this commit declared to change no file at all (an empty commit, {@code git commit --allow-empty}) */
    public NewCommit noFiles() {
        return new NewCommit(author, message, linked, committer, authorDate, committerDate, offset, List.of());
    }

    /** @return this commit with another committer (e.g. a maintainer applying a contributor's patch) */
    public NewCommit committedBy(Account who) {
        return new NewCommit(author, message, linked, who, authorDate, committerDate, offset, files);
    }

    /**
     * @return this commit with a fixed author date, its offset kept (as git keeps it); the committer date stays the simulator's
     */
    public NewCommit authoredAt(OffsetDateTime date) {
        return new NewCommit(author, message, linked, committer, date, committerDate, offset, files);
    }

    /** @return this commit with a fixed committer date */
    public NewCommit committedAt(OffsetDateTime date) {
        return new NewCommit(author, message, linked, committer, authorDate, date, offset, files);
    }

    /** @return this commit with dates the simulator chooses given in this offset (e.g. {@code +03:00}) */
    public NewCommit inOffset(ZoneOffset zone) {
        return new NewCommit(author, message, linked, committer, authorDate, committerDate, zone, files);
    }

    public Account author() {
        return author;
    }

    public String message() {
        return message;
    }

    public boolean linked() {
        return linked;
    }

    public Account committer() {
        return committer;
    }

    /** @return the author date set, or {@code null} for the simulator's choice */
    public OffsetDateTime authorDate() {
        return authorDate;
    }

    /**
     * @return the committer date set, or {@code null} for the simulator's choice (as {@code git commit --date} sets only the
     *         author date)
     */
    public OffsetDateTime committerDate() {
        return committerDate;
    }

    /** @return the offset of dates the simulator chooses */
    public ZoneOffset offset() {
        return offset;
    }

    /** @return the declared file changes, or {@code null} when none were declared ({@link #DEFAULT_FILE} is touched) */
    public List<FileChange> files() {
        return files;
    }

    private NewCommit withFile(FileChange change) {
        List<FileChange> all = new ArrayList<>(files == null ? List.of() : files);
        all.add(change);
        return new NewCommit(author, message, linked, committer, authorDate, committerDate, offset, all);
    }

    @Override
    public String toString() {
        return "NewCommit[" + author.name() + ": " + message.lines().findFirst().orElse("") + "]";
    }
}

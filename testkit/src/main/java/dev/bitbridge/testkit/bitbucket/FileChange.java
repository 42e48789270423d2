package dev.bitbridge.testkit.bitbucket;

import java.util.Objects;

/**
 * A change a commit makes to one file, as Bitbucket reports it: Cloud's diffstat {@code status}
 * ({@code added}/{@code modified}/{@code removed}/{@code renamed}), Data Center's change {@code type}
 * ({@code ADD}/{@code MODIFY}/{@code DELETE}/{@code MOVE}).
 *
 * @param type what happened to the file
 * @param path the file's path after the commit; for a removed file, the path it had
 * @param oldPath the path before a rename, else {@code null}
 * @param linesAdded lines added (for an added file: its length)
 * @param linesRemoved lines removed (for a removed file the simulator uses its whole length instead)
 */
public record FileChange(Type type, String path, String oldPath, int linesAdded, int linesRemoved) {

    /** What a commit did to a file. */
    public enum Type {
        ADDED,
        MODIFIED,
        REMOVED,
        RENAMED
    }

    public FileChange {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(path, "path");
        if (type == Type.RENAMED) {
            Objects.requireNonNull(oldPath, "oldPath");
        } else if (oldPath != null) {
            throw new IllegalArgumentException("Only a rename has an old path");
        }
        if (linesAdded < 0 || linesRemoved < 0) {
            throw new IllegalArgumentException("Line counts are not negative");
        }
    }

    /** @return a new file of {@code lines} lines */
    public static FileChange added(String path, int lines) {
        return new FileChange(Type.ADDED, path, null, lines, 0);
    }

    /** @return an edit of an existing file */
    public static FileChange modified(String path, int linesAdded, int linesRemoved) {
        return new FileChange(Type.MODIFIED, path, null, linesAdded, linesRemoved);
    }

    /** @return the removal of an existing file */
    public static FileChange removed(String path) {
        return new FileChange(Type.REMOVED, path, null, 0, 0);
    }

    /** @return a pure rename (content unchanged) */
    public static FileChange renamed(String oldPath, String newPath) {
        return new FileChange(Type.RENAMED, newPath, oldPath, 0, 0);
    }

    /** @return a rename with an edit */
    public static FileChange renamed(String oldPath, String newPath, int linesAdded, int linesRemoved) {
        return new FileChange(Type.RENAMED, newPath, oldPath, linesAdded, linesRemoved);
    }
}

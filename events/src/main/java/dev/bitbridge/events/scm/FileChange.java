package dev.bitbridge.events.scm;

/**
 * One file a commit or pull request changed.
 *
 * @param path the path after the change (before it, for a removal)
 * @param change what happened to it
 * @param oldPath for a rename (or copy), the path before; null otherwise
 */
public record FileChange(String path, ChangeType change, String oldPath) {

    /** What happened to a file. Lowercase in JSON. */
    public enum ChangeType {
        ADDED,
        MODIFIED,
        REMOVED,
        RENAMED,
        COPIED;

        @com.fasterxml.jackson.annotation.JsonValue
        public String json() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}

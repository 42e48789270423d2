package dev.bitbridge.events.scm;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * One file a commit or pull request changed.
 *
 * @param path the path after the change (before it, for a removal)
 * @param change what happened to it
 * @param oldPath for a rename (or copy), the path before; null (absent in JSON) otherwise
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FileChange(String path, ChangeType change, String oldPath) {

    /** What happened to a file. Lowercase in JSON. */
    public enum ChangeType {
        ADDED,
        MODIFIED,
        REMOVED,
        RENAMED,
        COPIED;

        @JsonValue
        public String json() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}

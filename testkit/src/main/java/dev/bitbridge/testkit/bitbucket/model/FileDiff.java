package dev.bitbridge.testkit.bitbucket.model;

import dev.bitbridge.testkit.bitbucket.FileChange;

/**
 * One file that differs between two trees.
 *
 * @param type added, modified, removed or renamed
 * @param oldPath its path in the older tree, {@code null} when added
 * @param newPath its path in the newer tree, {@code null} when removed
 * @param oldVersion its version in the older tree, {@code null} when added
 * @param newVersion its version in the newer tree, {@code null} when removed
 * @param linesAdded lines added
 * @param linesRemoved lines removed
 */
public record FileDiff(FileChange.Type type, String oldPath, String newPath, FileVersion oldVersion,
        FileVersion newVersion, int linesAdded, int linesRemoved) {

    /** @return the path it is sorted and shown by: the new path, or the old one for a removal */
    public String path() {
        return newPath != null ? newPath : oldPath;
    }
}

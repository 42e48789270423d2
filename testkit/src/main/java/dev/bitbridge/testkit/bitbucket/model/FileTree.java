package dev.bitbridge.testkit.bitbucket.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.bitbridge.testkit.bitbucket.FileChange;

/** The files of a commit, by path. Immutable. */
public final class FileTree {

    public static final FileTree EMPTY = new FileTree(new TreeMap<>());

    private final TreeMap<String, FileVersion> files;

    private FileTree(TreeMap<String, FileVersion> files) {
        this.files = files;
    }

    /** @return the version at a path, or {@code null} */
    public FileVersion get(String path) {
        return files.get(path);
    }

    public int size() {
        return files.size();
    }

    /**
     * @param commit the hash of the commit making the changes (new versions get ids derived from it)
     * @return the tree after the changes
     * @throws IllegalArgumentException when a change does not fit the tree (adding a file that exists, editing one
     *         that does not)
     */
    public FileTree apply(String commit, List<FileChange> changes) {
        TreeMap<String, FileVersion> out = new TreeMap<>(files);
        for (FileChange c : changes) {
            FileVersion old = out.get(c.type() == FileChange.Type.RENAMED ? c.oldPath() : c.path());
            switch (c.type()) {
                case ADDED -> {
                    require(old == null, c, "exists already");
                    out.put(c.path(), new FileVersion(sha1("lineage", commit, c.path()), sha1("blob", commit,
                            c.path()), c.linesAdded(), c.linesAdded(), 0));
                }
                case MODIFIED -> {
                    require(old != null, c, "does not exist");
                    out.put(c.path(), edit(old, commit, c));
                }
                case REMOVED -> {
                    require(old != null, c, "does not exist");
                    out.remove(c.path());
                }
                case RENAMED -> {
                    require(old != null, c, "does not exist");
                    require(!out.containsKey(c.path()), c, "would overwrite " + c.path());
                    out.remove(c.oldPath());
                    out.put(c.path(), c.linesAdded() == 0 && c.linesRemoved() == 0 ? old : edit(old, commit, c));
                }
                default -> throw new IllegalStateException();
            }
        }
        return new FileTree(out);
    }

    /** @return this tree with the differences of another pair of trees applied (a merge takes the other side's) */
    public FileTree with(List<FileDiff> diffs) {
        TreeMap<String, FileVersion> out = new TreeMap<>(files);
        for (FileDiff d : diffs) {
            if (d.oldPath() != null) {
                out.remove(d.oldPath());
            }
            if (d.newPath() != null) {
                out.put(d.newPath(), d.newVersion());
            }
        }
        return new FileTree(out);
    }

    /**
     * @return what changed from {@code older} to this tree, by path; a removed and an added file of one lineage are a rename
     */
    public List<FileDiff> diff(FileTree older) {
        List<FileDiff> out = new ArrayList<>();
        Map<String, String> removedByLineage = new HashMap<>();
        older.files.forEach((path, version) -> {
            if (!files.containsKey(path)) {
                removedByLineage.putIfAbsent(version.lineage(), path);
            }
        });
        java.util.Set<String> renamedFrom = new java.util.HashSet<>();
        files.forEach((path, version) -> {
            FileVersion before = older.files.get(path);
            if (before == null) {
                String from = removedByLineage.get(version.lineage());
                if (from != null) {
                    renamedFrom.add(from);
                    out.add(changed(FileChange.Type.RENAMED, from, path, older.files.get(from), version));
                } else {
                    out.add(new FileDiff(FileChange.Type.ADDED, null, path, null, version, version.lines(), 0));
                }
            } else if (!before.contentId().equals(version.contentId())) {
                out.add(changed(FileChange.Type.MODIFIED, path, path, before, version));
            }
        });
        older.files.forEach((path, version) -> {
            if (!files.containsKey(path) && !renamedFrom.contains(path)) {
                out.add(new FileDiff(FileChange.Type.REMOVED, path, null, version, null, 0, version.lines()));
            }
        });
        out.sort(Comparator.comparing(FileDiff::path));
        return out;
    }

    private static FileDiff changed(FileChange.Type type, String oldPath, String newPath, FileVersion before,
            FileVersion after) {
        if (!before.lineage().equals(after.lineage())) {
            return new FileDiff(type, oldPath, newPath, before, after, after.lines(), before.lines());
        }
        int added = (int) Math.max(0, after.addedTotal() - before.addedTotal());
        int removed = (int) Math.max(0, after.removedTotal() - before.removedTotal());
        return new FileDiff(type, oldPath, newPath, before, after, added, removed);
    }

    private static FileVersion edit(FileVersion old, String commit, FileChange c) {
        return new FileVersion(old.lineage(), sha1("blob", commit, c.path()), Math.max(0, old.lines() + c.linesAdded()
                - c.linesRemoved()), old.addedTotal() + c.linesAdded(), old.removedTotal() + c.linesRemoved());
    }

    private static void require(boolean ok, FileChange c, String problem) {
        if (!ok) {
            String path = c.type() == FileChange.Type.RENAMED ? c.oldPath() : c.path();
            throw new IllegalArgumentException("Cannot apply " + c + ": " + path + " " + problem
                    + " in the parent commit");
        }
    }

    static String sha1(String... parts) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-1");
            for (String part : parts) {
                digest.update(part.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
            }
            return java.util.HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

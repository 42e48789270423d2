package dev.bitbridge.testkit.jenkins;

import java.util.Arrays;
import java.util.List;

/**
 * The items of the simulated Jenkins, by full name ({@code Games/Client}: each segment one item's name, as
 * {@code Jenkins.getItemByFullName} reads it). Folders on the way are made when missing.
 */
final class JobTree {

    private final Folder root = new Folder("", null, Folder.Kind.ROOT);

    Folder root() {
        return root;
    }

    Folder createFolder(String path, Folder.Kind kind) {
        List<String> names = split(path);
        Folder parent = folders(names.subList(0, names.size() - 1));
        Folder folder = new Folder(names.get(names.size() - 1), parent, kind);
        parent.add(folder);
        return folder;
    }

    Job createJob(String path, Job.Kind kind, List<JobParameter> parameters) {
        List<String> names = split(path);
        Folder parent = folders(names.subList(0, names.size() - 1));
        Job job = new Job(names.get(names.size() - 1), parent, kind, parameters);
        parent.add(job);
        return job;
    }

    /** @return the item with this full name, or {@code null} */
    TreeItem find(String fullName) {
        TreeItem item = root;
        for (String name : split(fullName)) {
            if (!(item instanceof Folder folder)) {
                return null;
            }
            item = folder.child(name);
            if (item == null) {
                return null;
            }
        }
        return item;
    }

    Job job(String fullName) {
        if (find(fullName) instanceof Job job) {
            return job;
        }
        throw new IllegalArgumentException("No job " + fullName);
    }

    Folder folder(String fullName) {
        if (find(fullName) instanceof Folder folder && folder != root) {
            return folder;
        }
        throw new IllegalArgumentException("No folder " + fullName);
    }

    private Folder folders(List<String> names) {
        Folder folder = root;
        for (String name : names) {
            TreeItem child = folder.child(name);
            if (child == null) {
                Folder made = new Folder(name, folder, Folder.Kind.FOLDER);
                folder.add(made);
                folder = made;
            } else if (child instanceof Folder existing) {
                folder = existing;
            } else {
                throw new IllegalArgumentException(child.fullName() + " is a job, not a folder");
            }
        }
        return folder;
    }

    static List<String> split(String path) {
        List<String> names = Arrays.stream(path.split("/")).filter(s -> !s.isEmpty()).toList();
        if (names.isEmpty()) {
            throw new IllegalArgumentException("Empty item path: " + path);
        }
        return names;
    }
}

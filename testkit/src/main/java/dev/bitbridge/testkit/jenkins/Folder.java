package dev.bitbridge.testkit.jenkins;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Jenkins itself (the root), a folder (cloudbees-folder) or a multibranch project, holding items by name. */
final class Folder extends TreeItem {

    enum Kind {
        ROOT("hudson.model.Hudson"),
        FOLDER("com.cloudbees.hudson.plugins.folder.Folder"),
        MULTIBRANCH("org.jenkinsci.plugins.workflow.multibranch.WorkflowMultiBranchProject");

        private final String className;

        Kind(String className) {
            this.className = className;
        }
    }

    private final Kind kind;
    private final Map<String, TreeItem> children = new LinkedHashMap<>();

    Folder(String name, Folder parent, Kind kind) {
        super(name, parent);
        this.kind = kind;
    }

    Kind kind() {
        return kind;
    }

    TreeItem child(String name) {
        return children.get(name);
    }

    void add(TreeItem item) {
        if (children.containsKey(item.name())) {
            throw new IllegalArgumentException("An item named " + item.name() + " already exists in "
                    + (parent() == null ? "Jenkins" : fullName()));
        }
        children.put(item.name(), item);
    }

    List<TreeItem> children() {
        return new ArrayList<>(children.values());
    }

    @Override
    String className() {
        return kind.className;
    }
}

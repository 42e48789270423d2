package dev.bitbridge.testkit.jenkins;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A folder or job of the simulated Jenkins, known by its name inside its parent (Jenkins' {@code Item}). */
abstract class TreeItem {

    private final String name;
    private final Folder parent;
    private String displayName;

    TreeItem(String name, Folder parent) {
        this.name = name;
        this.parent = parent;
    }

    String name() {
        return name;
    }

    Folder parent() {
        return parent;
    }

    /** @return the display name set for it (a branch job's branch name), or {@code null} */
    String displayNameOrNull() {
        return displayName;
    }

    void displayName(String displayName) {
        this.displayName = displayName;
    }

    String displayName() {
        return displayName == null ? name : displayName;
    }

    /** @return the names from the top level down to this item */
    List<String> path() {
        List<String> names = new ArrayList<>();
        for (TreeItem item = this; item != null && item.parent != null; item = item.parent) {
            names.add(item.name);
        }
        Collections.reverse(names);
        return names;
    }

    /** @return Jenkins' full name, the path joined with {@code /} ({@code Games/Client}, {@code repo/feature%2Ffoo}) */
    String fullName() {
        return String.join("/", path());
    }

    /** @return the item's URL below the root URL, {@code job/Games/job/Client/} */
    String urlPath() {
        StringBuilder url = new StringBuilder();
        for (String segment : path()) {
            url.append("job/").append(JenkinsUrls.rawEncode(segment)).append('/');
        }
        return url.toString();
    }

    /** @return the Java class Jenkins reports as {@code _class} */
    abstract String className();
}

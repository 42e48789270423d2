package dev.bitbridge.testkit.bitbucket.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A Cloud workspace or a Data Center project: what owns repositories. */
public final class Owner {

    private final String key;
    private final String name;
    private final String uuid;
    private final long id;
    private final Map<String, Repo> repos = new LinkedHashMap<>();

    Owner(String key, String name, String uuid, long id) {
        this.key = key;
        this.name = name;
        this.uuid = uuid;
        this.id = id;
    }

    /** @return the workspace slug or the project key */
    public String key() {
        return key;
    }

    /** @return the display name */
    public String name() {
        return name;
    }

    /** @return the Cloud UUID in braces */
    public String uuid() {
        return uuid;
    }

    /** @return the Data Center numeric id */
    public long id() {
        return id;
    }

    /** @return its repositories, in creation order */
    public List<Repo> repos() {
        return new ArrayList<>(repos.values());
    }

    Repo repo(String slug) {
        return repos.get(slug);
    }

    void add(Repo repo) {
        repos.put(repo.slug(), repo);
    }
}

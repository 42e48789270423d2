package dev.bitbridge.testkit.bitbucket;

import java.util.Objects;

/**
 * Names one repository of a simulator.
 *
 * @param owner the workspace slug (Cloud) or the project key (Data Center)
 * @param slug the repository slug
 */
public record RepoRef(String owner, String slug) {

    public RepoRef {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(slug, "slug");
    }

    /** @return {@code workspace/slug} on Cloud, {@code PROJECT/slug} on Data Center */
    public String fullName() {
        return owner + "/" + slug;
    }

    @Override
    public String toString() {
        return fullName();
    }
}

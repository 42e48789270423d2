package dev.bitbridge.testkit.bitbucket;

/**
 * Data Center permissions. A project permission gives the repository permission of the same level on every
 * repository of the project; {@link #SYS_ADMIN} gives everything.
 */
public enum DcPermission {
    REPO_READ(1),
    REPO_WRITE(2),
    REPO_ADMIN(3),
    PROJECT_READ(1),
    PROJECT_WRITE(2),
    PROJECT_ADMIN(3),
    SYS_ADMIN(3);

    private final int level;

    DcPermission(int level) {
        this.level = level;
    }

    /** @return 1 (read), 2 (write) or 3 (admin): what this permission allows on a repository it covers */
    public int repositoryLevel() {
        return level;
    }

    /** @return whether it covers a whole project (or everything) rather than one repository */
    public boolean projectWide() {
        return this != REPO_READ && this != REPO_WRITE && this != REPO_ADMIN;
    }
}

package dev.bitbridge.testkit.jenkins;

/**
 * The permissions of Jenkins' matrix authorization that the remote access API checks (jenkins.md, "Authentication and
 * CSRF"). Job permissions granted on a folder hold for everything inside it; {@link #JOB_READ} implies
 * {@link #JOB_DISCOVER}, as in Jenkins.
 */
public enum Permission {
    /** {@code hudson.model.Hudson.Read}: without it every request is refused with 403. */
    OVERALL_READ("hudson.model.Hudson.Read", "Overall/Read"),
    /** {@code hudson.model.Item.Discover}: a job the caller cannot read answers 403 instead of 404. */
    JOB_DISCOVER("hudson.model.Item.Discover", "Job/Discover"),
    /** {@code hudson.model.Item.Read}: without it (and without Discover) a job answers 404, as a missing one. */
    JOB_READ("hudson.model.Item.Read", "Job/Read"),
    /** {@code hudson.model.Item.Build}: needed to trigger a build. */
    JOB_BUILD("hudson.model.Item.Build", "Job/Build"),
    /** {@code hudson.model.Item.Cancel}: needed to cancel a queue item or stop a build. */
    JOB_CANCEL("hudson.model.Item.Cancel", "Job/Cancel");

    private final String id;
    private final String title;

    Permission(String id, String title) {
        this.id = id;
        this.title = title;
    }

    /** @return the permission's id, as Jenkins names it in {@code X-Required-Permission} */
    String id() {
        return id;
    }

    /** @return the permission as Jenkins' "is missing the ... permission" message names it */
    String title() {
        return title;
    }
}

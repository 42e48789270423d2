package dev.bitbridge.testkit.jenkins;

/**
 * The final results of a Jenkins build ({@code hudson.model.Result}): {@code SUCCESS}, {@code UNSTABLE},
 * {@code FAILURE}, {@code NOT_BUILT}, {@code ABORTED} (jenkins.md, "Following a build"), with the ball colour Jenkins
 * shows for each.
 */
public enum BuildResult {
    SUCCESS("blue"),
    UNSTABLE("yellow"),
    FAILURE("red"),
    NOT_BUILT("notbuilt"),
    ABORTED("aborted");

    private final String color;

    BuildResult(String color) {
        this.color = color;
    }

    /** @return the ball colour of a job whose last completed build had this result */
    String color() {
        return color;
    }

    /** @return whether Jenkins counts it as "successful" ({@code lastSuccessfulBuild}: stable or unstable) */
    boolean successful() {
        return this == SUCCESS || this == UNSTABLE;
    }
}

package dev.bitbridge.trigger.jenkins;

/**
 * A build as Jenkins reports it ({@code {job}/{N}/api/json}).
 *
 * @param number the build number
 * @param building whether it still runs: only {@code building == false} means finished — Jenkins sets
 *        {@code result} early when a step marks the build UNSTABLE (jenkins.md)
 * @param result {@code SUCCESS}, {@code UNSTABLE}, {@code FAILURE}, {@code ABORTED} or {@code NOT_BUILT}; null while
 *        none is set
 * @param durationMillis how long it ran, once finished
 * @param url the build's page as Jenkins names it
 */
public record BuildStatus(int number, boolean building, String result, long durationMillis, String url) {

    /** @return whether the build has finished: not building (a result alone does not say so) */
    public boolean finished() {
        return !building;
    }
}

package dev.bitbridge.bench.suite;

/**
 * One phase as it ran.
 *
 * @param name e.g. {@code at 100/s}
 * @param rate pushes per second
 * @param pushes pushes made
 * @param pushSeconds from the first push's scheduled time to the last push made
 * @param latency the pushes' figures
 * @param during memory and CPU from the first push until every push's result was posted (or the deadline)
 * @param after memory and CPU in the quiet seconds after that
 * @param machine the machine's CPU in the {@code during} window
 * @param bitbucketRequests requests the Bitbucket simulator answered in the {@code during} window
 * @param jenkinsRequests requests the Jenkins simulator answered in the {@code during} window
 * @param unfinished pushes whose result was not posted by the end of the {@code during} window
 * @param hops where the pushes' time went, hop by hop ({@link Hops})
 * @param extraPosts build-status posts beyond INPROGRESS and the result for this phase's commits
 * @param otherPosts build-status posts in the window for commits of earlier phases (all of which had their result
 *        posted before this phase began), and re-posts 30 s or more after a commit's first
 */
public record PhaseRun(String name, int rate, int pushes, double pushSeconds, PhaseLatency latency,
        MemorySampler.Window during, MemorySampler.Window after, MachineCpu.Use machine, long bitbucketRequests,
        long jenkinsRequests, int unfinished, java.util.Map<String, dev.bitbridge.bench.LatencyStats> hops,
        long extraPosts, long otherPosts) {
}

package dev.bitbridge.bench.suite;

/**
 * One push's way through the suite, every time a {@link System#nanoTime()} of the harness JVM (which runs both
 * simulators), {@code null} when it did not happen within the deadline.
 *
 * @param commit the pushed commit
 * @param scheduledNanos when the push was due (open loop: {@code start + i / rate})
 * @param sentNanos when the simulator sent its webhook to the ingress
 * @param acceptedNanos when the ingress's 2xx answer to it came; {@code null} when it was refused or not answered
 * @param deliveryStatus the ingress's status, -1 when no answer came, 0 when no delivery was made
 * @param jenkinsNanos when the Jenkins simulator received the {@code buildWithParameters} POST naming the commit
 * @param inProgressNanos when the Bitbucket simulator received the commit's INPROGRESS build status
 * @param inProgressSkipped whether the commit's result was posted without INPROGRESS before it
 */
public record PushTiming(String commit, long scheduledNanos, Long sentNanos, Long acceptedNanos, int deliveryStatus,
        Long jenkinsNanos, Long inProgressNanos, boolean inProgressSkipped) {
}

package dev.bitbridge.trigger.targets;

import dev.bitbridge.trigger.jenkins.JenkinsEndpoint;

/**
 * Where one build goes: the Jenkins, who Bitbridge is there, and the job.
 *
 * @param endpoint the Jenkins and its credential
 * @param job the job's full name as reported ({@code Games/Client}, or {@code repo/feature%2Ffoo} for a branch job)
 * @param jobUrl the job's URL
 * @param target the target it was resolved in
 */
public record ResolvedJob(JenkinsEndpoint endpoint, String job, String jobUrl, JenkinsTarget target) {
}

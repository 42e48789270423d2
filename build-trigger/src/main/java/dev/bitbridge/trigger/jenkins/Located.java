package dev.bitbridge.trigger.jenkins;

/**
 * Where a request, looked for by its {@code BITBRIDGE_REQUEST_ID} parameter, was found in Jenkins.
 *
 * @param queueId the queue item that carries it, when found waiting in the queue (or named by its build)
 * @param buildNumber the build that carries it, when found among the job's builds; else null
 */
public record Located(Long queueId, Integer buildNumber) {
}

package dev.bitbridge.testkit.jenkins;

import java.util.Map;

/**
 * A queue item as a test sees it.
 *
 * @param id the queue id
 * @param job the job's full name
 * @param parameters the values of its {@code ParametersAction} (empty when it has none)
 * @param state {@code WAITING} (quiet period), {@code BUILDABLE} (waiting for an executor) or {@code LEFT}
 * @param cancelled whether it left by being cancelled
 * @param buildNumber the number of its build once started, or {@code null}
 */
public record QueueItemView(long id, String job, Map<String, String> parameters, String state, boolean cancelled,
        Integer buildNumber) {
}

package dev.bitbridge.testkit.jenkins;

import java.time.Instant;
import java.util.Map;

/**
 * A build as a test sees it.
 *
 * @param job the job's full name
 * @param number the build number
 * @param queueId the id of the queue item it came from
 * @param parameters the values of its {@code ParametersAction}, in definition order (empty when it has none)
 * @param result the result Jenkins shows now ({@code null} while building, unless shown early)
 * @param building whether it is still running
 * @param startedAt when it started
 */
public record BuildView(String job, int number, long queueId, Map<String, String> parameters, BuildResult result,
        boolean building, Instant startedAt) {
}

package dev.bitbridge.trigger.manual;

import java.time.Instant;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A build as the API shows it: what was asked, where it is in Jenkins, and who asked and cancelled. Never a
 * credential: the Jenkins target's secret is not part of a build.
 *
 * @param requestId the build's id ({@code /api/v1/builds/{requestId}})
 * @param requestReason why it was asked for: {@code manual}, {@code push}, {@code pull-request}, {@code tag},
 *        {@code schedule}
 * @param kind which builds of one commit are the same build ({@code manual}, {@code commit}, …)
 * @param state PENDING (not sent to Jenkins yet), DISPATCHING (being sent, or its answer awaited), QUEUED,
 *        INPROGRESS, SUCCESSFUL, FAILED or STOPPED
 * @param reason why the last change of state happened (the Jenkins result, who cancelled, what failed)
 * @param result Jenkins' result, once it gave one
 * @param parameters the parameters the request added (a manual build's own)
 * @param cancelRequestedBy who asked to cancel it, when someone did
 * @param cancelProblem why Jenkins could not be told to cancel it, when it refused
 */
@Schema(name = "Build")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BuildView(String requestId, String integration, String flavor, String repository, String commit,
        String branch, String tag, Long pullRequest, String job, String statusKey, String requestReason, String kind,
        @Schema(enumeration = {
                "PENDING", "DISPATCHING", "QUEUED", "INPROGRESS", "SUCCESSFUL", "FAILED",
                "STOPPED" }) String state,
        String reason, String result, String jenkinsUrl, String queueUrl, String buildUrl, Integer buildNumber,
        Long durationMillis, String requestedBy, Map<String, String> parameters, String cancelRequestedBy,
        Instant cancelRequestedAt, String cancelProblem, Instant createdAt, Instant updatedAt){
}

package dev.bitbridge.trigger.manual;

import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What {@code POST /api/v1/builds} takes: a person asking for a build.
 *
 * @param integration the integration whose Jenkins target builds it
 * @param repository the repository's full name ({@code workspace/slug}, {@code PROJECT/slug})
 * @param commit the full hash to build; with only a branch, the branch's head is read through the connector
 * @param branch the branch, without {@code refs/heads/}: passed to the job as {@code BRANCH}, and the job of a
 *        multibranch target
 * @param job the Jenkins job path; absent: the target's default job
 * @param parameters extra build parameters, name → value
 * @param requestedBy who asks: the admin token names no person, so the caller declares one
 * @param flavor {@code cloud} or {@code datacenter}: needed only when no connector is configured to say it
 */
@Schema(name = "ManualBuildRequest")
public record ManualBuildRequest(
        @Schema(required = true, example = "acme") String integration,
        @Schema(required = true, example = "GAME/client") String repository,
        @Schema(description = "Full commit hash; required when no connector is configured") String commit,
        @Schema(example = "main") String branch,
        @Schema(example = "Games/Client") String job,
        Map<String, String> parameters,
        @Schema(required = true, description = "Who asks, as they should be shown (declared: the admin token names"
                + " no person)", example = "alice") String requestedBy,
        @Schema(enumeration = {
                "cloud", "datacenter" }, description = "Only without a connector; else the"
                        + " connector's integration says it") String flavor){
}

package dev.bitbridge.connector.statuses;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A build status to post, the same for Bitbucket Cloud and Data Center; the connector sends each what it takes.
 *
 * @param state {@code INPROGRESS}, {@code SUCCESSFUL}, {@code FAILED} or {@code STOPPED}
 * @param url the build's page: absolute http(s), at most 450 characters
 * @param name the title Bitbucket shows, at most 255 characters
 * @param description one line about the state, at most 255 characters
 * @param branch the branch built (a pull request's source branch): the status then shows on the pull request too
 * @param tag the tag built, instead of a branch
 * @param buildNumber the build's number
 * @param durationMillis how long it ran
 * @param parent the job, for Data Center's grouping; at most 255 characters
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "BuildStatusRequest")
public record BuildStatusRequest(
        @Schema(required = true, enumeration = {
                "INPROGRESS", "SUCCESSFUL", "FAILED", "STOPPED" }) String state,
        @Schema(required = true, example = "https://ci.example.com/job/Games/job/Client/42/") String url,
        @Schema(example = "Games/Client #42") String name,
        @Schema(example = "Build #42 succeeded in 1 min 33 s") String description,
        @Schema(example = "feature/GAME-12") String branch,
        String tag,
        Long buildNumber,
        Long durationMillis,
        @Schema(example = "Games/Client") String parent){
}

package dev.bitbridge.reporter.statuses;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A build status as Bitbucket should show it, in the connector's terms ({@code PUT …/build-statuses/{key}}): every
 * field within what both Bitbucket Cloud and Data Center (even its legacy endpoint) accept, so that no post is refused
 * for its shape.
 *
 * @param state {@code INPROGRESS}, {@code SUCCESSFUL}, {@code FAILED} or {@code STOPPED} (Bitbucket Cloud's states;
 *        the connector sends a Data Center server what it supports)
 * @param url the build's page: absolute http(s), at most {@value StatusMapping#MAX_URL} characters
 * @param name the title Bitbucket shows, at most {@value StatusMapping#MAX_TEXT} characters
 * @param description one line about the state, at most {@value StatusMapping#MAX_TEXT} characters
 * @param branch the branch the build is for (a pull request's source branch): the status then shows on the pull
 *        request too
 * @param tag the tag, for a tag build
 * @param buildNumber Jenkins' build number, once known
 * @param durationMillis how long the build ran, once finished
 * @param parent the Jenkins job, for Data Center's grouping of builds
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WantedStatus(String state, String url, String name, String description, String branch, String tag,
        Integer buildNumber, Long durationMillis, String parent) {
}

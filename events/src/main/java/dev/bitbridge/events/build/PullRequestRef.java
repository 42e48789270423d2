package dev.bitbridge.events.build;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The pull request a build is for.
 *
 * @param id its number in the destination repository
 * @param sourceBranch the source branch (a status posted with it as {@code refname} shows on the pull request)
 * @param destinationBranch the destination branch
 * @param url its web page, when known
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PullRequestRef(long id, String sourceBranch, String destinationBranch, String url) {
}

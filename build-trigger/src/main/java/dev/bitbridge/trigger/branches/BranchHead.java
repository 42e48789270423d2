package dev.bitbridge.trigger.branches;

/**
 * Where a branch points now, as the connector read it from Bitbucket.
 *
 * @param repository the repository's full name ({@code workspace/slug}, {@code PROJECT/slug})
 * @param branch the branch, without {@code refs/heads/}
 * @param commit the full hash of its head commit
 * @param flavor the integration's flavor, {@code cloud} or {@code datacenter}: what a build request says
 */
public record BranchHead(String repository, String branch, String commit, String flavor) {
}

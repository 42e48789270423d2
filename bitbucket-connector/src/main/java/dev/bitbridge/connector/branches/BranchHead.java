package dev.bitbridge.connector.branches;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Where a branch points now, as Bitbucket answered: what build-trigger's {@code BranchHeads} reads.
 *
 * @param repository the repository's full name ({@code workspace/slug}, {@code PROJECT/slug})
 * @param branch the branch, without {@code refs/heads/}
 * @param commit the full hash of its head commit
 * @param flavor the integration's flavor, {@code cloud} or {@code datacenter}
 */
@Schema(name = "BranchHead")
public record BranchHead(String repository, String branch, String commit,
        @Schema(enumeration = {
                "cloud", "datacenter" }) String flavor){
}

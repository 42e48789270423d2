package dev.bitbridge.connector.branches;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.mutiny.Uni;

import dev.bitbridge.api.ApiError;
import dev.bitbridge.api.ApiRoles;

/**
 * {@code GET /api/v1/integrations/{name}/repositories/{owner}/{slug}/branch-head?branch=…}: the commit a branch points
 * to now, read from Bitbucket — what build-trigger asks for to build a branch (manual builds, schedules).
 */
@Path("/api/v1/integrations/{name}/repositories/{owner}/{slug}/branch-head")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Repositories")
@SecurityRequirement(name = "bearer")
@RolesAllowed(ApiRoles.ADMIN)
public class BranchHeadResource {

    private final BranchHeadReader reader;

    BranchHeadResource(BranchHeadReader reader) {
        this.reader = reader;
    }

    @GET
    @Operation(summary = "Read where a branch points now", description = "Asks Bitbucket with the integration's"
            + " credential (one call, two when Cloud does not know the branch; counted against its API budget). The"
            + " branch is a query parameter, so names with '/' need no path encoding.")
    @APIResponse(responseCode = "200", description = "The branch's head commit and the integration's flavor", content = @Content(schema = @Schema(implementation = BranchHead.class)))
    @APIResponse(responseCode = "400", description = "No branch, a branch given as refs/heads/…, or a malformed repository", content = @Content(schema = @Schema(implementation = ApiError.class)))
    @APIResponse(responseCode = "404", description = "The integration, the repository or the branch is unknown: `fields[0].field` names which", content = @Content(schema = @Schema(implementation = ApiError.class)))
    @APIResponse(responseCode = "409", description = "The integration has no credentials", content = @Content(schema = @Schema(implementation = ApiError.class)))
    @APIResponse(responseCode = "502", description = "Bitbucket refused the integration's credential or answered something unusable", content = @Content(schema = @Schema(implementation = ApiError.class)))
    @APIResponse(responseCode = "503", description = "Bitbucket is unreachable, failing or rate limiting: ask again after Retry-After", content = @Content(schema = @Schema(implementation = ApiError.class)))
    public Uni<BranchHead> head(@PathParam("name") String name, @PathParam("owner") String owner,
            @PathParam("slug") String slug,
            @Parameter(description = "The branch's name, without refs/heads/", example = "feature/GAME-12") @QueryParam("branch") String branch) {
        return reader.head(name, owner + "/" + slug, branch);
    }

}

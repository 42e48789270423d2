package dev.bitbridge.connector.statuses;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.mutiny.Uni;

import dev.bitbridge.api.ApiError;
import dev.bitbridge.api.ApiRoles;

/**
 * {@code PUT /api/v1/integrations/{name}/repositories/{owner}/{slug}/commits/{commit}/build-statuses/{key}}: posts a
 * build status to Bitbucket with the integration's credential — what status-reporter asks for (ADR 14).
 */
@Path("/api/v1/integrations/{name}/repositories/{owner}/{slug}/commits/{commit}/build-statuses/{key}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Repositories")
@SecurityRequirement(name = "bearer")
@RolesAllowed(ApiRoles.ADMIN)
public class BuildStatusResource {

    private final BuildStatusPoster poster;

    BuildStatusResource(BuildStatusPoster poster) {
        this.poster = poster;
    }

    @PUT
    @Operation(summary = "Post a build status to a commit", description = "One call to Bitbucket with the"
            + " integration's credential, counted against its API budget and not retried (the caller retries). Cloud:"
            + " statuses/build with the branch as refname; Data Center: the builds endpoint or, on servers without it,"
            + " the legacy build-status endpoint, found out from /rest/capabilities. The same key again overwrites.")
    @APIResponse(responseCode = "200", description = "Bitbucket shows it: how it was posted", content = @Content(schema = @Schema(implementation = PostedStatus.class)))
    @APIResponse(responseCode = "400", description = "A field Bitbucket would refuse; `fields` names each", content = @Content(schema = @Schema(implementation = ApiError.class)))
    @APIResponse(responseCode = "404", description = "No such integration", content = @Content(schema = @Schema(implementation = ApiError.class)))
    @APIResponse(responseCode = "409", description = "The integration has no credentials", content = @Content(schema = @Schema(implementation = ApiError.class)))
    @APIResponse(responseCode = "422", description = "Bitbucket refused it (credential, permission, unknown repository or commit, content); `error` says which", content = @Content(schema = @Schema(implementation = ApiError.class)))
    @APIResponse(responseCode = "429", description = "Bitbucket is rate limiting the credential: ask again after Retry-After", content = @Content(schema = @Schema(implementation = ApiError.class)))
    @APIResponse(responseCode = "503", description = "Bitbucket is unreachable or failing: ask again after Retry-After", content = @Content(schema = @Schema(implementation = ApiError.class)))
    public Uni<PostedStatus> put(@PathParam("name") String name, @PathParam("owner") String owner,
            @PathParam("slug") String slug, @PathParam("commit") String commit, @PathParam("key") String key,
            BuildStatusRequest status) {
        return poster.post(name, owner + "/" + slug, commit, key, status);
    }

}

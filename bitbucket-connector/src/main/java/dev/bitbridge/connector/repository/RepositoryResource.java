package dev.bitbridge.connector.repository;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.mutiny.Uni;

import dev.bitbridge.api.ApiException;
import dev.bitbridge.api.ApiRoles;
import dev.bitbridge.api.QueryParams;

/** {@code /api/v1/integrations/{name}/repositories}: connect, list, repair and disconnect repositories. */
@Path("/api/v1/integrations/{name}/repositories")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Repositories")
@SecurityRequirement(name = "bearer")
@RolesAllowed(ApiRoles.ADMIN)
public class RepositoryResource {

    private final RepositoryService repositories;
    private final AvailableRepositories available;

    RepositoryResource(RepositoryService repositories, AvailableRepositories available) {
        this.repositories = repositories;
        this.available = available;
    }

    @GET
    @Path("available")
    @Operation(summary = "List the repositories the credential can see", description = "Cloud: the integration's"
            + " workspace; Data Center: every repository visible to the credential. Pass `next` for the next page.")
    public Uni<AvailableRepositories.Page> available(@PathParam("name") String name, @QueryParam("next") String next,
            @Parameter(schema = @Schema(type = SchemaType.INTEGER, defaultValue = "25")) @QueryParam("limit") String limitParam) {
        int limit = QueryParams.integer("limit", limitParam, 25);
        return available.page(name, next, limit);
    }

    @GET
    @Operation(summary = "List the connected repositories")
    public Uni<List<ConnectedRepository>> connected(@PathParam("name") String name) {
        return repositories.connected(name);
    }

    @POST
    @Operation(summary = "Connect a repository", description = "With webhook=automatic (the default) Bitbridge"
            + " registers its hook on the repository, or repairs one of its hooks that drifted; hooks that are not"
            + " Bitbridge's are never touched. With webhook=manual the answer shows once what to enter in Bitbucket.")
    public Uni<ConnectedRepository> connect(@PathParam("name") String name, ConnectRequest request) {
        if (request == null) {
            throw ApiException.invalid("body", "is required: {\"repository\": \"workspace/slug\"}");
        }
        return repositories.connect(name, request);
    }

    @POST
    @Path("{owner}/{slug}/repair")
    @Operation(summary = "Rewrite the repository's hook as Bitbridge wants it", description = "Use when deliveries fail with a signature mismatch: Bitbucket Cloud cannot show whether a"
            + " hook's secret was changed.")
    public Uni<ConnectedRepository> repair(@PathParam("name") String name, @PathParam("owner") String owner,
            @PathParam("slug") String slug) {
        return repositories.repair(name, owner + "/" + slug);
    }

    @DELETE
    @Path("{owner}/{slug}")
    @Operation(summary = "Disconnect a repository", description = "Removes Bitbridge's hook from it; reports a hook"
            + " that could not be removed.")
    public Uni<RepositoryService.DisconnectReport> disconnect(@PathParam("name") String name,
            @PathParam("owner") String owner, @PathParam("slug") String slug) {
        return repositories.disconnect(name, owner + "/" + slug);
    }
}

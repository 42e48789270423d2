package dev.bitbridge.trigger.schedule;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.mutiny.Uni;

import dev.bitbridge.api.ApiException;
import dev.bitbridge.api.ApiRoles;
import dev.bitbridge.api.QueryParams;

/**
 * {@code /api/v1/schedules}: scheduled builds. A schedule is addressed by its id, which every build it makes carries
 * (the request's kind {@code schedule/<id>/<slot>} and trigger), so a build leads back to its schedule in one call;
 * {@code ?integration=&repository=} lists one repository's.
 */
@Path("/api/v1/schedules")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Schedules", description = "Builds of a branch's head at the times of a cron expression")
@SecurityRequirement(name = "bearer")
@RolesAllowed(ApiRoles.ADMIN)
public class ScheduleResource {

    static final int MAX_PAGE = 500;

    private final ScheduleService schedules;

    ScheduleResource(ScheduleService schedules) {
        this.schedules = schedules;
    }

    @POST
    @Operation(summary = "Create a schedule", description = "Checks every field (a 400 names each one at fault), that"
            + " the repository or its integration has a Jenkins target, and through the connector that the"
            + " integration and branch exist; nothing is stored unless all pass. The first slot is the first time"
            + " the cron expression matches after now.")
    @APIResponse(responseCode = "201", description = "Created; Location names it")
    @APIResponse(responseCode = "400", description = "A field is invalid (each is named), or no connector is"
            + " configured (connector_not_configured)")
    @APIResponse(responseCode = "503", description = "The connector could not be asked; nothing was stored")
    public Uni<Response> create(ScheduleRequest request) {
        return schedules.create(request).map(view -> Response.status(201)
                .header("Location", "/api/v1/schedules/" + view.id()).entity(view).build());
    }

    @GET
    @Operation(summary = "List schedules", description = "By id, at most `limit` per page; `next` is the `after`"
            + " of the next page.")
    public Uni<SchedulePage> list(@QueryParam("integration") String integration,
            @QueryParam("repository") @Parameter(description = "e.g. acme/game") String repository,
            @QueryParam("after") String after,
            @Parameter(schema = @Schema(type = SchemaType.INTEGER, defaultValue = "100")) @QueryParam("limit") String limitParam) {
        int limit = QueryParams.integer("limit", limitParam, 100);
        if (limit < 1 || limit > MAX_PAGE) {
            throw ApiException.invalid("limit", "must be between 1 and " + MAX_PAGE);
        }
        return schedules.list(integration, repository, after, limit);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Read a schedule", description = "With its next slot, the last slot built and its request"
            + " id, and the last slot that was not built (or is waiting for the connector) and why.")
    @APIResponse(responseCode = "404", description = "No such schedule")
    public Uni<ScheduleView> get(@PathParam("id") String id) {
        return schedules.get(id);
    }

    @PUT
    @Path("{id}")
    @Operation(summary = "Replace a schedule", description = "Takes the whole schedule, checked as on creation (the"
            + " connector only when the integration, repository or branch changes). A new cron expression, time"
            + " zone or enabled state starts again from now: no earlier slot is built.")
    @APIResponse(responseCode = "400", description = "A field is invalid (each is named); nothing changed")
    @APIResponse(responseCode = "404", description = "No such schedule")
    @APIResponse(responseCode = "503", description = "The connector could not be asked; nothing changed")
    public Uni<ScheduleView> update(@PathParam("id") String id, ScheduleRequest request) {
        return schedules.update(id, request);
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Delete a schedule", description = "Builds it already asked for go on.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No such schedule")
    public Uni<Void> delete(@PathParam("id") String id) {
        return schedules.delete(id);
    }
}

package dev.bitbridge.trigger.manual;

import java.net.URI;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.smallrye.mutiny.Uni;

import dev.bitbridge.api.ApiError;
import dev.bitbridge.api.ApiRoles;
import dev.bitbridge.api.QueryParams;
import dev.bitbridge.trigger.branches.BranchHeadException;

/**
 * {@code /api/v1/builds}: ask for a build, see builds, cancel one. The admin token names no person, so whoever asks
 * or cancels declares it ({@code requestedBy}); it is recorded, shown and passed to Jenkins as {@code REQUESTED_BY}.
 */
@Path("/api/v1/builds")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Builds")
@SecurityRequirement(name = "bearer")
@RolesAllowed(ApiRoles.ADMIN)
public class BuildResource {

    private final ManualBuilds manual;
    private final BuildViews views;
    private final BuildCancels cancels;

    BuildResource(ManualBuilds manual, BuildViews views, BuildCancels cancels) {
        this.manual = manual;
        this.views = views;
        this.cancels = cancels;
    }

    @POST
    @Operation(summary = "Ask for a build", description = "Builds a commit, or a branch's head (read through the"
            + " connector), with the Jenkins target's default job or the one named. Stored before the answer and"
            + " sent to Jenkins at once. Without an Idempotency-Key every POST is a new build; with one, a retried"
            + " POST answers the build the first one made.")
    @APIResponse(responseCode = "202", description = "Stored, on its way to Jenkins; Location names it", content = @Content(schema = @Schema(implementation = BuildView.class)))
    @APIResponse(responseCode = "200", description = "This Idempotency-Key made this build before: nothing new was stored", content = @Content(schema = @Schema(implementation = BuildView.class)))
    @APIResponse(responseCode = "400", description = "Every invalid field named (the body, no Jenkins target, an unknown branch); nothing stored", content = @Content(schema = @Schema(implementation = ApiError.class)))
    @APIResponse(responseCode = "409", description = "The Idempotency-Key was used for a different request", content = @Content(schema = @Schema(implementation = ApiError.class)))
    @APIResponse(responseCode = "503", description = "The connector (or Bitbucket behind it) could not say the branch's head or the integration's flavor: retry after Retry-After", content = @Content(schema = @Schema(implementation = ApiError.class)))
    public Uni<Response> create(
            @Parameter(in = ParameterIn.HEADER, description = "A key the client makes for this build (e.g. a UUID); a retry with the same key in the same integration builds once") @HeaderParam("Idempotency-Key") String idempotencyKey,
            ManualBuildRequest body) {
        return manual.create(body, idempotencyKey).map(outcome -> Response
                .status(outcome.created() ? Response.Status.ACCEPTED : Response.Status.OK)
                .location(URI.create("/api/v1/builds/" + outcome.build().requestId()))
                .entity(outcome.build()).build());
    }

    @GET
    @Path("{id}")
    @Operation(summary = "A build: its state, Jenkins URLs, number, result, reason, who asked and who cancelled")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = BuildView.class)))
    @APIResponse(responseCode = "404", description = "No build has this id", content = @Content(schema = @Schema(implementation = ApiError.class)))
    public Uni<BuildView> get(@PathParam("id") String id) {
        return views.get(id);
    }

    @GET
    @Operation(summary = "Builds, newest first", description = "Every build — manual, scheduled and automatic — of an"
            + " integration, a repository or in a state; at most `limit` (default 20, at most 100).")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = BuildList.class)))
    @APIResponse(responseCode = "400", description = "An unknown state or a limit out of range", content = @Content(schema = @Schema(implementation = ApiError.class)))
    public Uni<BuildList> list(@QueryParam("integration") String integration,
            @Parameter(description = "Full name; needs integration") @QueryParam("repository") String repository,
            @Parameter(schema = @Schema(enumeration = { "PENDING", "DISPATCHING", "QUEUED", "INPROGRESS",
                    "SUCCESSFUL", "FAILED", "STOPPED" })) @QueryParam("state") String state,
            @Parameter(schema = @Schema(type = SchemaType.INTEGER, defaultValue = "20")) @QueryParam("limit") String limit) {
        return views.list(integration, repository, state, QueryParams.integer("limit", limit));
    }

    @POST
    @Path("{id}/cancel")
    @Operation(summary = "Cancel a build", description = "Not sent to Jenkins yet: STOPPED at once, with no Jenkins"
            + " call (200). Queued in Jenkins: its queue item is cancelled; running: it is stopped; being sent: it is"
            + " cancelled as soon as Jenkins' answer is known (202; the build then reports STOPPED, 'cancelled by"
            + " <who>'). Asking again answers the same, with no second Jenkins call.")
    @APIResponse(responseCode = "200", description = "The build is final: stopped by this cancel (or by the first one asked)", content = @Content(schema = @Schema(implementation = BuildView.class)))
    @APIResponse(responseCode = "202", description = "Recorded; Jenkins is being told", content = @Content(schema = @Schema(implementation = BuildView.class)))
    @APIResponse(responseCode = "400", description = "No requestedBy", content = @Content(schema = @Schema(implementation = ApiError.class)))
    @APIResponse(responseCode = "404", description = "No build has this id", content = @Content(schema = @Schema(implementation = ApiError.class)))
    @APIResponse(responseCode = "409", description = "The build had already finished; the detail says its state", content = @Content(schema = @Schema(implementation = ApiError.class)))
    public Uni<Response> cancel(@PathParam("id") String id, CancelRequest body) {
        return cancels.cancel(id, body).map(outcome -> Response
                .status(outcome.done() ? Response.Status.OK : Response.Status.ACCEPTED)
                .entity(outcome.build()).build());
    }

    /** The connector or Bitbucket is away: 503, and when to ask again. */
    @ServerExceptionMapper
    Response unavailable(BranchHeadException failure) {
        return Response.status(Response.Status.SERVICE_UNAVAILABLE).type(MediaType.APPLICATION_JSON_TYPE)
                .header("Retry-After", failure.retryAfter().map(d -> Long.toString(Math.max(1, d.toSeconds())))
                        .orElse("30"))
                .entity(ApiError.of("connector_unavailable", failure.getMessage() + "; nothing was stored: try"
                        + " again later"))
                .build();
    }
}

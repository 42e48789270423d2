package dev.bitbridge.connector.integration;

import java.util.Optional;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
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
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.mutiny.Uni;

import dev.bitbridge.api.ApiException;
import dev.bitbridge.api.ApiRoles;
import dev.bitbridge.api.QueryParams;
import dev.bitbridge.connector.connection.ConnectionReport;
import dev.bitbridge.connector.connection.ConnectionTester;
import dev.bitbridge.connector.security.Caller;
import dev.bitbridge.connector.webhooks.WebhookRotation;

/** {@code /api/v1/integrations}: create, list, read, change and delete integrations. */
@Path("/api/v1/integrations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Integrations")
@SecurityRequirement(name = "bearer")
public class IntegrationResource {

    static final int MAX_PAGE = 100;

    private final IntegrationService integrations;
    private final Caller caller;
    private final ConnectionTester tester;
    private final WebhookRotation rotation;

    IntegrationResource(IntegrationService integrations, Caller caller, ConnectionTester tester,
            WebhookRotation rotation) {
        this.rotation = rotation;
        this.integrations = integrations;
        this.caller = caller;
        this.tester = tester;
    }

    @POST
    @Path("{name}/webhook/rotate")
    @RolesAllowed(ApiRoles.ADMIN)
    @Operation(summary = "Rotate the webhook token and secret", description = "The ingress keeps accepting the"
            + " previous ones for bitbridge.connector.rotation-grace while every automatic hook is rewritten; the"
            + " answer lists hooks that could not be updated.")
    public Uni<WebhookRotation.RotationReport> rotate(@PathParam("name") String name) {
        return rotation.rotate(name);
    }

    @POST
    @Path("{name}/test")
    @RolesAllowed(ApiRoles.ADMIN)
    @Operation(summary = "Test the connection to Bitbucket", description = "Checks the credential's identity, the"
            + " workspace or server, repository visibility and webhook permissions. On failure, `problem` says which"
            + " of bad_credentials, missing_scope, forbidden, not_found, tls_failure, unreachable, rate_limited,"
            + " bitbucket_error it was, and `detail` what to do.")
    public Uni<ConnectionReport> test(@PathParam("name") String name) {
        return tester.test(name);
    }

    @POST
    @RolesAllowed(ApiRoles.ADMIN)
    @Operation(summary = "Create an integration", description = "Generates its webhook token and secret and tells"
            + " the webhook ingress about it. Credentials are write-only.")
    public Uni<Response> create(IntegrationRequest request) {
        if (request == null) {
            throw ApiException.invalid("body", "is required: a JSON object describing the integration");
        }
        return integrations.create(request)
                .map(view -> Response.status(201).header("Location", "/api/v1/integrations/" + view.name())
                        .entity(view).build());
    }

    @GET
    @RolesAllowed({ ApiRoles.ADMIN, ApiRoles.READER })
    @Operation(summary = "List integrations", description = "Admins see all; readers see the spaces their token"
            + " names, and the default space.")
    public Uni<IntegrationPage> list(@QueryParam("after") String after,
            @Parameter(schema = @Schema(type = SchemaType.INTEGER, defaultValue = "25")) @QueryParam("limit") String limitParam) {
        int limit = QueryParams.integer("limit", limitParam, 25);
        if (limit < 1 || limit > MAX_PAGE) {
            throw ApiException.invalid("limit", "must be between 1 and " + MAX_PAGE);
        }
        return integrations.list(caller.isAdmin() ? Optional.empty() : Optional.of(caller.readableSpaces()), after,
                limit);
    }

    @GET
    @Path("{name}")
    @RolesAllowed(ApiRoles.ADMIN)
    @Operation(summary = "Read an integration's details (admins only)")
    public Uni<IntegrationView> get(@PathParam("name") String name) {
        return integrations.get(name);
    }

    @PATCH
    @Path("{name}")
    @RolesAllowed(ApiRoles.ADMIN)
    @Operation(summary = "Change an integration", description = "Only the fields present change; name and flavor"
            + " cannot.")
    public Uni<IntegrationView> update(@PathParam("name") String name, IntegrationRequest request) {
        if (request == null) {
            throw ApiException.invalid("body", "is required: a JSON object with the fields to change");
        }
        return integrations.update(name, request);
    }

    @DELETE
    @Path("{name}")
    @RolesAllowed(ApiRoles.ADMIN)
    @Operation(summary = "Delete an integration", description = "Removes its credentials and tells the webhook"
            + " ingress; reports what could not be cleaned up.")
    public Uni<DeletionReport> delete(@PathParam("name") String name) {
        return integrations.delete(name);
    }
}
